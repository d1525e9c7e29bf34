/**
 * Computed values as a form is typed: `computeRecord` on the form values, except the fields the
 * browser cannot compute — those reading lookups (values of other records the server reads in
 * its transaction), and those reading such fields — which keep their stored value.
 */
import { computeRecord, expressionUse, orderByDependency, type ClientEntityModel } from '@ra-sales/schema';

/** Computed fields only the server can compute, because they read a lookup directly or through another field. */
export function serverComputedFields(entity: ClientEntityModel): Set<string> {
  const fieldNames = new Set(entity.fields.map((f) => f.name));
  const lookups = new Set(Object.keys(entity.lookups ?? {}).filter((name) => !fieldNames.has(name)));
  const out = new Set<string>();
  for (const field of orderByDependency(entity.fields.filter((f) => f.computed !== undefined))) {
    const reads = expressionUse(field.computed).vars.map((path) => path.split('.')[0]!);
    if (reads.some((name) => lookups.has(name) || out.has(name))) out.add(field.name);
  }
  return out;
}

/** `valueAt(record, 'lines.0.net_price')`. */
export function valueAt(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node == null ? undefined : (node as Record<string, unknown>)[key]), record);
}

/**
 * The value the form should show at `path` (a computed field, or a computed line column such as
 * `lines.0.net_price`) given the form `values`; `undefined` when the browser cannot compute it
 * (keep what the form holds, i.e. the stored value).
 */
export function liveComputedValue(entity: ClientEntityModel, values: Record<string, unknown>, path: string): unknown {
  if (serverComputedFields(entity).has(path)) return undefined;
  return valueAt(computeRecord(entity, values), path) ?? null;
}
