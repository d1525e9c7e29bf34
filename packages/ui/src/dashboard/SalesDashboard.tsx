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
    <Box sx={{ mt: 1, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }} data-testid="sales-dashboard">
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
      {model.dashboard.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{t('dashboard.no_cards')}</Typography>}
      {model.dashboard.map((card, index) => (
        <DashboardCardView key={index} card={card} model={model} period={period} />
      ))}
    </Box>
  );
}
