import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { DuplicateValuesError } from './duplicates.js';
import { runStep, type StepEffect } from './effects.js';
import { planMigration } from './plan.js';
import { blockedEffects, type MigrationPlan, modelFingerprint, type ReviewedPlan, reviewProblem } from './planFile.js';
import { MigrationBlockedError, MigrationNeedsReviewError } from './refusals.js';
import type { MigrationStep } from './steps.js';
import { createSummaries, dropStaleSummaries, type KeptSummary } from './keptSummaries.js';
import { stageTotalsDefinitions, stageTotalsSummary } from './stageTotals.js';
import { wonTotalsDefinition, wonTotalsSummary } from './wonTotals.js';
import { SNAPSHOT_TABLE, SYSTEM_TABLES } from './systemTables.js';
import { sameJson, stableHash } from './sql.js';

export interface ApplyOptions {
  /**
   * The reviewed plan (the file `migrationPlanJson` wrote, read with `readMigrationPlan`). A
   * migration that changes stored data runs only when this plan lists its steps for this database
   * and model, with consent on each step that loses data.
   */
  plan?: ReviewedPlan | null;
}

export interface ApplyResult {
  /** Every step that ran, in order. */
  steps: MigrationStep[];
  /** What each step did to the stored data. */
  effects: StepEffect[];
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
  // pg_catalog rather than information_schema: the same answer, many times faster on PGlite at every start.
  const result = await db.raw(
    `SELECT c.relname AS table_name, a.attname AS column_name
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY(?) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`,
    [tables],
  );
  const columns = new Map<string, string[]>();
  for (const row of result.rows as { table_name: string; column_name: string }[]) {
    columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row.column_name]);
  }
  return columns;
}

/** Runs every step, measuring its effect; the caller decides whether the transaction stays. */
async function migrate(trx: Knex.Transaction, model: SalesModel): Promise<{ previous: SalesModel | null; plan: MigrationPlan }> {
  await trx.raw('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
  const previous = await readSchemaSnapshot(trx);
  if (!previous) await refuseUnknownTables(trx, model);
  const entityTables = previous ? Object.values(previous.entities).map((entity) => entity.resource) : [];
  const steps = planMigration(
    previous,
    model,
    previous ? { systemColumns: await systemColumns(trx), entityColumns: await systemColumns(trx, entityTables) } : {},
  );
  const summaries = await dropStaleSummaries(trx, keptSummariesOf(model));
  const effects: StepEffect[] = [];
  for (const s of steps) effects.push(await runStep(trx, s));
  await createSummaries(trx, summaries);
  return { previous, plan: fingerprintedLazily(previous, model, effects) };
}

/** The summary tables the database keeps for the model's reports. */
function keptSummariesOf(model: SalesModel): KeptSummary[] {
  const won = wonTotalsDefinition(model);
  return [...stageTotalsDefinitions(model).map(stageTotalsSummary), ...(won ? [wonTotalsSummary(won)] : [])];
}

/** The plan's model fingerprints, hashed only when read (a review): a start with nothing to migrate skips them. */
function fingerprintedLazily(previous: SalesModel | null, model: SalesModel, effects: StepEffect[]): MigrationPlan {
  let from: string | undefined;
  let to: string | undefined;
  return {
    get from() {
      return (from ??= modelFingerprint(previous));
    },
    get to() {
      return (to ??= modelFingerprint(model));
    },
    effects,
  };
}

function refuseUnlessCovered(plan: MigrationPlan, reviewed: ReviewedPlan | null | undefined): void {
  const duplicates = plan.effects.flatMap((effect) => (effect.duplicates ? [effect.duplicates] : []));
  if (duplicates.length > 0) throw new DuplicateValuesError(duplicates);
  if (blockedEffects(plan).length > 0) throw new MigrationBlockedError(plan);
  const problem = reviewProblem(plan, reviewed);
  if (problem) throw new MigrationNeedsReviewError(plan, problem);
}

/** Thrown to roll a dry run back, carrying what it measured. */
class DryRun {
  constructor(readonly plan: MigrationPlan) {}
}

/**
 * The migration from the database's model to `model`, measured on the data present: every step
 * is run inside a transaction that is then rolled back, so nothing changes. Write it for review
 * with `migrationPlanJson`.
 */
export async function planMigrations(db: Knex, model: SalesModel): Promise<MigrationPlan> {
  try {
    await db.transaction(async (trx) => {
      throw new DryRun((await migrate(trx, model)).plan);
    });
  } catch (error) {
    if (error instanceof DryRun) return error.plan;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}

/**
 * Brings the database to `model` in one transaction: compares it with the stored snapshot, runs
 * every step measuring its effect, and keeps the result only when nothing is blocked (values a
 * unique set would share, records in a stage no longer declared, values no conversion covers) and
 * when a migration that changes stored data is covered by `options.plan`; otherwise it rolls back
 * and throws, changing nothing. A migration that only adds (tables, columns, stages, indexes)
 * needs no plan.
 */
export async function applyMigrations(db: Knex, model: SalesModel, options: ApplyOptions = {}): Promise<ApplyResult> {
  return db.transaction(async (trx) => {
    const { previous, plan } = await migrate(trx, model);
    refuseUnlessCovered(plan, options.plan);
    const steps = plan.effects.map((effect) => effect.step);
    const snapshotStored = !previous || steps.length > 0 || !sameJson(previous, model);
    if (snapshotStored) await trx(SNAPSHOT_TABLE).insert({ model: JSON.stringify(model) });
    return { steps, effects: plan.effects, snapshotStored };
  });
}
