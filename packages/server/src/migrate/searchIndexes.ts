/**
 * GIN trigram indexes (pg_trgm) on the columns the search reads (fields marked `x-search`), which
 * PostgreSQL uses for the same `ILIKE '%…%'` the `q` filter and `GET /search` run. Not part of the
 * migrations: see docs/server.md (Search) for when they pay and where they do not help.
 */
import type { Knex } from 'knex';
import type { SalesModel } from '@ra-sales/schema';
import { fitIdentifier, quoteIdent } from './sql.js';

export interface SearchIndexes {
  /** Indexes made by this call (those already there are left alone). */
  created: string[];
  /** Why none could be made: pg_trgm is not available to this database or this user. */
  unavailable?: string;
}

export const searchIndexName = (table: string, column: string) => fitIdentifier(`${table}_${column}_trgm_idx`);

function searchedColumns(model: SalesModel): { table: string; column: string; name: string }[] {
  return Object.values(model.entities).flatMap((entity) =>
    entity.fields
      .filter((field) => field.search)
      .map((field) => ({ table: entity.resource, column: field.name, name: searchIndexName(entity.resource, field.name) })),
  );
}

async function existingIndexes(knex: Knex): Promise<Set<string>> {
  const result = await knex.raw('SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()');
  return new Set(result.rows.map((row: { indexname: string }) => row.indexname));
}

/**
 * Creates pg_trgm (when the user may: a trusted extension since PostgreSQL 13; on PGlite it must be
 * loaded, `connectDatabase({ pgliteExtensions: { pg_trgm } })`) and one index per searched column.
 */
export async function createSearchIndexes(knex: Knex, model: SalesModel): Promise<SearchIndexes> {
  try {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch (error) {
    return { created: [], unavailable: (error as Error).message };
  }
  const existing = await existingIndexes(knex);
  const created: string[] = [];
  for (const { table, column, name } of searchedColumns(model)) {
    if (existing.has(name)) continue;
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${quoteIdent(name)} ON ${quoteIdent(table)} USING gin (${quoteIdent(column)} gin_trgm_ops)`);
    created.push(name);
  }
  return { created };
}

export async function dropSearchIndexes(knex: Knex, model: SalesModel): Promise<void> {
  for (const { name } of searchedColumns(model)) await knex.raw(`DROP INDEX IF EXISTS ${quoteIdent(name)}`);
}
