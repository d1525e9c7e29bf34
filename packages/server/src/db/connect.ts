import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import knexPackage from 'knex';
import type { Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';
import { TYPE_PARSERS } from './typeParsers.js';

export interface ConnectOptions {
  /** A PostgreSQL connection string; defaults to `process.env.DATABASE_URL`. */
  url?: string;
  /**
   * Data folder of the embedded PGlite database, used when there is no URL.
   * Defaults to `.data/pglite` under the current directory; `memory://` keeps it in memory.
   */
  dataDir?: string;
  /** Largest connection pool for PostgreSQL (PGlite always has one connection). */
  poolMax?: number;
  /**
   * PostgreSQL only: a statement running longer is cancelled by the server (`statement_timeout`,
   * sent when connecting), its transaction rolled back, and the request answered 503. Behind
   * PgBouncer, which does not pass it on, set it on the role instead (docs/scaling.md).
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL only: `false` never prepares the router's statements on this connection (see the
   * router's `preparedStatements`): for PgBouncer in transaction mode before 1.21.
   */
  preparedStatements?: boolean;
  /**
   * A PGlite data folder dump (`PGlite.dumpDataDir()`) to start from instead of running initdb:
   * several times faster for throwaway in-memory databases.
   */
  pgliteTemplate?: Blob;
  /**
   * PGlite extensions to load, so that `CREATE EXTENSION` finds them: `{ pg_trgm }` from
   * `@electric-sql/pglite/contrib/pg_trgm` for trigram indexes (docs/server.md, Search).
   */
  pgliteExtensions?: Extensions;
}

export const DEFAULT_PGLITE_DIR = path.join('.data', 'pglite');

/**
 * A Knex instance on PostgreSQL (through `pg`) when a URL is given, else on an embedded PGlite.
 * Both read numeric/int8 as numbers, date as 'YYYY-MM-DD' and timestamptz as an ISO string.
 */
export function connectDatabase(options: ConnectOptions = {}): Knex {
  const url = options.url ?? process.env.DATABASE_URL;
  if (!url) return connectPglite(options.dataDir ?? DEFAULT_PGLITE_DIR, options.pgliteTemplate, options.pgliteExtensions);
  const db = connectPostgres(url, options.poolMax ?? 10, options.statementTimeoutMs);
  if (options.preparedStatements === false) withoutPreparedStatements(db);
  return db;
}

/** The knex configurations whose statements go unnamed (a transaction's client shares its knex's). */
const unprepared = new WeakSet<object>();

/** The router's statements on `db` (and its transactions) are sent unnamed, never prepared: for PgBouncer in transaction mode before 1.21. */
export function withoutPreparedStatements(db: Knex): void {
  unprepared.add(db.client.config);
}

/** Whether the router may prepare its statements on `db` (a connection, or one of its transactions). */
export const preparesStatements = (db: Knex): boolean => !unprepared.has(db.client.config);

/** A dump of a freshly initialised PGlite data folder, for `pgliteTemplate`. */
export async function createPgliteTemplate(): Promise<Blob> {
  const pglite = new PGlite('memory://');
  try {
    await pglite.waitReady;
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

/** Which database a Knex instance talks to. */
export function databaseKind(db: Knex): 'postgres' | 'pglite' {
  return db.client.config.client === 'pg' ? 'postgres' : 'pglite';
}

const pgCustomTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    const parser = format === 'binary' ? undefined : TYPE_PARSERS[oid];
    return parser ?? pg.types.getTypeParser(oid, format as 'text');
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function connectPostgres(url: string, poolMax: number, statementTimeoutMs: number | undefined): Knex {
  return knexPackage.knex({
    client: 'pg',
    connection: {
      connectionString: url,
      types: pgCustomTypes,
      ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
  });
}

function connectPglite(dataDir: string, template: Blob | undefined, extensions: Extensions | undefined): Knex {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.resolve(dataDir), { recursive: true });
  const pglite = new PGlite(inMemory ? dataDir : path.resolve(dataDir), {
    parsers: TYPE_PARSERS,
    ...(template ? { loadDataDir: template } : {}),
    ...(extensions ? { extensions } : {}),
  });
  return knexPackage.knex({
    client: ClientPgLite as unknown as typeof Knex.Client,
    dialect: 'postgres',
    // knex-pglite takes an existing instance through a connection function.
    connection: (() => ({ pglite })) as unknown as Knex.StaticConnectionConfig,
  });
}
