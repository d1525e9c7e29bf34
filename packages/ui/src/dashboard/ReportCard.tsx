/** A dashboard tile: title, loading / error / empty states, and a note when a fallback sampled rows. */
import type { ReactNode } from 'react';
import { Alert, Card, CardContent, CardHeader, CircularProgress, Typography } from '@mui/material';
import type { ReportResult } from '../workflow/reports.js';
import { useSalesTranslate } from '../workflow/messages.js';

export interface ReportCardProps<T> {
  title: string;
  testId: string;
  /** The report is not available (its resource is not in the model): show why instead. */
  missingResource?: string;
  query: { data?: ReportResult<T[]>; error: unknown; isPending: boolean };
  children: (rows: T[]) => ReactNode;
}

export function ReportCard<T>({ title, testId, missingResource, query, children }: ReportCardProps<T>) {
  const t = useSalesTranslate();
  const body = () => {
    if (missingResource) return <Typography color="text.secondary">{t('dashboard.unavailable', { resource: missingResource })}</Typography>;
    if (query.error) return <Alert severity="error">{(query.error as Error).message}</Alert>;
    if (query.isPending || !query.data) return <CircularProgress size={24} />;
    if (query.data.data.length === 0) return <Typography color="text.secondary">{t('dashboard.no_data')}</Typography>;
    return (
      <>
        {children(query.data.data)}
        {query.data.sampled && (
          <Typography variant="caption" color="text.secondary">
            {t('dashboard.partial', { count: query.data.sampled })}
          </Typography>
        )}
      </>
    );
  };
  return (
    <Card data-testid={testId} sx={{ height: '100%' }}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'h6' }} />
      <CardContent>{body()}</CardContent>
    </Card>
  );
}
