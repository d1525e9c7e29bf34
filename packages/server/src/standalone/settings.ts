/**
 * What the standalone server and its migration-plan command read from the environment, in one
 * place so that both work on the same domain, database and plan file.
 *
 *   SALES_DOMAIN    a generated folder (default packages/domain; e.g. examples/company-oa/generated)
 *   MIGRATION_PLAN  the reviewed migration plan (default: migration-plan.json beside the generated folder)
 *   SALES_OVERLAY   the overlay the folder was generated from, to print the right commands
 *   DATABASE_URL    real PostgreSQL instead of the embedded database
 *   DATA_DIR        the embedded database's folder (default .data/pglite)
 *   STATEMENT_TIMEOUT_MS  PostgreSQL cancels a longer statement (default 30000; 0: no limit)
 *   EXACT_COUNT_LIMIT  list totals counted exactly up to this many rows, estimated above (default 1000)
 *   ATTACHMENTS_DIR, S3_BUCKET, S3_…  where attached files go (attachments/settings.ts; default <DATA_DIR>/attachments)
 */
import { dirname, resolve } from 'node:path';
import type { Knex } from 'knex';
import { connectDatabase } from '../db/index.js';
import { attachmentsFromEnv } from '../attachments/settings.js';

const repo = resolve(import.meta.dirname, '../../../..');

export const fromRepo = (path: string) => resolve(repo, path);

export const domainDir = () => fromRepo(process.env.SALES_DOMAIN ?? 'packages/domain');

export const migrationPlanPath = () => resolve(process.env.MIGRATION_PLAN ?? resolve(dirname(domainDir()), 'migration-plan.json'));

/** A command of the README, for the overlay being run. */
export const commandFor = (script: string) => `pnpm ${script}${process.env.SALES_OVERLAY ? ` --overlay ${process.env.SALES_OVERLAY}` : ''}`;

export const connectStandaloneDatabase = (): Knex =>
  connectDatabase({
    url: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR,
    statementTimeoutMs: Number(process.env.STATEMENT_TIMEOUT_MS ?? 30_000),
    preparedStatements: process.env.PREPARED_STATEMENTS !== 'off',
  });

/** `EXACT_COUNT_LIMIT`, when set: a whole number of rows, or the server refuses to start. */
export function exactCountLimitFromEnv(): number | undefined {
  const text = process.env.EXACT_COUNT_LIMIT;
  if (text === undefined || text === '') return undefined;
  const limit = Number(text);
  if (!Number.isSafeInteger(limit) || limit < 0) throw new Error(`EXACT_COUNT_LIMIT must be a whole number of rows, not "${text}"`);
  return limit;
}

/** The attachment store of `ATTACHMENTS_DIR` or `S3_BUCKET`. */
export const standaloneAttachments = () => attachmentsFromEnv(process.env);
