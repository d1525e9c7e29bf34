/**
 * `x-lookups`: values read from other records inside the write's transaction, one statement per
 * lookup (a row by id, or an aggregate in SQL), never whole tables. Rules see every record, not
 * only those the user may read: a credit check counts all of the customer's receivables.
 */
import type { Knex } from 'knex';
import { bindFilter, computeRecord, type EntityModel, type Filter, type LookupModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { applyFilters, parseFilters } from '../filters.js';
import { normalizeRow } from '../records.js';
import type { ResourceInfo } from '../resources.js';
import type { Db } from '../types.js';

const AGGREGATE_SQL = { sum: 'sum', count: 'count', min: 'min', max: 'max' } as const;

type RecordLookup = Extract<LookupModel, { kind: 'record' }>;

/** Aggregates over the same rows (same source, same bound filter): one statement. */
interface AggregateGroup {
  source: ResourceInfo;
  filter: Filter;
  lookups: [string, AggregateLookup][];
}

/** What a record's lookups read: the values known without the database, and the statements to run. */
interface LookupPlan {
  out: Record<string, unknown>;
  record: Record<string, unknown>;
  records: [string, RecordLookup][];
  /** By `groupKey`. */
  groups: Map<string, AggregateGroup>;
}

const readsComputed = new WeakMap<EntityModel, boolean>();

/** A filter may read a computed field that reads no lookup (a review's first and last day of its month). */
function filtersReadComputed(entity: EntityModel): boolean {
  let reads = readsComputed.get(entity);
  if (reads === undefined) {
    reads = Object.values(entity.lookups).some(
      (lookup) =>
        lookup.kind === 'aggregate' &&
        Object.values(lookup.where).some((value) => entity.fields.some((f) => f.computed !== undefined && value === `$${f.name}`)),
    );
    readsComputed.set(entity, reads);
  }
  return reads;
}

/**
 * `pointedTo`: whether other rows may reference the record already; not before its insert, nor
 * right after it in the same transaction (its own automatic moves).
 */
function planLookups(
  ctx: Pick<RequestContext, 'resources'>,
  entity: EntityModel,
  record: Record<string, unknown>,
  pointedTo = record.id != null,
): LookupPlan {
  const out: Record<string, unknown> = {};
  if (filtersReadComputed(entity)) record = computeRecord(entity, record, {});
  const records: [string, RecordLookup][] = [];
  const groups = new Map<string, AggregateGroup>();
  for (const [name, lookup] of Object.entries(entity.lookups)) {
    if (lookup.kind === 'record') {
      records.push([name, lookup]);
      continue;
    }
    const source = ctx.resources.get(lookup.from);
    // A new record has no id yet: `"id_neq": "$id"` then excludes nothing, and no row can point to it.
    const filter = bindFilter(lookup.where, { ...record, id: record.id ?? 0 });
    if (!filter || !source || (!pointedTo && pointsToRecord(lookup, source))) {
      out[name] = emptyValue(lookup);
      continue;
    }
    // Sums over lines and over rows count different things: never in one statement.
    const key = `${lookup.from}\u0000${JSON.stringify(filter)}\u0000${linesOf(lookup.field) ?? ''}`;
    const group = groups.get(key) ?? { source, filter, lookups: [] };
    group.lookups.push([name, lookup]);
    groups.set(key, group);
  }
  return { out, record, records, groups };
}

/** Whether the aggregate reads only rows whose reference is the record itself (`"opportunity_id": "$id"`). */
function pointsToRecord(lookup: AggregateLookup, source: ResourceInfo): boolean {
  return Object.entries(lookup.where).some(([key, value]) => value === '$id' && source.columns.get(key)?.kind === 'reference');
}

function fillAggregates(out: Record<string, unknown>, lookups: [string, AggregateLookup][], row: Record<string, unknown> | undefined) {
  lookups.forEach(([name, lookup], i) => {
    const value = row?.[`v${i}`];
    out[name] = value === null || value === undefined ? emptyValue(lookup) : plain(value);
  });
}

export async function loadLookups(
  db: Db,
  ctx: Pick<RequestContext, 'resources'>,
  entity: EntityModel,
  record: Record<string, unknown>,
  pointedTo = record.id != null,
): Promise<Record<string, unknown>> {
  const plan = planLookups(ctx, entity, record, pointedTo);
  const { out } = plan;
  for (const [name, lookup] of plan.records) out[name] = await referencedRecord(db, ctx, lookup, plan.record);
  for (const { source, filter, lookups } of plan.groups.values()) {
    const row = await aggregateRow(
      db,
      source,
      filter,
      lookups.map(([, lookup]) => lookup),
    );
    fillAggregates(out, lookups, row);
  }
  return Object.fromEntries(Object.keys(entity.lookups).map((name) => [name, out[name]]));
}

/**
 * The lookups of many records (an import's chunk), each as `loadLookups` gives it: one statement
 * per record lookup (`id IN …`) and one per set of aggregates (the distinct filters of the records
 * joined by `UNION ALL`), whatever the number of records.
 */
export async function loadLookupsOf(
  db: Db,
  ctx: Pick<RequestContext, 'resources'>,
  entity: EntityModel,
  records: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const plans = records.map((record) => planLookups(ctx, entity, record));
  for (const [name, lookup] of Object.entries(entity.lookups)) {
    if (lookup.kind !== 'record') continue;
    const target = ctx.resources.get(lookup.target);
    const ids = [...new Set(plans.map((p) => p.record[lookup.ref]).filter((id) => id !== null && id !== undefined))] as number[];
    const byId = new Map<string, Record<string, unknown>>();
    if (target && ids.length) {
      const rows = (await db(target.table)
        .select([...new Set([...lookup.fields, 'id'])])
        .whereIn('id', ids)) as Record<string, unknown>[];
      for (const row of rows) byId.set(String(row.id), normalizeRow(lookup.fields.includes('id') ? row : withoutId(row), target));
    }
    for (const plan of plans) {
      const id = plan.record[lookup.ref];
      plan.out[name] = (target && id !== null && id !== undefined && byId.get(String(id))) || null;
    }
  }
  // Groups of the same lookups have the same columns: their distinct filters go in one UNION ALL.
  const shapes = new Map<string, Map<string, AggregateGroup>>();
  for (const plan of plans) {
    for (const [key, group] of plan.groups) {
      const shape = group.lookups.map(([name]) => name).join('\u0000');
      const distinct = shapes.get(shape) ?? new Map<string, AggregateGroup>();
      distinct.set(key, group);
      shapes.set(shape, distinct);
    }
  }
  for (const distinct of shapes.values()) {
    const keys = [...distinct.keys()];
    const queries = keys.map((key, i) => {
      const { source, filter, lookups } = distinct.get(key)!;
      return aggregateQuery(
        db,
        source,
        filter,
        lookups.map(([, lookup]) => lookup),
      ).select(db.raw(`${i}::int as k`));
    });
    const rows = (await (queries.length === 1 ? queries[0] : (db as Knex).queryBuilder().unionAll(queries, true))) as Record<
      string,
      unknown
    >[];
    const byKey = new Map(rows.map((row) => [keys[Number(row.k)], row]));
    for (const plan of plans) {
      for (const [key, group] of plan.groups) if (distinct.has(key)) fillAggregates(plan.out, group.lookups, byKey.get(key));
    }
  }
  return plans.map(({ out }) => Object.fromEntries(Object.keys(entity.lookups).map((name) => [name, out[name]])));
}

function withoutId(row: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, ...rest } = row;
  return rest;
}

/**
 * One statement for aggregates over the same rows. An aggregate of a lines column
 * (`"sum": "items.quantity"`) runs over the lines of those rows, and `"items.product_id"` keys of
 * its filter select lines, not rows.
 */
function aggregateQuery(db: Db, source: ResourceInfo, filter: Filter, lookups: AggregateLookup[]): Knex.QueryBuilder {
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
  return query.select(columns);
}

async function aggregateRow(
  db: Db,
  source: ResourceInfo,
  filter: Filter,
  lookups: AggregateLookup[],
): Promise<Record<string, unknown> | undefined> {
  const [row] = (await aggregateQuery(db, source, filter, lookups)) as Record<string, unknown>[];
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
  lookup: RecordLookup,
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
