/**
 * Statements built and compiled by knex once per shape, then run with new values. A statement's SQL
 * depends only on its shape (table, columns, the user's scope, a lock), never on the values it is
 * run with, so building and compiling the query again on every request repeats the same work; the
 * compiled SQL goes through `db.raw`, which still sends it on the transaction's connection or the
 * pool and still emits knex's `query` event.
 */
import type { Knex } from 'knex';
import type { Db, SalesUser } from './types.js';

interface Compiled {
  sql: string;
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
  const { sql, bindings } = build().toSQL();
  if (varying.some((value, i) => !Object.is(bindings[i], value))) {
    throw new Error(`a compiled statement must bind its varying values first (${key}): ${sql}`);
  }
  const compiled = { sql, bindings };
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
  const { sql, bindings } = compile(owner, key, build, varying);
  const values = varying.length ? [...varying, ...bindings.slice(varying.length)] : bindings;
  const result = await db.raw(sql, values as Knex.RawBinding[]);
  return (result as { rows: Record<string, unknown>[] }).rows;
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
