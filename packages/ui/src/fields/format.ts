/**
 * How the screens write numbers, money and percentages: in the UI language (react-admin's locale),
 * never the browser's. Every screen formats through here; dates go through react-admin's DateField
 * given the UI locale (`LocaleDateField` in `display.tsx`: `2026/11/19` in the Chinese UI of an
 * English browser, `11/19/2026` in the English one).
 */
import { useMemo } from 'react';
import { useI18nProvider } from 'react-admin';

/** Money is in Chinese yuan. */
export const CURRENCY = 'CNY';

export const moneyOptions: Intl.NumberFormatOptions = { style: 'currency', currency: CURRENCY };
/** Percent fields hold 0–100; NumberField's percent style expects a fraction. */
export const percentOptions: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 2 };
export const toFraction = (value: unknown): number => Number(value) / 100;
/** An amount as typed in a money input: grouped, cents always shown, no currency sign (the input shows `¥`). */
export const amountOptions: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 10 };

// Building an Intl.NumberFormat costs far more than formatting with one: board and lists format hundreds of cells.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const absent = (value: number | null | undefined): value is null | undefined => value == null || Number.isNaN(value);

export function formatNumber(value: number | null | undefined, locale: string, options?: Intl.NumberFormatOptions): string {
  return absent(value) ? '' : numberFormat(locale, options).format(value);
}

/** `¥1,234.00` (zh-CN), `CN¥1,234.00` (en). */
export function formatMoney(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, moneyOptions);
}

/** Money on a chart axis: `¥1.2M`, `¥120万`. */
export function formatCompactMoney(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, {
    ...moneyOptions,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
}

/** A fraction (0.25) as a percentage (`25%`). */
export function formatPercent(fraction: number | null | undefined, locale: string, maximumFractionDigits = 0): string {
  return formatNumber(fraction, locale, { style: 'percent', maximumFractionDigits });
}

/** An amount for a money input: `1,250,000.00`. */
export function formatAmount(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, amountOptions);
}

/** The group and decimal separators of a locale (`,` and `.` in zh-CN and en; `.` and `,` in de). */
function separators(locale: string): { group: string; decimal: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number typed in the UI language: its group separators (and spaces) dropped, its decimal
 * separator read, full-width digits and signs (typed with a Chinese input method) and the minus
 * sign some locales format with (U+2212) accepted.
 * `null` for empty text, `NaN` for text that is not a number.
 */
export function parseAmount(text: string, locale: string): number | null {
  const { group, decimal } = separators(locale);
  const plain = text
    .normalize('NFKC')
    .replace(new RegExp(`[\\s${literally(group)}]`, 'gu'), '')
    .replace(decimal, '.')
    .replace(/\u2212/gu, '-')
    .replace(/^[¥￥]|[¥￥]$/gu, '');
  if (plain === '') return null;
  return /^[-+]?(\d+\.?\d*|\.\d+)$/u.test(plain) ? Number(plain) : Number.NaN;
}

/** The formatters bound to the UI language. */
export interface LocaleFormat {
  locale: string;
  number: (value: number | null | undefined, options?: Intl.NumberFormatOptions) => string;
  money: (value: number | null | undefined) => string;
  percent: (fraction: number | null | undefined, maximumFractionDigits?: number) => string;
}

export function localeFormat(locale: string): LocaleFormat {
  return {
    locale,
    number: (value, options) => formatNumber(value, locale, options),
    money: (value) => formatMoney(value, locale),
    percent: (fraction, digits) => formatPercent(fraction, locale, digits),
  };
}

/**
 * The UI language, as the i18n provider has it. react-admin's `useLocale` subscribes every caller
 * to its store, which the hundreds of cells of a list pay for; a change of language mounts the
 * admin again once the provider has switched, so a read is enough.
 */
export const useUiLocale = (): string => useI18nProvider().getLocale();

/** The formatters of the current UI language. */
export function useLocaleFormat(): LocaleFormat {
  const locale = useUiLocale();
  return useMemo(() => localeFormat(locale), [locale]);
}

export function useMoneyFormat(): (value: number | undefined) => string {
  return useLocaleFormat().money;
}
