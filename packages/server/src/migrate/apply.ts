import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { DestructiveMigrationError, measureDataLoss, type DataLoss } from './dataLoss.js';
import { DuplicateValuesError, findDuplicates, type Duplicates } from './duplicates.js';
import { planMigration } from './plan.js';
import { stepSql, type MigrationStep } from './steps.js';
import { SNAPSHOT_TABLE, SYSTEM_TABLES } from './systemTables.js';
import { canonicalJson, escapeRawSql, stableHash } from './sql.js';

export interface ApplyOptions {
  /** Run steps that lose data (dropping filled columns, narrowing types, removing used stages). */
  allowDestructive?: boolean;
}

export interface ApplyResult {
  /** Every step that ran, in order. */
  steps: MigrationStep[];
  /** Data lost by the destructive steps that ran (only with `allowDestructive`). */
  losses: DataLoss[];
  /** Whether a new snapshot of the model was stored. */
  snapshotStored: boolean;
}

/** Serialises concurrent migrations of the same database (e.g. several servers starting). */
const MIGRATION_LOCK_KEY = stableHash('ra-sales:migrate');

/** The model the database was last migrated to, or null for a database never migrated. */
export async function readSchemaSnapshot(db: Knex): Promise<SalesModel | null> {
  const exists = await db.raw('SELECT to_regclass(?) AS oid', [SNAPSHOT_TABLE]);
  if (exists.rows[0].oid === null) return null;
  const row = await db(SNAPSHOT_TABLE).select('model').orderBy('id', 'desc').first();
  return row ? (row.model as SalesModel) : null;
}

/** A database without a snapshot must not already hold the tables the first migration creates. */
async function refuseUnknownTables(db: Knex, model: SalesModel): Promise<void> {
  const wanted = [...SYSTEM_TABLES.map((table) => table.name), ...Object.values(model.entities).map((entity) => entity.resource)];
  const result = await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY(?)`, [wanted]);
  const existing = result.rows.map((row: { tablename: string }) => row.tablename);
  if (existing.length > 0) {
    throw new Error(
      `The database already has tables (${existing.join(', ')}) but no ${SNAPSHOT_TABLE} row: ` +
        `it was not migrated by ra-sales, so the differences are unknown. Use an empty database or schema.`,
    );
  }
}

/** The columns of each of `tables` the database has, by table. */
async function systemColumns(db: Knex, tables: string[] = SYSTEM_TABLES.map((table) => table.name)): Promise<Map<string, string[]>> {
  const result = await db.raw(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY(?)`,
    [tables],
  );
  const columns = new Map<string, string[]>();
  for (const row of result.rows as { table_name: string; column_name: string }[]) {
    columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  }
  return columns;
}

/**
 * Runs the steps. A unique index is checked against the data just before it is made (after the
 * steps before it, which may add its columns); one over duplicated values is not made, and the
 * duplicates are returned for the caller to refuse the migration with.
 */
async function runSteps(trx: Knex.Transaction, steps: MigrationStep[]): Promise<Duplicates[]> {
  const refused: Duplicates[] = [];
  for (const s of steps) {
    if (s.kind === 'create_index' && s.index.unique) {
      const duplicates = await findDuplicates(trx, s.index);
      if (duplicates) {
        refused.push(duplicates);
        continue;
      }
    }
    for (const sql of stepSql(s).up) await trx.raw(escapeRawSql(sql));
  }
  return refused;
}

/**
 * Brings the database to `model`: compares it with the stored snapshot, refuses steps that
 * would lose data unless `allowDestructive`, runs every step and stores the new snapshot,
 * all in one transaction. Unique sets over values several records share are always refused
 * (rolling the transaction back, so nothing changes).
 */
export async function applyMigrations(db: Knex, model: SalesModel, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    const previous = await readSchemaSnapshot(trx);
    if (!previous) await refuseUnknownTables(trx, model);
    const entityTables = previous ? Object.values(previous.entities).map((entity) => entity.resource) : [];
    const steps = planMigration(
      previous,
      model,
      previous ? { systemColumns: await systemColumns(trx), entityColumns: await systemColumns(trx, entityTables) } : {},
    );
    const losses: DataLoss[] = [];
    for (const s of steps) {
      const loss = await measureDataLoss(trx, s);
      if (loss) losses.push(loss);
    }
    if (losses.length > 0 && !options.allowDestructive) throw new DestructiveMigrationError(losses);
    const duplicates = await runSteps(trx, steps);
    if (duplicates.length > 0) throw new DuplicateValuesError(duplicates);
    const snapshotStored = !previous || steps.length > 0 || canonicalJson(previous) !== canonicalJson(model);
    if (snapshotStored) await trx(SNAPSHOT_TABLE).insert({ model: JSON.stringify(model) });
    return { steps, losses, snapshotStored };
  });
}
