/**
 * `pnpm migrate:plan`: measures the migration the standalone server would apply to its database
 * (a dry run, rolled back) and writes the plan to review beside the generated folder. Reads the
 * variables of standalone/settings.ts.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describeEffect, migrationPlanJson, needsReview, planMigrations } from './migrate/index.js';
import { loadDomain } from './standalone/loadDomain.js';
import { commandFor, connectStandaloneDatabase, domainDir, migrationPlanPath } from './standalone/settings.js';

const domain = await loadDomain(domainDir());
const knex = connectStandaloneDatabase();
const path = migrationPlanPath();
const shown = relative(process.cwd(), path);
let code = 0;
try {
  const plan = await planMigrations(knex, domain.model);
  const line = (effect: (typeof plan.effects)[number]) =>
    `  - ${describeEffect(effect)}${effect.blocked ? `\n    cannot run: ${effect.blocked}` : effect.lost ? '\n    loses data: runs only with "consent": true' : ''}`;
  const blocked = plan.effects.filter((effect) => effect.blocked);
  const reviewed = plan.effects.filter((effect) => effect.review || effect.blocked);
  if (plan.effects.length === 0) console.log('The database is at the model: there is nothing to migrate.');
  else if (blocked.length) {
    console.error(`The migration cannot run as the schema files declare it (${blocked.length} step(s)):\n${reviewed.map(line).join('\n')}`);
    console.error('\nNo plan was written. Change the schema files as said above and run this command again.');
    code = 1;
  } else if (!needsReview(plan)) {
    console.log(`${plan.effects.length} step(s), none changes stored data: ${commandFor('start')} applies them without a plan.`);
  } else {
    writeFileSync(path, migrationPlanJson(plan));
    const losing = plan.effects.filter((effect) => effect.lost);
    console.log(`${shown}: ${reviewed.length} step(s) change stored data, of ${plan.effects.length}:\n${reviewed.map(line).join('\n')}`);
    console.log(
      losing.length
        ? `\nReview the file, set "consent": true on the ${losing.length} step(s) that lose data, commit it, and run ${commandFor('start')}.`
        : `\nReview the file, commit it, and run ${commandFor('start')}.`,
    );
  }
} finally {
  await knex.destroy();
}
process.exit(code);
