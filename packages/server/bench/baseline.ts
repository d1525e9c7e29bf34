/**
 * The baseline of the API bench: a hand-written Express app on a plain `pg` pool that replays,
 * with the same bindings, the SQL the sales router was seen to run. No model, no validation, no
 * access logic: only the statements, their round trips and the JSON answer.
 */
import express, { type Express } from 'express';
import pg from 'pg';
import { TYPE_PARSERS } from '../src/db/typeParsers.js';

/** One statement as knex sent it to `pg` ($1 placeholders) and its bindings. */
export interface Statement {
  sql: string;
  bindings: unknown[];
}

export interface BaselinePlan {
  /**
   * `GET /opportunities` per bench user: the page query, then the count query (when the router ran
   * one); `estimate`: the EXPLAIN the router ran once for a total past its exact-count limit
   * `limit`, whose answer both keep.
   */
  list: Record<string, { page: Statement; count?: Statement; estimate?: Statement; limit: number; resource: string }>;
  /** `GET /opportunities/:id`: the getOne query; `idIndex` is the binding replaced by the requested id. */
  getOne: { statement: Statement; idIndex: number };
  /** `POST /opportunities`: the router's INSERT … RETURNING, replayed alone. */
  create: Statement;
  /** `POST /opportunities?replay=transaction`: every statement of the router's create, in order on one connection (BEGIN … COMMIT). */
  createTransaction: Statement[];
  /**
   * Any request carrying `?tx=<key>`: the statements the router ran for that very request
   * (captured once per request of a scenario's rotation), replayed in order on one connection.
   */
  replays: Record<string, Replay>;
}

/**
 * A value a replayed statement does not take verbatim, as a hand-written transaction would not:
 * the `version` read by its `SELECT … FOR UPDATE`, the document number drawn by its sequence
 * upsert, or a field of the request body (a unique name the client varies per request).
 */
export type CarriedValue = { statement: number; binding: number } & (
  | { from: number; column: string; sequence?: string }
  | { body: string }
);

/** One write replayed: BEGIN … COMMIT as captured; `answer` is the statement whose first row is sent back. */
export interface Replay {
  statements: Statement[];
  carried: CarriedValue[];
  answer: number;
  status: number;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A document number from its `x-sequence` pattern (`SX-{yyyy}-{seq:4}` → `SX-2026-0042`), in the local date. */
export function formatDocumentNumber(pattern: string, now: Date, n: unknown): string {
  return pattern.replace(/\{(yyyy|yy|mm|dd|seq(?::(\d+))?)\}/g, (_whole, part: string, digits: string | undefined) => {
    if (part.startsWith('seq')) return String(n).padStart(Number(digits ?? 0), '0');
    if (part === 'yyyy') return String(now.getFullYear()).padStart(4, '0');
    if (part === 'yy') return twoDigits(now.getFullYear() % 100);
    if (part === 'mm') return twoDigits(now.getMonth() + 1);
    return twoDigits(now.getDate());
  });
}

/**
 * Runs one replay on `client`, the carried values filled in; `onStatement` hears each statement's
 * round trip in ms. Returns the answer row. Rolls back and rethrows on error.
 */
export async function runReplay(
  client: pg.PoolClient,
  replay: Replay,
  body: Record<string, unknown> | undefined,
  onStatement?: (index: number, ms: number) => void,
): Promise<unknown> {
  const results: pg.QueryResult[] = [];
  try {
    for (let i = 0; i < replay.statements.length; i++) {
      const statement = replay.statements[i];
      let bindings = statement.bindings;
      for (const carried of replay.carried) {
        if (carried.statement !== i) continue;
        if (bindings === statement.bindings) bindings = [...bindings];
        if ('body' in carried) bindings[carried.binding] = body?.[carried.body];
        else {
          const value = results[carried.from].rows[0]?.[carried.column];
          bindings[carried.binding] = carried.sequence ? formatDocumentNumber(carried.sequence, new Date(), value) : value;
        }
      }
      const started = onStatement ? performance.now() : 0;
      results.push(await client.query(statement.sql, bindings));
      onStatement?.(i, performance.now() - started);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return results[replay.answer]?.rows[0];
}

/** The router's page query may carry the list's capped count as this column. */
const CAPPED_TOTAL = '__capped_total';

export function baselinePool(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        (format === 'binary' ? undefined : TYPE_PARSERS[oid]) ??
        pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
}

/** The bench user (`admin` or `manager`), from the `X-Bench-User` header. */
const userOf = (req: express.Request) => String(req.get('x-bench-user') ?? 'admin');

export function createBaselineApp(pool: pg.Pool, plan: BaselinePlan): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  // A captured write of any resource, replayed as one transaction.
  app.use('/api', async (req, res, next) => {
    const key = req.query.tx;
    if (typeof key !== 'string') return next();
    const replay = plan.replays[key];
    if (!replay) return void res.status(400).json({ message: `no replay ${key}` });
    const client = await pool.connect();
    try {
      const record = await runReplay(client, replay, req.body);
      res.status(replay.status).json(record);
    } finally {
      client.release();
    }
  });

  const estimates = new Map<string, number>();
  app.get('/api/opportunities', async (req, res) => {
    const list = plan.list[userOf(req)];
    if (!list) return void res.status(400).json({ message: 'unknown bench user' });
    const page = await pool.query(list.page.sql, list.page.bindings);
    let total = page.rows.length;
    if (page.rows.length && CAPPED_TOTAL in page.rows[0]) {
      total = Number(page.rows[0][CAPPED_TOTAL]);
      for (const row of page.rows) delete row[CAPPED_TOTAL];
      if (total > list.limit && list.estimate) {
        const key = list.estimate.sql + JSON.stringify(list.estimate.bindings);
        let rows = estimates.get(key);
        if (rows === undefined) {
          const plan = (await pool.query(list.estimate.sql, list.estimate.bindings)).rows[0]['QUERY PLAN'];
          rows = Number((typeof plan === 'string' ? JSON.parse(plan) : plan)[0].Plan['Plan Rows']);
          estimates.set(key, rows);
        }
        total = Math.max(Math.round(rows), list.limit + 1);
      }
    } else if (list.count) {
      const count = await pool.query(list.count.sql, list.count.bindings);
      total = Number(count.rows[0].n);
    }
    const last = page.rows.length ? page.rows.length - 1 : 0;
    res.setHeader('Content-Range', `${list.resource} 0-${last}/${total}`);
    res.setHeader('X-Total-Count', String(total));
    res.json(page.rows);
  });

  app.get('/api/opportunities/:id', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id)) return void res.status(400).json({ message: 'bad id' });
    const bindings = [...plan.getOne.statement.bindings];
    bindings[plan.getOne.idIndex] = id;
    const { rows } = await pool.query(plan.getOne.statement.sql, bindings);
    if (!rows.length) return void res.status(404).json({ message: 'not found' });
    res.json(rows[0]);
  });

  app.post('/api/opportunities', async (req, res) => {
    if (req.query.replay !== 'transaction') {
      const { rows } = await pool.query(plan.create.sql, plan.create.bindings);
      return void res.status(201).json(rows[0]);
    }
    const client = await pool.connect();
    try {
      let record: unknown;
      for (const statement of plan.createTransaction) {
        const { rows } = await client.query(statement.sql, statement.bindings);
        if (statement === plan.create) record = rows[0];
      }
      res.status(201).json(record);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  });

  return app;
}
