export { salesMessages, SALES_LOCALES } from './messages.js';
export {
  createSalesI18nProvider,
  allMessages,
  salesTranslations,
  salesLocaleOf,
  languageName,
  SALES_LANGUAGES,
  type SalesI18nOptions,
  type HostMessages,
  type HostLocaleMessages,
} from './provider.js';
export { raChineseMessages } from './ra-zh-CN.js';
export { SalesLocaleSwitcher, type SalesLocaleSwitcherProps } from './LocaleSwitcher.js';
export { keys } from './keys.js';
export { labelIn, humanize } from './labels.js';
export { useRoleNames } from './useRoleNames.js';
export { useUiTranslate } from './useUiTranslate.js';
