import { formatCount } from './sql.js';
import { describeStep } from './steps.js';
import { blockedEffects, type MigrationPlan, reviewedEffects } from './planFile.js';

const line = (effect: MigrationPlan['effects'][number]) =>
  `- ${describeStep(effect.step)}: ${effect.blocked ?? effect.text}${effect.lost ? ' (loses data: needs consent)' : ''}`;

/** A migration that cannot run as the schema declares it: the steps and why. Nothing was changed. */
export class MigrationBlockedError extends Error {
  readonly plan: MigrationPlan;

  constructor(plan: MigrationPlan) {
    const blocked = blockedEffects(plan);
    super(`The migration was not applied; ${formatCount(blocked.length)} step(s) cannot run as declared:\n${blocked.map(line).join('\n')}`);
    this.name = 'MigrationBlockedError';
    this.plan = plan;
  }
}

/** A migration that changes stored data, without a reviewed plan covering it. Nothing was changed. */
export class MigrationNeedsReviewError extends Error {
  readonly plan: MigrationPlan;
  readonly reason: string;

  constructor(plan: MigrationPlan, reason: string) {
    super(`The migration was not applied: ${reason}. Its steps that change stored data:\n${reviewedEffects(plan).map(line).join('\n')}`);
    this.name = 'MigrationNeedsReviewError';
    this.plan = plan;
    this.reason = reason;
  }
}
