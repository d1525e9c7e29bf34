/**
 * A schema change may add computed values and roll-ups: after a migration, the records already in
 * the database get them at once rather than at their next save.
 */
import type { SalesModel, Validators } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { refreshRecords, type SweepResult } from '../router/index.js';

export function computedEntities(model: SalesModel) {
  return Object.values(model.entities).filter((e) => e.fields.some((f) => f.computed !== undefined || f.itemFields?.some((c) => c.computed !== undefined)));
}

export function refreshAfterMigration(knex: Knex, model: SalesModel, validators: Validators): Promise<SweepResult> {
  return refreshRecords({ knex, model, validators, entities: computedEntities(model) });
}
