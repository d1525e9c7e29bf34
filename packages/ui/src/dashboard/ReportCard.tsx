/** A dashboard tile: title, loading / error / empty / not-available states. */
import type { ReactNode } from 'react';
import { Alert, Card, CardContent, CardHeader, CircularProgress, Typography } from '@mui/material';
import type { ReportResult } from '../workflow/reports.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';

export interface ReportCardProps<T> {
  title: string;
  testId: string;
  query: { data?: ReportResult<T[]>; error: unknown; isPending: boolean };
  /** Controls shown in the card's header (e.g. what the report groups by). */
  action?: ReactNode;
  children: (rows: T[]) => ReactNode;
}

export function ReportCard<T>({ title, testId, query, action, children }: ReportCardProps<T>) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const body = () => {
    // A report the server lacks (or answers 404 for, a field having been removed): say why, not as an error.
    if ((query.error as { unavailable?: boolean } | null)?.unavailable) {
      return (
        <Typography sx={{ color: 'text.secondary' }}>{ui('reports.unavailable', { reason: (query.error as Error).message })}</Typography>
      );
    }
    if (query.error) return <Alert severity="error">{(query.error as Error).message}</Alert>;
    if (query.isPending || !query.data) return <CircularProgress size={24} />;
    if (query.data.data.length === 0) return <Typography sx={{ color: 'text.secondary' }}>{t('dashboard.no_data')}</Typography>;
    return children(query.data.data);
  };
  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      {/* The title's Typography given here: `titleTypographyProps` (MUI 5) is gone in MUI 9, `slotProps.title` is not in MUI 5. */}
      <CardHeader
        disableTypography
        title={
          <Typography variant="h6" component="span" sx={{ display: 'block' }}>
            {title}
          </Typography>
        }
        action={action}
      />
      <CardContent>{body()}</CardContent>
    </Card>
  );
}
