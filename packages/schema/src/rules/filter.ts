import type { Filter } from '../model.js';

/** Suffixes of filter keys, as in the REST API's `filter` parameter. */
export const FILTER_SUFFIXES = ['_neq', '_gte', '_lte', '_gt', '_lt'] as const;

/** The field a filter key is about: `amount_gte` → `amount`, unless the name itself is a field. */
export function filterField(key: string, isField: (name: string) => boolean): string {
  if (isField(key)) return key;
  const suffix = FILTER_SUFFIXES.find((s) => key.endsWith(s));
  return suffix ? key.slice(0, -suffix.length) : key;
}

/** A `"$name"` value reads the record; `"$lines.product_id"` reads that column of every line. */
export function recordPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('$') ? value.slice(1) : undefined;
}

function read(record: Record<string, unknown>, path: string): unknown {
  const [head, column] = path.split('.');
  const value = record[head];
  if (column === undefined) return value ?? null;
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map((line) => (line as Record<string, unknown> | null)?.[column]).filter((v) => v !== null && v !== undefined))];
}

/**
 * The filter with its `$` values read from `record`; `undefined` when a value it needs is empty
 * (a rule about "the contacts of the chosen customer" has nothing to say before a customer is chosen).
 */
export function bindFilter(filter: Filter, record: Record<string, unknown>): Filter | undefined {
  const out: Filter = {};
  for (const [key, value] of Object.entries(filter)) {
    const path = recordPath(value);
    if (path === undefined) {
      out[key] = value;
      continue;
    }
    const bound = read(record, path);
    if (bound === null || bound === undefined) return undefined;
    out[key] = bound;
  }
  return out;
}
