/**
 * `x-lookups`: values read from other records inside the write's transaction, one statement per
 * lookup (a row by id, or an aggregate in SQL), never whole tables. Rules see every record, not
 * only those the user may read: a credit check counts all of the customer's receivables.
 */
import { bindFilter, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { applyFilters, parseFilters } from '../filters.js';
import { normalizeRow } from '../records.js';
import type { Db } from '../types.js';

const AGGREGATE_SQL = { sum: 'sum', count: 'count', min: 'min', max: 'max' } as const;

export async function loadLookups(
  db: Db,
  ctx: Pick<RequestContext, 'resources'>,
  entity: EntityModel,
  record: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, lookup] of Object.entries(entity.lookups)) {
    if (lookup.kind === 'record') {
      const id = record[lookup.ref];
      const target = ctx.resources.get(lookup.target);
      if (id === null || id === undefined || !target) {
        out[name] = null;
        continue;
      }
      const row = await db(target.table).select(lookup.fields).where('id', id as number).first();
      out[name] = row ? normalizeRow(row, target) : null;
      continue;
    }
    const empty = lookup.fn === 'sum' || lookup.fn === 'count' ? 0 : null;
    // A new record has no id yet: `"id_neq": "$id"` then excludes nothing.
    const bound = bindFilter(lookup.where, { ...record, id: record.id ?? 0 });
    const source = ctx.resources.get(lookup.from);
    if (!bound || !source) {
      out[name] = empty;
      continue;
    }
    const query = db(source.table);
    applyFilters(query, source.table, parseFilters(bound, source));
    const fn = AGGREGATE_SQL[lookup.fn];
    const [row] = (await query.select(db.client.raw(`${fn}(??) as value`, [`${source.table}.${lookup.field}`]))) as { value: unknown }[];
    out[name] = row?.value === null || row?.value === undefined ? empty : plain(row.value);
  }
  return out;
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

/** The document conditions and computed values read: the record, with its lookups by name. */
export function ruleDocument(record: Record<string, unknown>, lookups: Record<string, unknown>): Record<string, unknown> {
  return { ...lookups, ...record };
}
