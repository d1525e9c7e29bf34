import type { Knex } from 'knex';
import type { RequestContext } from './context.js';
import type { Db, Row } from './types.js';
import type { ResourceInfo } from './resources.js';
import { SCOPE_WIDTH, addEntityScope, addReadScope, scopeOf } from './access.js';
import { applyFilters, type FilterTerm, parseFilters } from './filters.js';
import { embedReferences } from './embed.js';
import { normalizeRow, normalizeRowsInPlace } from './records.js';
import { keysetSegments } from './keyset.js';
import { MAX_UNRANGED_ROWS, type ListQuery } from './protocol.js';
import { CAPPED_TOTAL_COLUMN, type Total } from './counting.js';
import { notFound } from './errors.js';
import { runCompiled, scopeKey } from './compiledStatements.js';
import { phrase, resourceLabel } from './locale.js';

export interface ListResult {
  rows: Row[];
  start: number;
  total: Total;
}

/** The rows of `resource` matching a list filter (or its terms, parsed already) that the user may read: lists and reports start here. */
export function readableQuery(
  ctx: RequestContext,
  resource: ResourceInfo,
  filter: Record<string, unknown> | FilterTerm[],
): Knex.QueryBuilder {
  const query = ctx.knex(resource.table);
  applyFilters(query, resource.table, Array.isArray(filter) ? filter : parseFilters(filter, resource, ctx.locale));
  addReadScope(query, ctx.knex, ctx.model, resource, ctx.user);
  return query;
}

/** getList, getMany and getManyReference: one filtered, scoped, sorted page and its total. */
export async function listRecords(ctx: RequestContext, resource: ResourceInfo, query: ListQuery): Promise<ListResult> {
  const { knex, model, user } = ctx;
  const table = resource.table;
  let built: Knex.QueryBuilder | undefined;
  const filtered = () => (built ??= readableQuery(ctx, resource, query.filter));

  const start = query.range?.[0] ?? 0;
  const size = query.range ? query.range[1] - query.range[0] + 1 : MAX_UNRANGED_ROWS;
  const order = query.sort.order.toLowerCase() as 'asc' | 'desc';
  const ordered = () =>
    filtered()
      .clone()
      .select(`${table}.*`)
      .orderBy(`${table}.${query.sort.field}`, order, order === 'asc' ? 'first' : 'last')
      .orderBy(`${table}.id`, order);
  // The filtered statement is a function of the user's scope and the filter alone.
  const filterShape = `${scopeKey(user)} ${JSON.stringify(query.filter)}`;
  let fetched: Record<string, unknown>[];
  if (query.after) {
    fetched = [];
    for (const [i, segment] of keysetSegments(table, query.sort, query.after).entries()) {
      const page = ordered()
        .modify(segment)
        .limit(size - fetched.length);
      fetched.push(...((await (i === 0 ? ctx.counter.selectCappedTotal(knex, page, filtered()) : page)) as Record<string, unknown>[]));
      if (fetched.length >= size) break;
    }
  } else {
    // So is the page's: a list asked again (a refresh, a page revisited, the same view in another
    // tab) reuses its compilation.
    const shape = `list ${query.sort.field} ${order} ${start} ${size} ${filterShape}`;
    fetched = await runCompiled(
      knex,
      resource,
      shape,
      () => ctx.counter.selectCappedTotal(knex, ordered().offset(start).limit(size), filtered()),
      [],
    );
  }
  const capped = fetched[0]?.[CAPPED_TOTAL_COLUMN];
  const cappedCount = capped === undefined ? undefined : Number(capped);
  const rows = normalizeRowsInPlace(fetched, resource);
  // A short page that is not past the end tells the total without counting.
  const complete = rows.length < size && (rows.length > 0 || start === 0);
  const total = complete
    ? { total: start + rows.length, exact: true }
    : await ctx.counter.total(knex, table, filterShape, filtered, cappedCount);
  if (query.embed.length) await embedReferences(knex, model, ctx.resources, resource, user, rows, query.embed);
  return { rows, start, total };
}

/** The row if the user may read it; `lock` takes the row lock for the rest of the transaction. */
export async function findReadable(db: Db, ctx: RequestContext, resource: ResourceInfo, id: number, lock = false): Promise<Row> {
  const [row] = await runCompiled(
    db,
    resource,
    `one ${lock ? 'locked ' : ''}${scopeKey(ctx.user)}`,
    () => {
      const query = db(resource.table).select(`${resource.table}.*`).where(`${resource.table}.id`, id);
      addReadScope(query, db as Knex, ctx.model, resource, ctx.user);
      if (lock) query.forUpdate();
      return query.first();
    },
    [id],
  );
  if (!row) throw notFound(phrase(ctx.locale, 'noSuchRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }));
  return normalizeRow(row, resource);
}

/**
 * Whether the user's write scope covers a row they can read. A write scope at least as wide as the
 * read scope covers every readable row without asking the database.
 */
export async function isWritable(db: Db, ctx: RequestContext, resource: ResourceInfo, id: number): Promise<boolean> {
  const entity = resource.entity!;
  if (SCOPE_WIDTH[scopeOf(entity, ctx.user, 'write')] >= SCOPE_WIDTH[scopeOf(entity, ctx.user, 'read')]) return true;
  const query = db(resource.table).select(`${resource.table}.id`).where(`${resource.table}.id`, id);
  addEntityScope(query, db as Knex, ctx.model, entity, ctx.user, 'write');
  return Boolean(await query.first());
}
