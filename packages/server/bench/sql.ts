/** The SQL a request runs, as knex sends it, and its plan. */
import type { Knex } from 'knex';
import type pg from 'pg';
import type { Statement } from './baseline.js';

export interface Captured extends Statement {
  txId?: string;
}

/** The statements knex sends while `fn` runs (the servers are idle otherwise). */
export async function capture(db: Knex, fn: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const listener = (q: { sql: string; bindings?: unknown[]; __knexTxId?: string }) =>
    seen.push({ sql: q.sql, bindings: [...(q.bindings ?? [])], txId: q.__knexTxId });
  db.on('query', listener);
  try {
    await fn();
  } finally {
    db.removeListener('query', listener);
  }
  return seen;
}

/** The statement with its bindings written in, for reading. */
export function inline(s: Statement): string {
  return s.sql.replace(/\$(\d+)/g, (_, n) => {
    const value = s.bindings[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of a captured statement, with its own bindings: the plan's lines. */
export async function explainAnalyze(pool: pg.Pool, statement: Statement): Promise<string[]> {
  const result = await pool.query(`explain (analyze, buffers) ${statement.sql}`, statement.bindings);
  return result.rows.map((row: Record<string, string>) => row['QUERY PLAN']);
}

/** The plan lines that tell the story: nodes, index conditions, buffers, times. */
export function compactPlan(lines: string[]): string[] {
  return lines.filter((line) =>
    /^(->|Limit|Index Cond|Recheck Cond|Sort Key|Presorted Key|Filter|Rows Removed|Heap Fetches|Buffers|Execution Time)/.test(line.trim()),
  );
}
