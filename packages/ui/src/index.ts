export * from './resources/index.js';
export * from './i18n/index.js';
export * from './layout/index.js';
export * from './workflow/index.js';
export * from './dashboard/index.js';
export * from './user/index.js';
export * from './rules/index.js';
export * from './activities/index.js';
// Explicit, so these win over the workflow module's narrower `SalesDataProvider`.
export {
  createSalesDataProvider,
  withDemoUser,
  withLocale,
  actionMethods,
  DEMO_USER_HEADER,
  type SalesDataProviderOptions,
  type SalesDataProvider,
  type SalesDataMethods,
  type TransitionParams,
  type RunActionParams,
  type RunBulkActionParams,
  type ActionResult,
  type ActionRecordRef,
  type BulkActionOutcome,
  type HttpClient,
  isRuleRefusal,
  keepSessionOnRuleRefusals,
  isSalesRefusal,
  asSalesRefusal,
  withSalesRefusals,
  SalesRefusal,
} from './data/index.js';
export { preloadSalesRoute } from './routes/preloadSalesRoute.js';
