import { formatCompactMoney } from '../fields/format.js';

/** Money on a chart axis: `¥1.2M`, `¥120万`. */
export function compactMoney(value: number | null, locale: string): string {
  return formatCompactMoney(value, locale);
}
