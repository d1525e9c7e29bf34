import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { DestructiveMigrationError, measureDataLoss, type DataLoss } from './dataLoss.js';
import { planMigration } from './plan.js';
import { stepSql, type MigrationStep } from './steps.js';
import { SNAPSHOT_TABLE } from './systemTables.js';
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

/**
 * Brings the database to `model`: compares it with the stored snapshot, refuses steps that
 * would lose data unless `allowDestructive`, runs every step and stores the new snapshot,
 * all in one transaction.
 */
export async function applyMigrations(db: Knex, model: SalesModel, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    const previous = await readSchemaSnapshot(trx);
    const steps = planMigration(previous, model);
    const losses: DataLoss[] = [];
    for (const s of steps) {
      const loss = await measureDataLoss(trx, s);
      if (loss) losses.push(loss);
    }
    if (losses.length > 0 && !options.allowDestructive) throw new DestructiveMigrationError(losses);
    for (const s of steps) for (const sql of stepSql(s).up) await trx.raw(escapeRawSql(sql));
    const snapshotStored = !previous || steps.length > 0 || canonicalJson(previous) !== canonicalJson(model);
    if (snapshotStored) await trx(SNAPSHOT_TABLE).insert({ model: JSON.stringify(model) });
    return { steps, losses, snapshotStored };
  });
}
