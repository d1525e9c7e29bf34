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
  /** `GET /opportunities` per bench user: the page query, then the count query (when the router ran one). */
  list: Record<string, { page: Statement; count?: Statement; resource: string }>;
  /** `GET /opportunities/:id`: the getOne query; `idIndex` is the binding replaced by the requested id. */
  getOne: { statement: Statement; idIndex: number };
  /** `POST /opportunities`: the router's INSERT … RETURNING, replayed alone. */
  create: Statement;
  /** `POST /opportunities?replay=transaction`: every statement of the router's create, in order on one connection (BEGIN … COMMIT). */
  createTransaction: Statement[];
}

export function baselinePool(url: string, max: number): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        (format === 'binary' ? undefined : TYPE_PARSERS[oid]) ?? pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
    },
  });
}

/** The bench user (`admin` or `manager`), from the `X-Bench-User` header. */
const userOf = (req: express.Request) => String(req.get('x-bench-user') ?? 'admin');

export function createBaselineApp(pool: pg.Pool, plan: BaselinePlan): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json());

  app.get('/api/opportunities', async (req, res) => {
    const list = plan.list[userOf(req)];
    if (!list) return void res.status(400).json({ message: 'unknown bench user' });
    const page = await pool.query(list.page.sql, list.page.bindings);
    let total = page.rows.length;
    if (list.count) {
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
