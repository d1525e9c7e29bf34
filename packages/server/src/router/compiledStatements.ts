/**
 * Statements built and compiled by knex once per shape, then run with new values. A statement's SQL
 * depends only on its shape (table, columns, the user's scope, a lock), never on the values it is
 * run with, so building and compiling the query again on every request repeats the same work.
 *
 * On PostgreSQL the compiled statement goes straight to the `pg` connection knex holds (the
 * transaction's, or one taken from knex's pool and given back), and knex's `query` event is emitted
 * as knex would. Knex's runner around one statement (its promise chain, the bindings positioned
 * again, the query object enriched) cost 10–12 µs of CPU per statement, measured in a loop of inserts.
 * PGlite's statements, and those of a knex whose host set `postProcessResponse`, go through `db.raw`.
 */
import type { Knex } from 'knex';
import { databaseKind } from '../db/connect.js';
import type { Db, SalesUser } from './types.js';

interface Compiled {
  /** Knex's form, with `?` placeholders. */
  sql: string;
  /** PostgreSQL's form, with `$1`… */
  native: string;
  /** The bindings of the first compilation; its leading `varying` ones are replaced on every run. */
  bindings: readonly unknown[];
}

/** Shapes kept per owner, oldest dropped first (a user-scoped shape is one per user). */
const KEPT = 2_000;
/** Longer keys (a getMany of hundreds of ids) are compiled but not kept: rarely asked twice, and large. */
const LONGEST_KEPT_KEY = 1_000;

const compiledByOwner = new WeakMap<object, Map<string, Compiled>>();

function compile(owner: object, key: string, build: () => Knex.QueryBuilder, varying: readonly unknown[]): Compiled {
  let kept = compiledByOwner.get(owner);
  if (!kept) compiledByOwner.set(owner, (kept = new Map()));
  const found = kept.get(key);
  if (found) return found;
  const query = build().toSQL();
  const { sql, bindings } = query;
  if (varying.some((value, i) => !Object.is(bindings[i], value))) {
    throw new Error(`a compiled statement must bind its varying values first (${key}): ${sql}`);
  }
  const compiled = { sql, native: query.toNative().sql, bindings };
  if (key.length > LONGEST_KEPT_KEY) return compiled;
  kept.set(key, compiled);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return compiled;
}

/**
 * Runs the statement of shape `key` with `varying` as its leading bindings; `build` makes the
 * query (with those very values bound first) the first time the shape is seen. `owner` holds the
 * compiled shapes: a resource, whose model decides the SQL of its scopes. Answers the rows.
 */
export async function runCompiled(
  db: Db,
  owner: object,
  key: string,
  build: () => Knex.QueryBuilder,
  varying: readonly unknown[],
): Promise<Record<string, unknown>[]> {
  const { sql, native, bindings } = compile(owner, key, build, varying);
  const values = varying.length ? [...varying, ...bindings.slice(varying.length)] : bindings;
  if (onPg(db) && !(db.isTransaction && (db as Knex.Transaction).isCompleted())) return runOnDriver(db, native, values);
  const result = await db.raw(sql, values as Knex.RawBinding[]);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/** The `pg` connection as knex holds it. */
interface PgConnection {
  __knexUid?: string;
  __knexTxId?: string;
  query(config: { text: string; values: readonly unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A knex whose host set `postProcessResponse` keeps its runner, which applies it. */
const onPg = (db: Db) => databaseKind(db) === 'postgres' && !db.client.config.postProcessResponse;

/**
 * One statement on the connection knex would have used: a transaction's own (knex's transaction
 * client answers it and ignores its release), else one of the pool, released when done. A completed
 * transaction is left to `db.raw`, which refuses it: its connection may already serve another request.
 */
async function runOnDriver(db: Db, sql: string, values: readonly unknown[]): Promise<Record<string, unknown>[]> {
  const client = db.client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    client.emit('query', {
      __knexUid: connection.__knexUid,
      __knexTxId: connection.__knexTxId,
      method: 'raw',
      sql,
      bindings: values,
    });
    return (await connection.query({ text: sql, values })).rows;
  } finally {
    await client.releaseConnection(connection);
  }
}

/** What a user's scope depends on: their id, team and roles. */
export function scopeKey(user: SalesUser): string {
  return `${user.id}/${user.teamId ?? ''}/${user.roles.join(',')}`;
}

/**
 * `INSERT INTO table (…) VALUES (…)` of one row, compiled once per table and set of columns; `returning`
 * answers the row stored. Undefined values are left out (the column's default, as knex writes them).
 */
export function insertRow(db: Db, owner: object, table: string, row: Record<string, unknown>, returning = false) {
  const columns = Object.keys(row)
    .filter((column) => row[column] !== undefined)
    .sort();
  const values = columns.map((column) => row[column]);
  return runCompiled(
    db,
    owner,
    `insert ${table} (${columns.join(',')})${returning ? ' returning *' : ''}`,
    () => {
      const insert = db(table).insert(Object.fromEntries(columns.map((column, i) => [column, values[i]])));
      return returning ? insert.returning('*') : insert;
    },
    values,
  );
}
