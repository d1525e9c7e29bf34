/**
 * List totals. The rule (also in docs/server.md, Counting):
 *   1. the page statement carries `SELECT count(*) FROM (SELECT 1 … LIMIT limit+1)` as one more
 *      column: exact whenever the filtered rows stay within the limit, never reading more than
 *      limit+1 of them, and no second round trip;
 *   2. the cap is reached → the planner's estimate for the filtered query (EXPLAIN (FORMAT JSON),
 *      "Plan Rows"), at least limit+1, reported with `X-Total-Count-Exact: false`. Estimates are
 *      kept a minute per user scope and filter: they are approximate anyway, and planning costs as
 *      much as the page.
 */
import type { Knex } from 'knex';
import type { Db } from './types.js';

export interface Total {
  total: number;
  exact: boolean;
}

/** The page statement's extra column; a name no schema field takes (fields are snake_case letters). */
export const CAPPED_TOTAL_COLUMN = '__capped_total';

const ESTIMATE_TTL_MS = 60_000;
const ESTIMATES_KEPT = 1_000;

function firstRow(result: unknown): Record<string, unknown> | undefined {
  const rows = (result as { rows?: Record<string, unknown>[] })?.rows ?? (Array.isArray(result) ? result : []);
  return rows[0];
}

export class Counter {
  private readonly estimates = new Map<string, { rows: number; at: number }>();

  constructor(readonly limit: number) {}

  /** `filtered`: a query with FROM and WHERE only (no select, order or limit). */
  private capped(db: Db, filtered: Knex.QueryBuilder): Knex.QueryBuilder {
    const rows = filtered
      .clone()
      .select(db.raw('1'))
      .limit(this.limit + 1)
      .as('capped');
    return db.count({ n: '*' }).from(rows);
  }

  /** The capped count as a column of `page` (evaluated once, as an InitPlan). */
  selectCappedTotal(db: Db, page: Knex.QueryBuilder, filtered: Knex.QueryBuilder): Knex.QueryBuilder {
    return page.select(db.raw('(?) as ??', [this.capped(db, filtered), CAPPED_TOTAL_COLUMN]));
  }

  /**
   * The total from the capped count (`cappedCount`, read off the page's rows; undefined when the
   * page came back empty, so the count is run on its own). `filtered` is built only when a statement
   * needs it: a page that brought its count along needs none, and neither does an estimate kept
   * under `shape` (what decides the filtered statement: the user's scope and the filter).
   */
  async total(db: Db, table: string, shape: string, filtered: () => Knex.QueryBuilder, cappedCount: number | undefined): Promise<Total> {
    const n = cappedCount ?? Number((await this.capped(db, filtered()).first())?.n ?? 0);
    if (n <= this.limit) return { total: n, exact: true };
    return { total: Math.max(Math.round(await this.estimate(db, table, shape, filtered)), this.limit + 1), exact: false };
  }

  /** Drops the estimates kept for `table` (its statistics were just refreshed). */
  forget(table: string): void {
    for (const key of this.estimates.keys()) if (key.startsWith(`${table}\u0000`)) this.estimates.delete(key);
  }

  private async estimate(db: Db, table: string, shape: string, filtered: () => Knex.QueryBuilder): Promise<number> {
    const key = `${table}\u0000${shape}`;
    const kept = this.estimates.get(key);
    if (kept && Date.now() - kept.at < ESTIMATE_TTL_MS) return kept.rows;
    const { sql, bindings } = filtered().clone().select(db.raw('1')).toSQL();
    const row = firstRow(await db.raw(`explain (format json) ${sql}`, bindings as unknown as Knex.RawBinding[]));
    const plan = row?.['QUERY PLAN'];
    const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
    const rows = Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
    this.estimates.delete(key);
    this.estimates.set(key, { rows, at: Date.now() });
    if (this.estimates.size > ESTIMATES_KEPT) this.estimates.delete(this.estimates.keys().next().value!);
    return rows;
  }
}
