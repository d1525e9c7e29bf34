import { useLocale } from 'react-admin';

/** Money is in Chinese yuan; the number format follows the UI locale. */
export const CURRENCY = 'CNY';

export const moneyOptions: Intl.NumberFormatOptions = { style: 'currency', currency: CURRENCY };
/** Percent fields hold 0–100; NumberField's percent style expects a fraction. */
export const percentOptions: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 2 };
export const toFraction = (value: unknown): number => Number(value) / 100;

export function formatMoney(value: number | undefined, locale: string): string {
  return value == null ? '' : new Intl.NumberFormat(locale, moneyOptions).format(value);
}

export function useMoneyFormat(): (value: number | undefined) => string {
  const locale = useLocale();
  return (value) => formatMoney(value, locale);
}
