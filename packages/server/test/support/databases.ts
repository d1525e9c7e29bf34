/**
 * `forEachDatabase(name, fn)`: runs a block of tests once on PGlite (in memory, one instance per
 * block) and once on PostgreSQL (a fresh database per block on the server of the global setup,
 * or on a server this file starts itself when there is none).
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { readPgliteTemplate } from './pgliteTemplate.js';
import { findPostgresBinaries, startPostgres, urlForDatabase, type PostgresServer } from './postgres.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  /** The connection, available inside tests and hooks. */
  readonly db: Knex;
  /** Empties the database: drops every table, index and sequence of the public schema. */
  reset(): Promise<void>;
}

/** With PG_TOPOLOGY=replicated only PostgreSQL: that run repeats the API tests through a replica and PgBouncer. */
export const DATABASE_KINDS: DatabaseKind[] = process.env.PG_TOPOLOGY === 'replicated' ? ['postgres'] : ['pglite', 'postgres'];

/** The replica connection of a test database, when the run has one (PG_TOPOLOGY=replicated). */
const replicas = new WeakMap<Knex, Knex>();
export const replicaOf = (db: Knex): Knex | undefined => replicas.get(db);

function injectedTopology(): { bouncer?: string; replica?: string } {
  try {
    return { bouncer: inject('postgresBouncerUrl') || undefined, replica: inject('postgresReplicaUrl') || undefined };
  } catch {
    return {};
  }
}

let ownServer: Promise<PostgresServer> | undefined;
let databaseCounter = 0;

function injectedAdminUrl(): string | undefined {
  try {
    return inject('postgresAdminUrl') || undefined;
  } catch {
    return undefined;
  }
}

/** The administrative PostgreSQL URL, or undefined when PostgreSQL is not available. */
async function postgresAdminUrl(): Promise<string | undefined> {
  const injected = injectedAdminUrl() ?? process.env.DATABASE_URL;
  if (injected) return injected;
  if (!findPostgresBinaries()) return undefined;
  ownServer ??= startPostgres();
  return (await ownServer).url;
}

function postgresAvailable(): boolean {
  return !!(injectedAdminUrl() ?? process.env.DATABASE_URL ?? findPostgresBinaries());
}

async function withAdmin<T>(adminUrl: string, fn: (admin: Knex) => Promise<T>): Promise<T> {
  const admin = connectDatabase({ url: adminUrl, poolMax: 1 });
  try {
    return await fn(admin);
  } finally {
    await admin.destroy();
  }
}

/**
 * Runs `fn` with the SQL of every statement sent meanwhile, on the database and on its replica
 * (reads go there when the tests run with PG_TOPOLOGY=replicated); `fn` may empty the list between steps.
 */
export async function withStatements<T>(db: Knex, fn: (statements: string[]) => Promise<T>): Promise<T> {
  const statements: string[] = [];
  const noting = (q: { sql: string }) => statements.push(q.sql);
  const connections = [db, replicaOf(db)].filter((c) => c !== undefined);
  for (const c of connections) c.on('query', noting);
  try {
    return await fn(statements);
  } finally {
    for (const c of connections) c.off('query', noting);
  }
}

export async function resetDatabase(db: Knex): Promise<void> {
  await db.raw('DROP SCHEMA IF EXISTS public CASCADE');
  await db.raw('CREATE SCHEMA public');
}

interface Opened {
  db: Knex;
  close(): Promise<void>;
}

function injectedPgliteTemplate(): Blob | undefined {
  try {
    const file = inject('pgliteTemplate');
    return file ? readPgliteTemplate(file) : undefined;
  } catch {
    return undefined;
  }
}

async function openPglite(): Promise<Opened> {
  const db = connectDatabase({ dataDir: 'memory://', pgliteTemplate: injectedPgliteTemplate() });
  await db.raw('SELECT 1');
  return { db, close: () => db.destroy() };
}

async function openPostgres(name: string): Promise<Opened> {
  const adminUrl = await postgresAdminUrl();
  if (!adminUrl) throw new Error('PostgreSQL is not available');
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  const database = `test_${process.pid}_${++databaseCounter}_${slug}`;
  await withAdmin(adminUrl, (admin) => admin.raw(`CREATE DATABASE "${database}"`));
  const topology = injectedTopology();
  // Debian's PgBouncer (1.18) cannot keep a prepared statement from one transaction to the next.
  const db = connectDatabase({ url: urlForDatabase(topology.bouncer ?? adminUrl, database), preparedStatements: !topology.bouncer });
  const replica = topology.replica ? connectDatabase({ url: urlForDatabase(topology.replica, database) }) : undefined;
  if (replica) replicas.set(db, replica);
  return {
    db,
    async close() {
      await replica?.destroy();
      await db.destroy();
      await withAdmin(adminUrl, (admin) => admin.raw(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    },
  };
}

/** Declares `fn`'s tests once per database kind, in describe blocks named `<name> [<kind>]`. */
export function forEachDatabase(name: string, fn: (database: TestDatabase) => void): void {
  for (const kind of DATABASE_KINDS) {
    const skip = kind === 'postgres' && !postgresAvailable();
    (skip ? describe.skip : describe)(`${name} [${kind}]`, () => {
      let opened: Opened | undefined;
      beforeAll(async () => {
        opened = kind === 'pglite' ? await openPglite() : await openPostgres(name);
      }, 120_000);
      afterAll(async () => {
        await opened?.close();
        if (ownServer) {
          const server = ownServer;
          ownServer = undefined;
          await (await server).stop();
        }
      }, 60_000);
      fn({
        kind,
        get db() {
          if (!opened) throw new Error(`The ${kind} database is not open yet: use it inside tests or hooks.`);
          return opened.db;
        },
        reset: () => resetDatabase(opened!.db),
      });
    });
  }
}
