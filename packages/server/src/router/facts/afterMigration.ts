/**
 * A schema change may add computed values and roll-ups: after a migration, the records already in
 * the database get them at once rather than at their next save.
 */
import { hasComputed, type SalesModel, type Validators } from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { MigrationStep } from '../../migrate/index.js';
import { refreshRecords, type SweepResult } from './sweep.js';

/**
 * Refreshes the records of the entities with computed values — only those whose table gained or
 * retyped a column when the migration's `steps` are given (an added index changes no value, and a
 * refresh reads every record).
 */
export function refreshAfterMigration(
  knex: Knex,
  model: SalesModel,
  validators: Validators,
  steps?: MigrationStep[],
): Promise<SweepResult> {
  const changed =
    steps && new Set(steps.flatMap((step) => (step.kind === 'add_column' || step.kind === 'change_type' ? [step.table] : [])));
  const entities = Object.values(model.entities).filter((entity) => hasComputed(entity) && (!changed || changed.has(entity.resource)));
  return refreshRecords({ knex, model, validators, entities });
}
