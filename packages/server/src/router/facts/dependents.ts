/**
 * Roll-ups: a record whose `x-lookups` aggregate other records by its own id
 * (`"where": { "sales_order_id": "$id" }`) depends on those records. When one of them is written,
 * the records it points at (before and after the write) are refreshed in the same transaction.
 */
import { FILTER_SUFFIXES, type EntityModel, type SalesModel } from '@ra-sales/schema';

export interface Dependent {
  /** The entity whose lookups read the written records. */
  parent: EntityModel;
  /** The key of the written record naming the parent: `sales_order_id`, or `items.product_id` of its lines. */
  key: string;
  /** Fields of the written record the parent's lookups read: a write changing none of them changes no figure. */
  reads: string[];
}

const cache = new WeakMap<SalesModel, Map<string, Dependent[]>>();

export function dependentsOf(model: SalesModel, resource: string): Dependent[] {
  let byChild = cache.get(model);
  if (!byChild) {
    byChild = buildDependents(model);
    cache.set(model, byChild);
  }
  return byChild.get(resource) ?? [];
}

function buildDependents(model: SalesModel): Map<string, Dependent[]> {
  const out = new Map<string, Dependent[]>();
  for (const parent of Object.values(model.entities)) {
    for (const lookup of Object.values(parent.lookups)) {
      if (lookup.kind !== 'aggregate') continue;
      const key = Object.entries(lookup.where).find(
        ([name, value]) => value === '$id' && !FILTER_SUFFIXES.some((s) => name.endsWith(s)),
      )?.[0];
      if (!key) continue;
      const list = out.get(lookup.from) ?? [];
      let dependent = list.find((d) => d.parent === parent && d.key === key);
      if (!dependent) list.push((dependent = { parent, key, reads: [] }));
      const reads = [lookup.field, ...Object.keys(lookup.where)].map((name) => fieldOfKey(name));
      dependent.reads = [...new Set([...dependent.reads, ...reads])];
      out.set(lookup.from, list);
    }
  }
  return out;
}

/** Entities whose lookups aggregate other records by their own id: their stored figures follow those records. */
export function rollupEntities(model: SalesModel): EntityModel[] {
  const parents = new Set(Object.values(model.entities).flatMap((entity) => dependentsOf(model, entity.resource).map((d) => d.parent)));
  return Object.values(model.entities).filter((entity) => parents.has(entity));
}

/** `status_neq` → `status`, `items.product_id` → `items`. */
function fieldOfKey(key: string): string {
  const head = key.split('.')[0];
  const suffix = FILTER_SUFFIXES.find((s) => head.endsWith(s));
  return suffix ? head.slice(0, -suffix.length) : head;
}

/** Ids a written record names under `key` (every line's, for a lines column). */
export function parentIds(row: Record<string, unknown> | null, key: string): number[] {
  if (!row) return [];
  const [head, column] = key.split('.');
  const value = row[head];
  const values =
    column === undefined ? [value] : Array.isArray(value) ? value.map((line) => (line as Record<string, unknown> | null)?.[column]) : [];
  return values
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map(Number)
    .filter(Number.isInteger);
}
