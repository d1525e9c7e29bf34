/**
 * Many rows in one INSERT with a single parameter: the rows as one JSON array, read into the
 * table's own row type by `jsonb_populate_recordset`, inserted in their order. A statement of
 * thousands of bound values costs far more to build, send and parse than one JSON text, and
 * PostgreSQL caps a statement at 65,535 parameters.
 *
 * Values are given as JSON gives them: a jsonb column takes the value itself (an object, an
 * array), not its JSON text. Columns no row names take their defaults; a column some rows leave
 * out is NULL in those rows, which is its default only for columns without one (entity fields).
 */
import type { Knex } from 'knex';
import type { Db } from './types.js';

export async function insertRecordset(
  db: Db,
  table: string,
  rows: Record<string, unknown>[],
  returning = false,
): Promise<Record<string, unknown>[]> {
  if (!rows.length) return [];
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = columns.map(() => '??').join(', ');
  const result = await (db as Knex).raw(
    `INSERT INTO ?? (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::??, ?::jsonb) WITH ORDINALITY AS recordset
     ORDER BY recordset.ordinality${returning ? ' RETURNING *' : ''}`,
    [table, ...columns, ...columns.map((c) => `recordset.${c}`), table, JSON.stringify(rows)],
  );
  return (result.rows ?? []) as Record<string, unknown>[];
}
