/**
 * Reads on a streaming replica that replays 1.5 s late: others read there (and do not see a new
 * record yet), while the writer reads the primary until the replica has caught up with their write.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { ReadRouting } from '../../src/router/readRouting.js';
import { findPostgresBinaries } from '../support/postgres.js';
import { startReplicatedPostgres, type ReplicatedPostgres } from '../support/replicated.js';
import { startTestServer, type TestServer } from './support/server.js';

const APPLY_DELAY_MS = 1500;

async function caughtUp(primary: Knex, replica: Knex): Promise<void> {
  const { rows } = await primary.raw('select pg_current_wal_insert_lsn()::text as lsn');
  for (let tries = 0; tries < 100; tries++) {
    const replayed = await replica.raw('select coalesce(pg_last_wal_replay_lsn() >= ?::pg_lsn, false) as ok', [rows[0].lsn]);
    if (replayed.rows[0].ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the replica did not catch up within 10 s');
}

(findPostgresBinaries() ? describe : describe.skip)('reads on a lagging replica', () => {
  let cluster: ReplicatedPostgres;
  let primary: Knex;
  let replica: Knex;
  let server: TestServer;

  beforeAll(async () => {
    cluster = await startReplicatedPostgres({ applyDelayMs: APPLY_DELAY_MS });
    primary = connectDatabase({ url: cluster.primaryUrl });
    replica = connectDatabase({ url: cluster.replicaUrl });
    server = await startTestServer(primary, { replica });
    await caughtUp(primary, replica);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await Promise.all([primary?.destroy(), replica?.destroy()]);
    await cluster?.stop();
  });

  it('serves the writer its own write at once and others from the replica', async () => {
    const created = await server.request('POST', '/customers', { as: 'repA', body: { name: '读己所写 Ltd', grade: 'B' } });
    expect(created.status).toBe(201);
    const id = created.json.id;

    const own = await server.request('GET', `/customers/${id}`, { as: 'repA' });
    expect(own.status).toBe(200);
    const ownList = await server.request('GET', `/customers?filter=${encodeURIComponent(JSON.stringify({ id: [id] }))}`, { as: 'repA' });
    expect(ownList.json.map((row: { id: number }) => row.id)).toEqual([id]);

    // The manager may read it, but reads the replica, which has not replayed the insert yet.
    const early = await server.request('GET', `/customers/${id}`, { as: 'managerNorth' });
    expect(early.status).toBe(404);

    await caughtUp(primary, replica);
    const late = await server.request('GET', `/customers/${id}`, { as: 'managerNorth' });
    expect(late.status).toBe(200);
    expect(late.json.name).toBe('读己所写 Ltd');
  });

  it('sends a user back to the replica once it has replayed their write', async () => {
    const routing = new ReadRouting(primary, replica);
    expect(await routing.source(7)).toBe('replica');
    routing.writing(7);
    expect(await routing.source(7)).toBe('primary');
    await primary.raw('create table if not exists replica_probe (n int)');
    await primary.raw('insert into replica_probe values (1)');
    await routing.wrote(7);
    expect(await routing.source(7)).toBe('primary');
    expect(await routing.source(8)).toBe('replica');
    await caughtUp(primary, replica);
    expect(await routing.source(7)).toBe('replica');
  });
});
