import { CURRENCY } from '../fields/format.js';

/** Money on a chart axis: `¥1.2M`, `¥120万`. */
export function compactMoney(value: number | null, locale: string): string {
  if (value == null) return '';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: CURRENCY,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}
