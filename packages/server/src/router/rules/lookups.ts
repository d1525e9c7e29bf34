/**
 * `x-lookups`: values read from other records inside the write's transaction, one statement per
 * lookup (a row by id, or an aggregate in SQL), never whole tables. Rules see every record, not
 * only those the user may read: a credit check counts all of the customer's receivables.
 */
import { bindFilter, type EntityModel, type Filter, type LookupModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { applyFilters, parseFilters } from '../filters.js';
import { normalizeRow } from '../records.js';
import type { ResourceInfo } from '../resources.js';
import type { Db } from '../types.js';

const AGGREGATE_SQL = { sum: 'sum', count: 'count', min: 'min', max: 'max' } as const;

export async function loadLookups(
  db: Db,
  ctx: Pick<RequestContext, 'resources'>,
  entity: EntityModel,
  record: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  // Aggregates over the same rows (same source, same bound filter) share one statement.
  const groups = new Map<string, { source: ResourceInfo; filter: Filter; lookups: [string, AggregateLookup][] }>();
  for (const [name, lookup] of Object.entries(entity.lookups)) {
    if (lookup.kind === 'record') {
      out[name] = await referencedRecord(db, ctx, lookup, record);
      continue;
    }
    // A new record has no id yet: `"id_neq": "$id"` then excludes nothing.
    const filter = bindFilter(lookup.where, { ...record, id: record.id ?? 0 });
    const source = ctx.resources.get(lookup.from);
    if (!filter || !source) {
      out[name] = emptyValue(lookup);
      continue;
    }
    const key = `${lookup.from}\u0000${JSON.stringify(filter)}`;
    const group = groups.get(key) ?? { source, filter, lookups: [] };
    group.lookups.push([name, lookup]);
    groups.set(key, group);
  }
  for (const { source, filter, lookups } of groups.values()) {
    const query = db(source.table);
    applyFilters(query, source.table, parseFilters(filter, source));
    const columns = lookups.map(([, lookup], i) => db.client.raw(`${AGGREGATE_SQL[lookup.fn]}(??) as ??`, [`${source.table}.${lookup.field}`, `v${i}`]));
    const [row] = (await query.select(columns)) as Record<string, unknown>[];
    lookups.forEach(([name, lookup], i) => {
      const value = row?.[`v${i}`];
      out[name] = value === null || value === undefined ? emptyValue(lookup) : plain(value);
    });
  }
  return out;
}

type AggregateLookup = Extract<LookupModel, { kind: 'aggregate' }>;

const emptyValue = (lookup: AggregateLookup) => (lookup.fn === 'sum' || lookup.fn === 'count' ? 0 : null);

async function referencedRecord(
  db: Db,
  ctx: Pick<RequestContext, 'resources'>,
  lookup: Extract<LookupModel, { kind: 'record' }>,
  record: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  const id = record[lookup.ref];
  const target = ctx.resources.get(lookup.target);
  if (id === null || id === undefined || !target) return null;
  const row = await db(target.table).select(lookup.fields).where('id', id as number).first();
  return row ? normalizeRow(row, target) : null;
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
