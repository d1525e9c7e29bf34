export { SalesDashboard, type SalesDashboardProps } from './SalesDashboard.js';
export { defaultDashboardConfig, type DashboardConfig } from './config.js';
export {
  funnelReport, quotaAttainmentReport, overdueCollectionsReport, complaintsByCategoryReport,
  quotaAttainmentFromRows, overdueBucketsFromRows, categoriesFromRows, ageBucket, daysBetween, AGE_BUCKETS,
  type QuotaRow, type AgeBucketRow, type AgeBucket, type CategoryRow,
} from './reports.js';
