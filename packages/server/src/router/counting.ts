/**
 * List totals. The rule (also in docs/server.md):
 *   1. the table's statistics (pg_class.reltuples, read at most once a minute) say it holds at most
 *      `limit` rows → exact `count(*)` of the filtered query;
 *   2. otherwise (a large table, or one never analysed) → `SELECT count(*) FROM (SELECT 1 … LIMIT limit+1)`,
 *      exact whenever it stays below the cap, and never reading more than limit+1 rows;
 *   3. the cap is reached → the planner's estimate for the filtered query (EXPLAIN (FORMAT JSON),
 *      "Plan Rows"), at least limit+1, reported with `X-Total-Count-Exact: false`.
 */
import type { Knex } from 'knex';
import type { Db } from './types.js';

export interface Total {
  total: number;
  exact: boolean;
}

const STATISTICS_TTL_MS = 60_000;

function firstRow(result: unknown): Record<string, unknown> | undefined {
  const rows = (result as { rows?: Record<string, unknown>[] })?.rows ?? (Array.isArray(result) ? result : []);
  return rows[0];
}

export class Counter {
  private readonly statistics = new Map<string, { rows: number; at: number }>();

  constructor(readonly limit: number) {}

  /** Estimated rows of a table; negative when the table was never analysed. */
  private async tableRows(db: Db, table: string): Promise<number> {
    const cached = this.statistics.get(table);
    if (cached && Date.now() - cached.at < STATISTICS_TTL_MS) return cached.rows;
    const row = firstRow(await db.raw('select reltuples::float8 as rows from pg_class where oid = to_regclass(?)', [table]));
    const rows = Number(row?.rows ?? -1);
    this.statistics.set(table, { rows, at: Date.now() });
    return rows;
  }

  private async estimate(db: Db, filtered: Knex.QueryBuilder): Promise<number> {
    const { sql, bindings } = filtered.clone().select(db.raw('1')).toSQL();
    const row = firstRow(await db.raw(`explain (format json) ${sql}`, bindings as unknown as Knex.RawBinding[]));
    const plan = row?.['QUERY PLAN'];
    const parsed = typeof plan === 'string' ? JSON.parse(plan) : plan;
    return Number(parsed?.[0]?.Plan?.['Plan Rows'] ?? 0);
  }

  /** `filtered`: a query with FROM and WHERE only (no select, order or limit). */
  async count(db: Db, table: string, filtered: Knex.QueryBuilder): Promise<Total> {
    const statistics = await this.tableRows(db, table);
    if (statistics >= 0 && statistics <= this.limit) {
      const row = await filtered.clone().count({ n: '*' }).first();
      return { total: Number(row?.n ?? 0), exact: true };
    }
    const capped = filtered
      .clone()
      .select(db.raw('1'))
      .limit(this.limit + 1)
      .as('capped');
    const row = await db.count({ n: '*' }).from(capped).first();
    const n = Number(row?.n ?? 0);
    if (n <= this.limit) return { total: n, exact: true };
    return { total: Math.max(Math.round(await this.estimate(db, filtered)), this.limit + 1), exact: false };
  }
}
