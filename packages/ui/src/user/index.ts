export { useSalesUser, SALES_USER_QUERY_KEY } from './useSalesUser.js';
export { useRuleUser, asRuleUser, type RuleUserState } from './ruleUser.js';
export { UNKNOWN_USER } from './unknownUser.js';
export { demoActAs, ACT_AS_STORAGE_KEY, type ActAsApi } from './actAs.js';
