export {
  createSalesDataProvider,
  withDemoUser,
  actionMethods,
  withLocale,
  withSalesRefusals,
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
} from './dataProvider.js';
export { isRuleRefusal, isSalesRefusal, asSalesRefusal, keepSessionOnRuleRefusals, SalesRefusal } from './ruleRefusals.js';
