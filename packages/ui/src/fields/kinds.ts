import type { FieldKind } from '@ra-sales/schema';

/** Kinds filtered by a range, `<field>_gte` / `<field>_lte`, rather than by a value. */
export const RANGE_FILTER_KINDS: readonly FieldKind[] = ['integer', 'number', 'money', 'percent', 'date', 'datetime'];

export const rangeSources = (name: string) => [`${name}_gte`, `${name}_lte`] as const;
