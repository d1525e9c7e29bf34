/**
 * `x-lookups`: values read from other records inside the write's transaction, one statement per
 * lookup (a row by id, or an aggregate in SQL), never whole tables. Rules see every record, not
 * only those the user may read: a credit check counts all of the customer's receivables.
 */
import { bindFilter, computeRecord, type EntityModel, type Filter, type LookupModel } from '@ra-sales/schema';
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
  // A filter may read a computed field that reads no lookup (a review's first and last day of its month).
  const readsComputed = Object.values(entity.lookups).some(
    (lookup) =>
      lookup.kind === 'aggregate' &&
      Object.values(lookup.where).some((value) => entity.fields.some((f) => f.computed !== undefined && value === `$${f.name}`)),
  );
  if (readsComputed) record = computeRecord(entity, record, {});
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
    // Sums over lines and over rows count different things: never in one statement.
    const key = `${lookup.from}\u0000${JSON.stringify(filter)}\u0000${linesOf(lookup.field) ?? ''}`;
    const group = groups.get(key) ?? { source, filter, lookups: [] };
    group.lookups.push([name, lookup]);
    groups.set(key, group);
  }
  for (const { source, filter, lookups } of groups.values()) {
    const row = await aggregateRow(
      db,
      source,
      filter,
      lookups.map(([, lookup]) => lookup),
    );
    lookups.forEach(([name, lookup], i) => {
      const value = row?.[`v${i}`];
      out[name] = value === null || value === undefined ? emptyValue(lookup) : plain(value);
    });
  }
  return out;
}

/**
 * One statement for aggregates over the same rows. An aggregate of a lines column
 * (`"sum": "items.quantity"`) runs over the lines of those rows, and `"items.product_id"` keys of
 * its filter select lines, not rows.
 */
async function aggregateRow(
  db: Db,
  source: ResourceInfo,
  filter: Filter,
  lookups: AggregateLookup[],
): Promise<Record<string, unknown> | undefined> {
  const table = source.table;
  const rowFilter = Object.fromEntries(Object.entries(filter).filter(([key]) => !key.includes('.')));
  const query = db(table);
  applyFilters(query, table, parseFilters(rowFilter, source));
  const linesField = lookups.map((l) => linesOf(l.field)).find(Boolean) ?? Object.keys(filter).map(linesOf).find(Boolean);
  if (linesField) {
    query.joinRaw(`cross join lateral jsonb_array_elements(coalesce(??, '[]'::jsonb)) as ${LINE}`, [`${table}.${linesField}`]);
    for (const [key, value] of Object.entries(filter)) {
      if (!key.includes('.')) continue;
      const values = (Array.isArray(value) ? value : [value]).map(String);
      query.whereRaw(`(${LINE}->>?) = any(?)`, [key.split('.')[1], values]);
    }
  }
  const columns = lookups.map((lookup, i) => {
    const column = linesOf(lookup.field)
      ? db.raw(`(${LINE}->>?)::numeric`, [lookup.field.split('.')[1]])
      : db.raw('??', [`${table}.${lookup.field}`]);
    return db.raw(`${AGGREGATE_SQL[lookup.fn]}(?) as ??`, [column, `v${i}`]);
  });
  const [row] = (await query.select(columns)) as Record<string, unknown>[];
  return row;
}

const LINE = 'sales_line';

/** `items` of `items.quantity`: the lines field a path reads, if it reads one. */
function linesOf(path: string): string | undefined {
  return path.includes('.') ? path.split('.')[0] : undefined;
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
  const row = await db(target.table)
    .select(lookup.fields)
    .where('id', id as number)
    .first();
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
