import type { Knex } from 'knex';
import type { SalesModel, Validators } from '@ra-sales/schema';
import { rollupEntities } from '../router/facts/dependents.js';
import { refreshRecords } from '../router/facts/sweep.js';
import { usersOf } from '../router/resources.js';
import { seedDemo, type SeedSummary } from './demo.js';

export interface DemoSeeded {
  seeded: SeedSummary;
  /** Records whose rolled-up figures were computed after the bulk load. */
  rolledUp: number;
}

/** Whether nobody is in the users entity yet (or the model keeps none): a database no one has used. */
export async function hasNoUsers(knex: Knex, model: SalesModel): Promise<boolean> {
  const users = usersOf(model);
  if (!users) return true;
  const row = (await knex(users.resource).count({ count: '*' }).first()) as { count: number | string } | undefined;
  return Number(row?.count ?? 0) === 0;
}

/**
 * The demo data on a database no one has used (no user yet), then its rolled-up figures, which
 * the bulk load leaves to be computed once here. Nothing happens on a database in use.
 */
export async function seedDemoWhenEmpty(options: {
  knex: Knex;
  model: SalesModel;
  validators: Validators;
}): Promise<DemoSeeded | undefined> {
  if (!(await hasNoUsers(options.knex, options.model))) return undefined;
  const seeded = await seedDemo(options.knex, options.model);
  const rolled = await refreshRecords({ ...options, entities: rollupEntities(options.model) });
  return { seeded, rolledUp: rolled.changed };
}
