export { SalesDashboard, type SalesDashboardProps } from './onDemand.js';
export {
  AGE_BUCKETS, serverReport, periodRange, PERIOD_CHOICES, SALES_DIMENSIONS, ReportUnavailable,
  type QuotaRow, type AgeBucketRow, type AgeBucket, type CategoryRow, type SalesByRow, type PlanRow, type ForecastAccuracyRow,
  type ExpenseRatioRow, type EngineerSatisfactionRow, type Period, type PeriodChoice, type SalesDimension,
} from './reports.js';
