/**
 * The sales dashboard: the report cards model.json declares (`dashboard.cards`), in their order,
 * each computed by the server, and the period the reports that take one are asked for.
 */
import { useState } from 'react';
import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { Title } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { withInputSlots } from '../fields/muiCompat.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { DashboardCardView } from './DashboardCardView.js';
import { HeadlineFigures } from './HeadlineFigures.js';
import { PERIOD_CHOICES, periodRange, type PeriodChoice } from './reports.js';

export interface SalesDashboardProps {
  model: ClientSalesModel;
  /** The period shown first (default: this year). */
  defaultPeriod?: PeriodChoice;
}

export function SalesDashboard({ model, defaultPeriod = 'year' }: SalesDashboardProps) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const [periodChoice, setPeriodChoice] = useState<PeriodChoice>(defaultPeriod);
  const period = periodRange(periodChoice);

  return (
    // minmax(0, …): a card never widens the page. On a phone a table keeps its cells on one line and
    // scrolls sideways inside its card, instead of squeezing its columns to a character each.
    <Box
      sx={(theme) => ({
        mt: 1,
        display: 'grid',
        gap: 2,
        gridTemplateColumns: 'minmax(0, 1fr)',
        [theme.breakpoints.up('lg')]: { gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' },
        [theme.breakpoints.down('sm')]: {
          '& .MuiCardContent-root': { overflowX: 'auto' },
          '& .MuiTableCell-root': { whiteSpace: 'nowrap' },
        },
      })}
      data-testid="sales-dashboard"
    >
      <Title title={t('dashboard.title')} />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <TextField
          select
          size="small"
          label={ui('reports.period')}
          value={periodChoice}
          onChange={(event) => setPeriodChoice(event.target.value as PeriodChoice)}
          sx={{ minWidth: 160 }}
          {...withInputSlots({}, undefined, { 'data-testid': 'dashboard-period' })}
        >
          {PERIOD_CHOICES.map((choice) => (
            <MenuItem key={choice} value={choice}>
              {ui(`reports.period_${choice}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <HeadlineFigures model={model} />
      {model.dashboard.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('dashboard.no_cards')}</Typography>}
      {model.dashboard.map((card, index) => (
        <DashboardCardView key={index} card={card} model={model} period={period} />
      ))}
    </Box>
  );
}
