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
 *
 * A shape run a second time is also prepared (a named statement, one name per SQL text): PostgreSQL
 * then parses and analyses it once per connection instead of once per request, and may keep its
 * plan. PgBouncer in transaction mode before 1.21 cannot carry named statements from one
 * transaction to the next: the router's `preparedStatements: false` sends them unnamed
 * (`withoutPreparedStatements` in db/connect.ts).
 */
import type { Knex } from 'knex';
import { databaseKind, preparesStatements, withoutPreparedStatements } from '../db/connect.js';
import { announceQuery, type PgConnection } from '../db/driver.js';
import type { Db, SalesUser } from './types.js';

interface Compiled {
  /** Knex's form, with `?` placeholders. */
  sql: string;
  /** PostgreSQL's form, with `$1`… */
  native: string;
  /** The bindings of the first compilation; its leading `varying` ones are replaced on every run. */
  bindings: readonly unknown[];
  /** Runs so far: a shape is prepared from its second run on (a one-off statement is not kept on the connections). */
  runs: number;
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
  const compiled = { sql, native: query.toNative().sql, bindings, runs: 0 };
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
  const compiled = compile(owner, key, build, varying);
  const { sql, native, bindings } = compiled;
  const values = varying.length ? [...varying, ...bindings.slice(varying.length)] : bindings;
  if (onPg(db) && !(db.isTransaction && (db as Knex.Transaction).isCompleted())) {
    const reused = compiled.runs++ > 0;
    return runOnDriver(db, native, values, reused && preparesStatements(db) ? statementName(native) : undefined);
  }
  const result = await db.raw(sql, values as Knex.RawBinding[]);
  return (result as { rows: Record<string, unknown>[] }).rows;
}

/**
 * Names given, one per SQL text. A connection keeps every statement prepared on it until it closes,
 * so the names are few: the texts beyond them go unnamed.
 */
const MOST_NAMED = 200;
const statementNames = new Map<string, string>();
let namesGiven = 0;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (!name && statementNames.size < MOST_NAMED) statementNames.set(text, (name = `ra_sales_${++namesGiven}`));
  return name;
}

/**
 * A statement prepared on one server connection and run on another, or prepared twice on one: what
 * a pooler that does not keep prepared statements (PgBouncer in transaction mode before 1.21)
 * causes. The connection is then used without them from here on, as `preparedStatements: false`
 * would; the request is run again outside a transaction, answered 503 inside one.
 */
export const isLostPreparedStatement = (error: unknown): boolean => {
  const code = (error as { code?: unknown })?.code;
  return code === '26000' || code === '42P05';
};

/**
 * PostgreSQL refuses to run a prepared `select *` or `returning *` again once its table has gained
 * or lost a column (a migration applied while the server runs): the text gets a new name, prepared
 * afresh on each connection, and a statement outside a transaction runs again at once. Inside one,
 * the transaction is lost: the error is answered 503, nothing changed, and the request may be sent again.
 */
export const isStaleResultType = (error: unknown): boolean =>
  (error as { code?: unknown })?.code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message));

/** A knex whose host set `postProcessResponse` keeps its runner, which applies it. */
const onPg = (db: Db) => databaseKind(db) === 'postgres' && !db.client.config.postProcessResponse;

/**
 * One statement on the connection knex would have used: a transaction's own (knex's transaction
 * client answers it and ignores its release), else one of the pool, released when done. A completed
 * transaction is left to `db.raw`, which refuses it: its connection may already serve another request.
 */
async function runOnDriver(db: Db, sql: string, values: readonly unknown[], name: string | undefined): Promise<Record<string, unknown>[]> {
  const client = db.client;
  const connection = (await client.acquireConnection()) as PgConnection;
  try {
    announceQuery(client, connection, sql, values);
    try {
      return (await connection.query(name ? { name, text: sql, values } : { text: sql, values })).rows;
    } catch (error) {
      if (!name) throw error;
      if (isStaleResultType(error)) {
        if (statementNames.get(sql) === name) statementNames.delete(sql);
      } else if (isLostPreparedStatement(error)) {
        withoutPreparedStatements(db);
      } else {
        throw error;
      }
      if (db.isTransaction) throw error;
      return (await connection.query({ text: sql, values })).rows;
    }
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
