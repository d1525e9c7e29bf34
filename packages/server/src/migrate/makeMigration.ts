import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SalesModel } from '@ra-sales/schema';
import { planMigration } from './plan.js';
import { writeMigrationFile, type WriteMigrationOptions } from './render.js';
import type { MigrationStep } from './steps.js';

/** The model the migration files of a folder were last generated for. */
export const SNAPSHOT_FILE = 'schema-snapshot.json';

export async function readSnapshotFile(dir: string): Promise<SalesModel | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, SNAPSHOT_FILE), 'utf8')) as SalesModel;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export interface MakeMigrationResult {
  steps: MigrationStep[];
  /** The migration file written, or null when the model did not change. */
  file: string | null;
}

/**
 * `migrate:make`: diffs `model` against the snapshot kept in `dir`, writes the migration file
 * and the new snapshot. Writes nothing when there is nothing to migrate.
 */
export async function makeMigration(dir: string, model: SalesModel, options: WriteMigrationOptions = {}): Promise<MakeMigrationResult> {
  const steps = planMigration(await readSnapshotFile(dir), model);
  if (steps.length === 0) return { steps, file: null };
  const file = await writeMigrationFile(dir, steps, options);
  await writeFile(path.join(dir, SNAPSHOT_FILE), `${JSON.stringify(model, null, 2)}\n`, 'utf8');
  return { steps, file };
}
