/** The benches' database: a fresh one, dropped afterwards, and the sales force their requests act as. */
import type { Knex } from 'knex';
import { connectDatabase } from '../src/db/connect.js';
import type { SalesUser } from '../src/router/index.js';
import { startPostgres, urlForDatabase, type PostgresServer } from '../test/support/postgres.js';
import type { BenchUser } from './http.js';

export interface BenchDatabase {
  url: string;
  db: Knex;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  poolMax: number;
  /** The database is `<prefix>_<pid>`. */
  prefix: string;
  log: (message: string) => void;
}

/**
 * A fresh database on the server of DATABASE_URL, or on a throwaway PostgreSQL started from the
 * local binaries (test/support/postgres.ts); `close` drops it (and stops the throwaway server).
 */
export async function openDatabase({ poolMax, prefix, log }: DatabaseOptions): Promise<BenchDatabase> {
  let server: PostgresServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    log('DATABASE_URL not set: starting a throwaway PostgreSQL server');
    server = await startPostgres();
    adminUrl = server.url;
    // Stopping is synchronous (pg_ctl): the throwaway server goes even when the bench dies.
    const started = server;
    process.once('exit', () => void started.stop().catch(() => {}));
  }
  const name = `${prefix}_${process.pid}`;
  const admin = connectDatabase({ url: adminUrl, poolMax: 1 });
  await admin.raw(`CREATE DATABASE "${name}"`);
  const url = urlForDatabase(adminUrl, name);
  const db = connectDatabase({ url, poolMax });
  return {
    url,
    db,
    async close() {
      await db.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.destroy();
      await server?.stop();
    },
  };
}

const REPS_PER_TEAM = 10;

export interface SalesForce {
  adminId: number;
  managerId: number;
  teamId: number;
  /** Reps of the manager's team. */
  teamReps: number[];
  reps: number[];
}

/** Two teams, each with a manager and REPS_PER_TEAM reps; salesperson 1 is the admin. */
export async function addSalesForce(db: Knex): Promise<SalesForce> {
  const teamIds: number[] = [];
  for (const name of ['North', 'South']) {
    const [row] = await db('teams')
      .insert({ name: `Team ${name}` })
      .returning('id');
    teamIds.push(Number(row.id));
  }
  const insert = async (name: string, role: string, teamId: number | null) =>
    Number((await db('salespeople').insert({ name, role, status: 'active', team_id: teamId }).returning('id'))[0].id);
  const adminId = await insert('Administrator', 'admin', null);
  if (adminId !== 1) throw new Error('the admin must be salesperson 1 (fresh database expected)');
  const managers: number[] = [];
  for (const [i, teamId] of teamIds.entries()) managers.push(await insert(`Manager ${i + 1}`, 'sales_manager', teamId));
  const repsByTeam: number[][] = teamIds.map(() => []);
  for (const [i, teamId] of teamIds.entries()) {
    for (let r = 1; r <= REPS_PER_TEAM; r++) repsByTeam[i].push(await insert(`Rep ${i + 1}.${r}`, 'sales_rep', teamId));
  }
  return { adminId, managerId: managers[0], teamId: teamIds[0], teamReps: repsByTeam[0], reps: repsByTeam.flat() };
}

/** The admin (no scope) and the first team's sales manager (team scope), as the router's auth hook answers them. */
export function benchUsers(force: SalesForce): Record<BenchUser, SalesUser> {
  return {
    admin: { id: force.adminId, roles: ['admin'], teamId: null },
    manager: { id: force.managerId, roles: ['sales_manager'], teamId: force.teamId },
  };
}
