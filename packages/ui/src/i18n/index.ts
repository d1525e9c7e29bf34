export { salesMessages, SALES_LOCALES } from './messages.js';
export { createSalesI18nProvider, allMessages, SALES_LANGUAGES, type SalesI18nOptions } from './provider.js';
export { raChineseMessages } from './ra-zh-CN.js';
export { SalesLocaleSwitcher } from './LocaleSwitcher.js';
export { keys } from './keys.js';
export { labelIn, humanize } from './labels.js';
export { useRoleNames } from './useRoleNames.js';
export { useUiTranslate } from './useUiTranslate.js';
