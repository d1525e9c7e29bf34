/**
 * The migration plan a person reviews and commits: the steps that change stored data, each with
 * its effect on the data present, and a consent to set on each step that loses data. The server
 * applies a migration that changes stored data only when the plan it is given is this one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { StepEffect } from './effects.js';
import { canonicalJson } from './sql.js';
import { describeStep } from './steps.js';

/** The migration as measured on one database: from its model to the next. */
export interface MigrationPlan {
  /** Fingerprint of the model the database is at (`empty` for a new database). */
  from: string;
  /** Fingerprint of the model it is taken to. */
  to: string;
  effects: StepEffect[];
}

/** The file: what was reviewed, and the consents given. */
export interface ReviewedPlan {
  from: string;
  to: string;
  steps: { step: string; effect: string; loses?: boolean; consent?: boolean }[];
}

export const modelFingerprint = (model: unknown): string =>
  model ? createHash('sha256').update(canonicalJson(model)).digest('hex').slice(0, 16) : 'empty';

/** Steps that change stored data: the plan file lists them, and only them need it. */
export const reviewedEffects = (plan: MigrationPlan): StepEffect[] => plan.effects.filter((effect) => effect.review);

export const needsReview = (plan: MigrationPlan): boolean => reviewedEffects(plan).length > 0;

export const blockedEffects = (plan: MigrationPlan): StepEffect[] => plan.effects.filter((effect) => effect.blocked);

export function toReviewedPlan(plan: MigrationPlan): ReviewedPlan {
  return {
    from: plan.from,
    to: plan.to,
    steps: reviewedEffects(plan).map((effect) => ({
      step: describeStep(effect.step),
      effect: effect.text,
      ...(effect.lost ? { loses: true, consent: false } : {}),
    })),
  };
}

const COMMENT =
  'Migration plan. Review each step and its effect on the data of the database it was measured on. ' +
  'A step that loses data runs only with "consent": true. Commit this file; the server applies the migration only when it matches.';

export function migrationPlanJson(plan: MigrationPlan): string {
  const reviewed = toReviewedPlan(plan);
  const schemaOnly = plan.effects.filter((effect) => !effect.review).map((effect) => describeStep(effect.step));
  return `${JSON.stringify({ $comment: COMMENT, ...reviewed, alsoRuns: schemaOnly }, null, 2)}\n`;
}

/** The plan file at `path`, or null when there is none. */
export function readMigrationPlan(path: string): ReviewedPlan | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  let parsed: ReviewedPlan;
  try {
    parsed = JSON.parse(text) as ReviewedPlan;
  } catch (error) {
    throw new Error(`${path} is not valid JSON (${(error as Error).message}); write the plan again with the plan command`);
  }
  if (typeof parsed.from !== 'string' || typeof parsed.to !== 'string' || !Array.isArray(parsed.steps)) {
    throw new Error(`${path} is not a migration plan: "from", "to" and "steps" are missing; write it again with the plan command`);
  }
  return parsed;
}

/** Why `reviewed` does not cover `plan`, or null when it does. */
export function reviewProblem(plan: MigrationPlan, reviewed: ReviewedPlan | null | undefined): string | null {
  if (!needsReview(plan)) return null;
  if (!reviewed) return 'it changes stored data, and no reviewed plan was given';
  const expected = toReviewedPlan(plan);
  if (reviewed.from !== plan.from || reviewed.to !== plan.to) {
    return 'the reviewed plan was written for another database state or another model; write it again';
  }
  const same = reviewed.steps.map((s) => s.step).join('\n') === expected.steps.map((s) => s.step).join('\n');
  if (!same) return 'the reviewed plan lists other steps than the migration has now; write it again';
  const missing = expected.steps.filter((s, i) => s.loses && reviewed.steps[i]!.consent !== true);
  if (missing.length)
    return `consent is missing on ${missing.length} step(s) that lose data: ${missing.map((s) => `"${s.step}"`).join(', ')}`;
  return null;
}
