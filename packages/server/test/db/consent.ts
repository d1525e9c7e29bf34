import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { planMigrations, type ReviewedPlan, toReviewedPlan } from '../../src/migrate/index.js';

/** The plan as written for review, with consent given on every step that loses data, as a reviewer would. */
export async function consentedPlan(db: Knex, model: SalesModel): Promise<ReviewedPlan> {
  const reviewed = toReviewedPlan(await planMigrations(db, model));
  for (const step of reviewed.steps) if (step.loses) step.consent = true;
  return reviewed;
}
