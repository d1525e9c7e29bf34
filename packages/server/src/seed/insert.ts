import type { EntityModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { columnTypeOf } from '../migrate/columnTypes.js';
import { quoteIdent } from '../migrate/sql.js';

export type Row = Record<string, unknown>;

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
const BATCH_ROWS = 500;

/** jsonb values are sent as JSON text (pg would send a JS array as a PostgreSQL array). */
function toColumnValues(entity: EntityModel, row: Row): Row {
  const documents = entity.fields.filter((field) => columnTypeOf(field) === 'jsonb').map((field) => field.name);
  if (documents.length === 0) return row;
  const converted = { ...row };
  for (const name of documents) if (converted[name] != null) converted[name] = JSON.stringify(converted[name]);
  return converted;
}

export async function insertRows(db: Knex, entity: EntityModel, rows: Row[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS).map((row) => toColumnValues(entity, row));
    await db(entity.resource).insert(batch);
  }
}

/** After inserting explicit ids, the identity continues after the largest one. */
export async function syncIdentity(db: Knex, table: string): Promise<void> {
  const quoted = quoteIdent(table);
  await db.raw(
    `SELECT setval(pg_get_serial_sequence(?, 'id'), GREATEST((SELECT max(id) FROM ${quoted}), 1), (SELECT max(id) IS NOT NULL FROM ${quoted}))`,
    [quoted],
  );
}

export async function rowCount(db: Knex, table: string): Promise<number> {
  const result = await db.raw(`SELECT count(*) AS count FROM ${quoteIdent(table)}`);
  return Number(result.rows[0].count);
}
