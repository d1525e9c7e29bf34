/**
 * The product on one command: the API and the admin screens on an embedded PGlite database
 * (or PostgreSQL when DATABASE_URL is set), migrated to the schemas and seeded with demo data.
 * Besides the variables of standalone/settings.ts:
 *
 *   PORT            default 3000
 *   ADMIN_DIR       the built admin app (default examples/backoffice/dist)
 *   SWEEP_EVERY_MS  how often dated values (overdue) are refreshed (default one hour)
 *   SALES_WEBHOOK_URL  each notification (approval requested or decided, task assigned) is posted there as JSON
 */
import { relative } from 'node:path';
import {
  DuplicateValuesError,
  MigrationBlockedError,
  MigrationNeedsReviewError,
  applyMigrations,
  describeEffect,
  readMigrationPlan,
} from './migrate/index.js';
import { hasNoUsers, seedDemoWhenEmpty } from './seed/index.js';
import { sweepDatedRecords } from './router/index.js';
import { refreshAfterMigration } from './router/facts/afterMigration.js';
import { createStandaloneApp } from './standalone/createApp.js';
import { loadDomain } from './standalone/loadDomain.js';
import { webhookNotifier } from './standalone/webhook.js';
import {
  commandFor,
  connectStandaloneDatabase,
  domainDir,
  exactCountLimitFromEnv,
  fromRepo,
  migrationPlanPath,
  standaloneAttachments,
} from './standalone/settings.js';
import { describeAttachmentStore } from './attachments/settings.js';

const port = Number(process.env.PORT ?? 3000);
const exactCountLimit = exactCountLimitFromEnv();
const domain = await loadDomain(domainDir());
const knex = connectStandaloneDatabase();
const planPath = migrationPlanPath();

try {
  const migration = await applyMigrations(knex, domain.model, { plan: readMigrationPlan(planPath) });
  if (migration.steps.length) {
    console.log(`Database migrated: ${migration.steps.length} step(s).`);
    // A first migration creates everything: its steps are not worth a line each.
    if (migration.steps.length < 50) for (const effect of migration.effects) console.log(`  - ${describeEffect(effect)}`);
  }
  // A schema change may add computed values and roll-ups: existing records get them now, not at their next save.
  if (migration.steps.length && !(await hasNoUsers(knex, domain.model))) {
    const refreshed = await refreshAfterMigration(knex, domain.model, domain.validators, migration.steps);
    console.log(
      `Computed values refreshed after the migration: ${refreshed.changed} record(s) changed, ${refreshed.refused.length} left as they were (a rule refused the refresh).`,
    );
  }
} catch (error) {
  if (error instanceof MigrationNeedsReviewError) {
    console.error(error.message);
    console.error(
      `\nNothing was changed. Write the plan to review: ${commandFor('migrate:plan')} (writes ${relative(process.cwd(), planPath)}); ` +
        'read it, set "consent": true on each step that loses data, commit it, and start again.',
    );
    process.exit(1);
  }
  if (error instanceof MigrationBlockedError || error instanceof DuplicateValuesError) {
    console.error(error.message);
    console.error('\nNothing was changed. Change the schema files (or the data) as said above, then start again.');
    process.exit(1);
  }
  throw error;
}

const demo = await seedDemoWhenEmpty({ knex, model: domain.model, validators: domain.validators });
if (demo) {
  console.log(`Demo data: ${demo.seeded.total} records in ${Math.round(demo.seeded.milliseconds)} ms.`);
  console.log(`Roll-ups computed: ${demo.rolledUp} record(s) updated.`);
}

// Values that change with the date (overdue collections and instalments): refreshed a little after
// the server answers, so that a start does not wait for a scan of every dated record, then every hour.
const sweep = () =>
  sweepDatedRecords({ knex, model: domain.model, validators: domain.validators }).then(
    (result) => result.changed && console.log(`Dated values refreshed: ${result.changed} record(s) changed.`),
    (error: unknown) => console.error('The dated-values sweep failed:', error),
  );

const FIRST_SWEEP_AFTER_MS = 10_000;

const webhook = process.env.SALES_WEBHOOK_URL;
const app = createStandaloneApp({
  knex,
  domain,
  adminDir: fromRepo(process.env.ADMIN_DIR ?? 'examples/backoffice/dist'),
  notify: webhook ? webhookNotifier(webhook) : undefined,
  attachments: standaloneAttachments(),
  exactCountLimit,
});
console.log(`Attachments: ${describeAttachmentStore()}.`);
const server = app.listen(port, () => {
  console.log(`ra-sales on http://localhost:${port}  (API http://localhost:${port}/api, reference http://localhost:${port}/api/docs)`);
  // Not at once: PGlite has one connection, and the first screens would wait behind the scan.
  setTimeout(() => void sweep(), FIRST_SWEEP_AFTER_MS).unref();
  setInterval(() => void sweep(), Number(process.env.SWEEP_EVERY_MS ?? 3_600_000)).unref();
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void knex.destroy().then(() => process.exit(0));
  });
}
