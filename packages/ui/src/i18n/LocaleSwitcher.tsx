import { LocalesMenuButton, useLocales, type Locale } from 'react-admin';
import { SALES_LANGUAGES } from './provider.js';

export interface SalesLocaleSwitcherProps {
  /** The languages offered. Default: the i18n provider's `getLocales()` (the host's and the library's), else 中文 / English. */
  languages?: Locale[];
}

/**
 * The language menu for an app bar's toolbar: every locale of the i18n provider — with
 * `createSalesI18nProvider`, the host's languages then the library's, each once.
 */
export const SalesLocaleSwitcher = ({ languages }: SalesLocaleSwitcherProps = {}) => {
  const locales = useLocales();
  return <LocalesMenuButton languages={languages ?? (locales.length ? locales : SALES_LANGUAGES)} />;
};
