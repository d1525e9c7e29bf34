export { SalesDashboard, type SalesDashboardProps } from './onDemand.js';
export { defaultDashboardConfig, type DashboardConfig } from './config.js';
export {
  funnelReport, quotaAttainmentReport, overdueCollectionsReport, complaintsByCategoryReport,
  quotaAttainmentFromRows, overdueBucketsFromRows, categoriesFromRows, ageBucket, daysBetween, AGE_BUCKETS,
  salesByReport, planVsActualReport, forecastAccuracyReport, expenseRatioReport, satisfactionReport, serverReport, periodRange,
  PERIOD_CHOICES, SALES_DIMENSIONS, ReportUnavailable,
  type QuotaRow, type AgeBucketRow, type AgeBucket, type CategoryRow, type SalesByRow, type PlanRow, type ForecastAccuracyRow,
  type ExpenseRatioRow, type EngineerSatisfactionRow, type Period, type PeriodChoice, type SalesDimension,
} from './reports.js';
