import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { mergeTranslations, type I18nProvider, type TranslationMessages } from 'react-admin';
import type { SalesModel } from '@ra-sales/schema';
import { workflowMessages } from '../workflow/messages.js';
import { salesMessages } from './messages.js';
import { raChineseMessages } from './ra-zh-CN.js';

/** The languages offered by the locale switcher, in its order. */
export const SALES_LANGUAGES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
];

const reactAdminMessages: Record<string, TranslationMessages> = { en: englishMessages, 'zh-CN': raChineseMessages };

export interface SalesI18nOptions {
  /** Default `zh-CN`. */
  defaultLocale?: string;
  /** The host application's own messages per locale, merged over the library's. */
  hostMessages?: Record<string, object>;
}

const screenMessages: Record<string, object> = workflowMessages;

/** All messages for one locale: react-admin's, the sales model's and screens', then the host's. */
export function allMessages(model: SalesModel, locale: string, hostMessages: Record<string, object> = {}): TranslationMessages {
  return mergeTranslations(
    reactAdminMessages[locale] ?? englishMessages,
    screenMessages[locale] ?? screenMessages.en ?? {},
    salesMessages(model, locale),
    hostMessages[locale] ?? {},
  ) as TranslationMessages;
}

/** A polyglot i18n provider in Chinese and English; missing keys fall back to react-admin's defaults. */
export function createSalesI18nProvider(model: SalesModel, options: SalesI18nOptions = {}): I18nProvider {
  const { defaultLocale = 'zh-CN', hostMessages = {} } = options;
  const cache = new Map<string, TranslationMessages>();
  const messagesFor = (locale: string) => {
    if (!cache.has(locale)) cache.set(locale, allMessages(model, locale, hostMessages));
    return cache.get(locale)!;
  };
  return polyglotI18nProvider(messagesFor, defaultLocale, SALES_LANGUAGES, { allowMissing: true });
}
