/**
 * The headline figures model.json declares (`dashboard.figures`): a row of tiles above the cards,
 * every value computed by the server within the caller's read scope (`GET /reports/headline`, one
 * request), written in the UI language; a compared figure shows the period before and the change.
 */
import { Alert, Box, Card, CardContent, Skeleton, Tooltip, Typography } from '@mui/material';
import { useDataProvider, useLocaleState } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import { localToday, type ClientSalesModel, type DashboardFigure, type FigureUnit } from '@ra-sales/schema';
import { formatCompactMoney, formatMoney, formatNumber, formatPercent } from '../fields/format.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { retryUnlessUnavailable, serverReport } from '../workflow/reports.js';

/** `GET /api/reports/headline`: one answer per figure, in order. */
export interface FigureAnswer {
  value: number | null;
  previous: number | null;
  /** Why the figure's report is not available (a company removed its entity). */
  error: string | null;
}

/** A figure as the tile writes it (compact money, the whole amount in its tooltip). */
export function formatFigure(value: number | null, unit: FigureUnit, locale: string, compact = true): string {
  if (value == null) return '—';
  if (unit === 'money') return compact ? formatCompactMoney(value, locale) : formatMoney(value, locale);
  if (unit === 'percent') return formatPercent(value, locale, 1);
  return formatNumber(value, locale);
}

/** The change from the period before, as a signed share (`+12%`), or nothing when there is no base. */
function change(value: number | null, previous: number | null, locale: string): string | null {
  if (value == null || previous == null || previous === 0) return null;
  return formatPercent((value - previous) / Math.abs(previous), locale, 0).replace(/^(?=\d)/, '+');
}

function FigureTile({ figure, answer, locale }: { figure: DashboardFigure; answer?: FigureAnswer; locale: string }) {
  const ui = useUiTranslate();
  const title = labelIn(figure.title, locale);
  const delta = answer ? change(answer.value, answer.previous, locale) : null;
  return (
    <Card data-testid="headline-figure" data-report={figure.report} data-value={figure.value} sx={{ minWidth: 0 }}>
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Typography variant="body2" noWrap title={title} sx={{ color: 'text.secondary' }}>
          {title}
        </Typography>
        {!answer ? (
          <Skeleton width="60%" height={36} />
        ) : answer.error ? (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {ui('figures.unavailable', { reason: answer.error })}
          </Typography>
        ) : (
          <Tooltip title={formatFigure(answer.value, figure.unit, locale, false)}>
            <Typography variant="h5" component="p" data-testid="headline-figure-value" sx={{ fontWeight: 600 }}>
              {formatFigure(answer.value, figure.unit, locale)}
            </Typography>
          </Tooltip>
        )}
        {answer && figure.compare && figure.period && !answer.error && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }} data-testid="headline-figure-previous">
            {ui(`figures.previous_${figure.period}`, { value: formatFigure(answer.previous, figure.unit, locale) })}
            {delta && (
              <Box component="span" sx={{ ml: 0.5, color: delta.startsWith('+') ? 'success.main' : 'error.main' }}>
                {delta}
              </Box>
            )}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

export function HeadlineFigures({ model, today = new Date() }: { model: ClientSalesModel; today?: Date }) {
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const ui = useUiTranslate();
  const figures = model.dashboardFigures ?? [];
  // The local calendar date, so that "this month" is the user's month.
  const day = localToday(today);
  const query = useQuery({
    queryKey: ['report', 'headline', day],
    queryFn: () => serverReport<FigureAnswer>(dataProvider, 'headline', { today: day }),
    enabled: figures.length > 0,
    retry: retryUnlessUnavailable,
  });
  if (figures.length === 0) return null;
  return (
    <Box
      component="section"
      aria-label={ui('figures.title')}
      data-testid="headline-figures"
      sx={{ gridColumn: '1 / -1', display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))' }}
    >
      {query.error ? (
        <Alert severity={(query.error as { unavailable?: boolean }).unavailable ? 'info' : 'error'} sx={{ gridColumn: '1 / -1' }}>
          {(query.error as Error).message}
        </Alert>
      ) : (
        figures.map((figure, index) => <FigureTile key={index} figure={figure} answer={query.data?.data[index]} locale={locale} />)
      )}
    </Box>
  );
}
