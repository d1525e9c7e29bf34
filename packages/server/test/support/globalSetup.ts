/**
 * Vitest global setup: one PostgreSQL server for the whole run (a database per test file is
 * created by `forEachDatabase`; DATABASE_URL is used as the administrative connection when set),
 * and the PGlite template the in-memory test databases start from.
 */
import type { TestProject } from 'vitest/node';
import { ensurePgliteTemplate } from './pgliteTemplate.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from './postgres.js';
import { startReplicatedPostgres } from './replicated.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test PostgreSQL server; empty when none is available. */
    postgresAdminUrl: string;
    /** A PGlite data folder dump test databases start from; empty when none. */
    pgliteTemplate: string;
    /**
     * With `PG_TOPOLOGY=replicated`: PgBouncer (transaction mode) in front of the primary, and the
     * streaming replica; the tests' writes go through the first, the router's reads to the second.
     */
    postgresBouncerUrl: string;
    postgresReplicaUrl: string;
  }
}

let server: Pick<PostgresServer, 'stop'> | undefined;

/** `PG_TOPOLOGY=replicated`: the API tests through PgBouncer and a streaming replica (scripts/test.sh). */
export const REPLICATED = process.env.PG_TOPOLOGY === 'replicated';

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
  project.provide('postgresBouncerUrl', '');
  project.provide('postgresReplicaUrl', '');
  if (REPLICATED) {
    const replicated = await startReplicatedPostgres({ synchronous: true, bouncer: true });
    server = replicated;
    project.provide('postgresAdminUrl', replicated.primaryUrl);
    project.provide('postgresBouncerUrl', replicated.bouncerUrl!);
    project.provide('postgresReplicaUrl', replicated.replicaUrl);
    return;
  }
  if (process.env.DATABASE_URL) {
    project.provide('postgresAdminUrl', process.env.DATABASE_URL);
    return;
  }
  if (!findPostgresBinaries()) {
    console.warn('[test] PostgreSQL binaries not found: tests run on PGlite only. Set PG_BIN or DATABASE_URL.');
    project.provide('postgresAdminUrl', '');
    return;
  }
  const single = await startPostgres();
  server = single;
  project.provide('postgresAdminUrl', single.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
