/** The sales dashboard: funnel, quota attainment, overdue collections by age, complaints by category. */
import { Box } from '@mui/material';
import { Title, useDataProvider, useLocaleState } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { SalesModel } from '@ra-sales/schema';
import { useSalesTranslate } from '../workflow/messages.js';
import type { WorkflowEntity } from '../workflow/model.js';
import { ComplaintsChart, FunnelChart, OverdueChart, QuotaChart } from './charts.js';
import { defaultDashboardConfig, type DashboardConfig } from './config.js';
import { ReportCard } from './ReportCard.js';
import { complaintsByCategoryReport, funnelReport, overdueCollectionsReport, quotaAttainmentReport } from './reports.js';

export interface SalesDashboardProps {
  model: SalesModel;
  config?: Partial<DashboardConfig>;
}

const NOT_READY = { data: undefined, error: null, isPending: true };

export function SalesDashboard({ model, config: overrides }: SalesDashboardProps) {
  const config = { ...defaultDashboardConfig, ...overrides };
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  const opportunities = model.entities[config.opportunities]?.workflow ? (model.entities[config.opportunities] as WorkflowEntity) : undefined;
  const quotas = model.entities[config.quotas.resource];
  const collections = model.entities[config.collections.resource];
  const complaints = model.entities[config.complaints.resource];

  const funnel = useQuery({
    queryKey: [config.opportunities, 'report', 'stage-totals'],
    queryFn: () => funnelReport(dataProvider, opportunities!),
    enabled: !!opportunities,
  });
  const quota = useQuery({
    queryKey: [config.quotas.resource, 'report', 'quota-attainment', config.quotas.filter],
    queryFn: () => quotaAttainmentReport(dataProvider, opportunities!, config),
    enabled: !!opportunities && !!quotas,
  });
  const overdue = useQuery({
    queryKey: [config.collections.resource, 'report', 'overdue-collections'],
    queryFn: () => overdueCollectionsReport(dataProvider, collections!, config),
    enabled: !!collections,
  });
  const complaintsQuery = useQuery({
    queryKey: [config.complaints.resource, 'report', 'complaints-by-category'],
    queryFn: () => complaintsByCategoryReport(dataProvider, complaints!, config),
    enabled: !!complaints,
  });

  return (
    <Box sx={{ mt: 1, display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }} data-testid="sales-dashboard">
      <Title title={t('dashboard.title')} />
      <ReportCard title={t('dashboard.funnel')} testId="report-funnel" query={opportunities ? funnel : NOT_READY} missingResource={opportunities ? undefined : config.opportunities}>
        {(rows) => <FunnelChart rows={rows} entity={opportunities!} locale={locale} />}
      </ReportCard>
      <ReportCard title={t('dashboard.quota')} testId="report-quota" query={quotas ? quota : NOT_READY} missingResource={quotas && opportunities ? undefined : config.quotas.resource}>
        {(rows) => <QuotaChart rows={rows} salespeople={config.salespeople} locale={locale} />}
      </ReportCard>
      <ReportCard title={t('dashboard.overdue')} testId="report-overdue" query={collections ? overdue : NOT_READY} missingResource={collections ? undefined : config.collections.resource}>
        {(rows) => <OverdueChart rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={t('dashboard.complaints')} testId="report-complaints" query={complaints ? complaintsQuery : NOT_READY} missingResource={complaints ? undefined : config.complaints.resource}>
        {(rows) => <ComplaintsChart rows={rows} entity={complaints!} field={config.complaints.category} locale={locale} />}
      </ReportCard>
    </Box>
  );
}
