/**
 * Vitest global setup: one PostgreSQL server for the whole run (a database per test file is
 * created by `forEachDatabase`). Uses DATABASE_URL as the administrative connection when set.
 */
import type { TestProject } from 'vitest/node';
import { findPostgresBinaries, startPostgres, type PostgresServer } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL server; empty when none is available. */
    postgresAdminUrl: string;
  }
}

let server: PostgresServer | undefined;

export async function setup(project: TestProject): Promise<void> {
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
