import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SalesModel } from '@ra-sales/schema';
import { planMigration } from './plan.js';
import { migrationSlug, migrationTimestamp, writeMigrationFile, type WriteMigrationOptions } from './render.js';
import type { MigrationStep } from './steps.js';

/** Each migration file `<name>.js` has the model it migrates to beside it, in `<name>.model.json`. */
export const MODEL_SUFFIX = '.model.json';

/** The model of the newest migration in `dir`, or null when there is none. */
export async function readLatestMigratedModel(dir: string): Promise<SalesModel | null> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const latest = files.filter((file) => file.endsWith(MODEL_SUFFIX)).sort().pop();
  return latest ? (JSON.parse(await readFile(path.join(dir, latest), 'utf8')) as SalesModel) : null;
}

export interface MakeMigrationResult {
  steps: MigrationStep[];
  /** The migration file written, or null when the model did not change. */
  file: string | null;
}

/**
 * `migrate:make`: diffs `model` against the model of the newest migration in `dir`, writes the
 * next migration file and its model (which the migration records in sales_schema_snapshot,
 * so `applyMigrations` and migration files agree). Writes nothing when nothing changed.
 */
export async function makeMigration(dir: string, model: SalesModel, options: WriteMigrationOptions = {}): Promise<MakeMigrationResult> {
  const steps = planMigration(await readLatestMigratedModel(dir), model);
  if (steps.length === 0) return { steps, file: null };
  const name = `${migrationTimestamp(options.date ?? new Date())}_${options.name ?? migrationSlug(steps)}`;
  const snapshotFile = `${name}${MODEL_SUFFIX}`;
  const file = await writeMigrationFile(dir, steps, { ...options, fileName: `${name}.js`, snapshotFile });
  await writeFile(path.join(dir, snapshotFile), `${JSON.stringify(model, null, 2)}\n`, 'utf8');
  return { steps, file };
}
