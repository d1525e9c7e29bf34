export {
  createSalesDataProvider,
  withDemoUser,
  withLocale,
  DEMO_USER_HEADER,
  type SalesDataProviderOptions,
  type SalesDataProvider,
  type SalesDataMethods,
  type TransitionParams,
  type HttpClient,
} from './dataProvider.js';
export { isRuleRefusal, keepSessionOnRuleRefusals } from './ruleRefusals.js';
