/**
 * The sales dashboard: funnel, quota attainment, overdue collections and instalments by age,
 * complaints by category, and the reports the server computes for a period (won sales by
 * salesperson, region, product or channel; plan vs actual; forecast accuracy; expense ratio;
 * satisfaction by engineer). The period applies to quota attainment and to those reports.
 */
import { useState } from 'react';
import { Box, MenuItem, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { Title, useDataProvider, useLocaleState } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { ClientSalesModel } from '@ra-sales/schema';
import { withInputSlots } from '../fields/muiCompat.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useSalesTranslate } from '../workflow/messages.js';
import type { WorkflowEntity } from '../workflow/model.js';
import {
  ComplaintsChart, ExpenseTable, ForecastTable, FunnelChart, OverdueChart, PlanChart, QuotaChart, SalesByChart, SatisfactionChart,
} from './charts.js';
import { defaultDashboardConfig, type DashboardConfig } from './config.js';
import { ReportCard } from './ReportCard.js';
import { StageFigureCards } from './StageFigureCards.js';
import {
  PERIOD_CHOICES, SALES_DIMENSIONS, complaintsByCategoryReport, expenseRatioReport, forecastAccuracyReport, funnelReport,
  overdueCollectionsReport, periodRange, planVsActualReport, quotaAttainmentReport, salesByReport, satisfactionReport,
  type PeriodChoice, type SalesDimension,
} from './reports.js';

export interface SalesDashboardProps {
  model: ClientSalesModel;
  config?: Partial<DashboardConfig>;
  /** The period shown first (default: this year). */
  defaultPeriod?: PeriodChoice;
}

const NOT_READY = { data: undefined, error: null, isPending: true };
/** A report the server lacks stays unavailable: no retries. */
const retry = (failures: number, error: unknown) => !(error as { unavailable?: boolean })?.unavailable && failures < 3;

export function SalesDashboard({ model, config: overrides, defaultPeriod = 'year' }: SalesDashboardProps) {
  const config = { ...defaultDashboardConfig, ...overrides };
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const [periodChoice, setPeriodChoice] = useState<PeriodChoice>(defaultPeriod);
  const [by, setBy] = useState<SalesDimension>('salesperson');
  const period = periodRange(periodChoice);
  const opportunities = model.entities[config.opportunities]?.workflow ? (model.entities[config.opportunities] as WorkflowEntity) : undefined;
  const quotas = model.entities[config.quotas.resource];
  const collections = model.entities[config.collections.resource];
  const complaints = model.entities[config.complaints.resource];
  /** The card's note when the model lacks the resource a server report reads. */
  const missing = (resource: string) => (model.entities[resource] ? undefined : resource);

  const funnel = useQuery({
    queryKey: [config.opportunities, 'report', 'stage-totals'],
    queryFn: () => funnelReport(dataProvider, opportunities!),
    enabled: !!opportunities,
  });
  const quota = useQuery({
    queryKey: [config.quotas.resource, 'report', 'quota-attainment', config.quotas.filter, period],
    queryFn: () => quotaAttainmentReport(dataProvider, opportunities!, config, period),
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
  const salesBy = useQuery({
    queryKey: [config.opportunities, 'report', 'sales-by', by, period],
    queryFn: () => salesByReport(dataProvider, by, period),
    retry,
    enabled: !!opportunities,
  });
  const plans = useQuery({
    queryKey: [config.salesPlans, 'report', 'plan-vs-actual', period],
    queryFn: () => planVsActualReport(dataProvider, period),
    retry,
    enabled: !missing(config.salesPlans),
  });
  const forecasts = useQuery({
    queryKey: [config.forecasts, 'report', 'forecast-accuracy', period],
    queryFn: () => forecastAccuracyReport(dataProvider, period),
    retry,
    enabled: !missing(config.forecasts),
  });
  const expenses = useQuery({
    queryKey: [config.expenseClaims, 'report', 'expense-ratio', period],
    // Only the total row, and nothing in it: no data.
    queryFn: async () => {
      const result = await expenseRatioReport(dataProvider, period);
      return result.data.every((row) => row.total && !row.expenses && !row.won) ? { data: [] } : result;
    },
    retry,
    enabled: !missing(config.expenseClaims),
  });
  const satisfaction = useQuery({
    queryKey: [config.surveys, 'report', 'satisfaction-by-engineer', period],
    queryFn: () => satisfactionReport(dataProvider, period),
    retry,
    enabled: !missing(config.surveys),
  });
  const whenPresent = <Q,>(resource: string, query: Q) => (missing(resource) ? NOT_READY : query);

  const byToggle = (
    <ToggleButtonGroup size="small" exclusive value={by} onChange={(_, value: SalesDimension | null) => value && setBy(value)} data-testid="sales-by-dimension">
      {SALES_DIMENSIONS.map((dimension) => (
        <ToggleButton key={dimension} value={dimension}>
          {ui(`reports.by_${dimension}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );

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
      <ReportCard title={t('dashboard.funnel')} testId="report-funnel" query={opportunities ? funnel : NOT_READY} missingResource={opportunities ? undefined : config.opportunities}>
        {(rows) => <FunnelChart rows={rows} entity={opportunities!} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.sales_by')} testId="report-sales-by" query={opportunities ? salesBy : NOT_READY} missingResource={opportunities ? undefined : config.opportunities} action={byToggle}>
        {(rows) => <SalesByChart rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={t('dashboard.quota')} testId="report-quota" query={quotas ? quota : NOT_READY} missingResource={quotas && opportunities ? undefined : config.quotas.resource}>
        {(rows) => <QuotaChart rows={rows} salespeople={config.salespeople} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.plan_vs_actual')} testId="report-plan-vs-actual" query={whenPresent(config.salesPlans, plans)} missingResource={missing(config.salesPlans)}>
        {(rows) => <PlanChart rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.forecast_accuracy')} testId="report-forecast-accuracy" query={whenPresent(config.forecasts, forecasts)} missingResource={missing(config.forecasts)}>
        {(rows) => <ForecastTable rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.expense_ratio')} testId="report-expense-ratio" query={whenPresent(config.expenseClaims, expenses)} missingResource={missing(config.expenseClaims)}>
        {(rows) => <ExpenseTable rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.overdue')} testId="report-overdue" query={collections ? overdue : NOT_READY} missingResource={collections ? undefined : config.collections.resource}>
        {(rows) => <OverdueChart rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={ui('reports.satisfaction')} testId="report-satisfaction" query={whenPresent(config.surveys, satisfaction)} missingResource={missing(config.surveys)}>
        {(rows) => <SatisfactionChart rows={rows} locale={locale} />}
      </ReportCard>
      <ReportCard title={t('dashboard.complaints')} testId="report-complaints" query={complaints ? complaintsQuery : NOT_READY} missingResource={complaints ? undefined : config.complaints.resource}>
        {(rows) => <ComplaintsChart rows={rows} entity={complaints!} field={config.complaints.category} locale={locale} />}
      </ReportCard>
      <StageFigureCards model={model} config={config} period={period} />
    </Box>
  );
}
