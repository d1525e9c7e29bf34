/**
 * A schema change may add computed values and roll-ups: after a migration, the records already in
 * the database get them at once rather than at their next save.
 */
import { hasComputed, type SalesModel, type Validators } from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { MigrationStep } from '../../migrate/index.js';
import { refreshRecords, type SweepResult } from './sweep.js';

/** Steps after which computed values may differ: new or converted columns, records in other stages. */
const VALUE_CHANGING = new Set<MigrationStep['kind']>([
  'add_column',
  'change_type',
  'rename_column',
  'rename_stage',
  'retire_stage',
  'conform_values',
]);

/**
 * Refreshes the records of the entities with computed values — only those whose table gained or
 * retyped a column, or had values converted or records moved, when the migration's `steps` are given (an added index changes no value, and a
 * refresh reads every record).
 */
export function refreshAfterMigration(
  knex: Knex,
  model: SalesModel,
  validators: Validators,
  steps?: MigrationStep[],
): Promise<SweepResult> {
  const changed = steps && new Set(steps.flatMap((step) => (VALUE_CHANGING.has(step.kind) && 'table' in step ? [step.table] : [])));
  const entities = Object.values(model.entities).filter((entity) => hasComputed(entity) && (!changed || changed.has(entity.resource)));
  return refreshRecords({ knex, model, validators, entities });
}
