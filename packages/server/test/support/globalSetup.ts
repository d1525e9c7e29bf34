/**
 * Vitest global setup: one PostgreSQL server for the whole run (a database per test file is
 * created by `forEachDatabase`; DATABASE_URL is used as the administrative connection when set),
 * and the PGlite template the in-memory test databases start from.
 */
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate } from './pgliteTemplate.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL server; empty when none is available. */
    postgresAdminUrl: string;
    /** A PGlite data folder dump test databases start from; empty when none. */
    pgliteTemplate: string;
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  const [template] = await Promise.all([
    ensurePgliteTemplate().catch((error: unknown) => {
      console.warn(`[test] no PGlite template (${String(error)}): each PGlite test database runs initdb.`);
      return '';
    }),
    setupPostgres(project),
  ]);
  project.provide('pgliteTemplate', template);
}

async function setupPostgres(project: TestProject): Promise<void> {
  if (process.env.DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.DATABASE_URL);
    return;
  }
  if (!findPostgresBinaries()) {
    console.warn('[test] PostgreSQL binaries not found: tests run on PGlite only. Set PG_BIN or DATABASE_URL.');
    project.provide('postgresAdminUrl', '');
    return;
  }
  server = await startPostgres();
  project.provide('postgresAdminUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
