/**
 * A crash in the middle of creates, gated stage moves, moves held for approval and approvals:
 * first of PostgreSQL, then of the Node process serving the API. While PostgreSQL is down every
 * request answers 503 in the user's language; after either crash every acknowledged write is
 * there, and every record agrees with its history, audit and approval rows: no write was half made.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { fromDatabaseError } from '../../src/router/errors.js';
import { clusterRoot, findPostgresBinaries, freePort, runAs, startCluster, type Cluster } from '../support/postgres.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from '../router/support/opportunityGates.js';
import {
  httpRequester,
  prepareTestDatabase,
  startTestServer,
  type HttpAnswer,
  type RequestOptions,
  type TestServer,
} from '../router/support/server.js';

const WORKERS = 4;
/** What a request that got no answer (the API process was gone) is counted as. */
const NO_ANSWER = 0;

type Request = TestServer['request'];

interface Workload {
  statuses: Map<number, number>;
  /** Answers to requests that started and ended while the crashed part was down. */
  downAnswers: HttpAnswer[];
  /** Opportunity id → the highest version a 2xx answer reported. */
  acknowledged: Map<number, number>;
}

/**
 * Four clients take opportunities from creation to an approved move until stopped; `crash` runs
 * after 1.5 s, `recover` 1.5 s later, and the clients go on for 1.5 s more.
 */
async function crashDuringWrites(request: Request, customerId: number, crash: () => void, recover: () => Promise<void>): Promise<Workload> {
  const workload: Workload = { statuses: new Map(), downAnswers: [], acknowledged: new Map() };
  let down = false;
  let running = true;

  const call = async (method: string, path: string, options: RequestOptions): Promise<HttpAnswer> => {
    const startedDown = down;
    const answer = await request(method, path, options).catch(async (): Promise<HttpAnswer> => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { status: NO_ANSWER, headers: new Headers(), json: undefined, text: '' };
    });
    if (startedDown && down) workload.downAnswers.push(answer);
    workload.statuses.set(answer.status, (workload.statuses.get(answer.status) ?? 0) + 1);
    const { id, version } =
      (answer.status >= 200 && answer.status < 300 && path.startsWith('/opportunities') ? answer.json : undefined) ?? {};
    if (typeof id === 'number' && typeof version === 'number' && (workload.acknowledged.get(id) ?? 0) < version)
      workload.acknowledged.set(id, version);
    return answer;
  };

  const lifeOfAnOpportunity = async (worker: number, n: number) => {
    const created = await call('POST', '/opportunities', { as: 'repA', body: { name: `Fault ${worker}-${n}`, customer_id: customerId } });
    if (created.status !== 201) return;
    const moved = await call('PUT', `/opportunities/${created.json.id}`, {
      as: 'repA',
      body: { ...DEVELOPMENT_GATE, stage: 'initiation', version: created.json.version },
    });
    if (moved.status !== 200) return;
    const held = await call('PUT', `/opportunities/${created.json.id}`, {
      as: 'repA',
      body: { ...INITIATION_GATE, stage: 'proposal', version: moved.json.version },
    });
    if (held.status !== 202) return;
    const filter = encodeURIComponent(JSON.stringify({ record_id: created.json.id, status: 'pending' }));
    const pending = await call('GET', `/approvals?filter=${filter}`, { as: 'managerNorth' });
    if (pending.status !== 200 || !pending.json.length) return;
    await call('PUT', `/approvals/${pending.json[0].id}`, { as: 'managerNorth', body: { ...pending.json[0], status: 'approved' } });
  };

  const pause = () => new Promise((resolve) => setTimeout(resolve, 1500));
  const clients = Array.from({ length: WORKERS }, async (_, worker) => {
    for (let n = 0; running; n++) await lifeOfAnOpportunity(worker, n);
  });
  await pause();
  crash();
  down = true;
  await pause();
  down = false;
  await recover();
  await pause();
  running = false;
  await Promise.all(clients);
  console.log(`answers by status: ${JSON.stringify(Object.fromEntries(workload.statuses))}; ${workload.downAnswers.length} while down`);
  return workload;
}

/** Every acknowledged write is stored, and each opportunity agrees with its audit, history and approval rows. */
async function expectNoPartialWrite(db: Knex, acknowledged: Map<number, number>): Promise<void> {
  const rows: { id: number; stage: string; version: number }[] = await db('opportunities').select('id', 'stage', 'version');
  const stored = new Map(rows.map((row) => [Number(row.id), row]));
  expect(acknowledged.size).toBeGreaterThan(WORKERS);
  for (const [id, version] of acknowledged) {
    expect(stored.get(id), `opportunity ${id} was acknowledged`).toBeDefined();
    expect(stored.get(id)!.version).toBeGreaterThanOrEqual(version);
  }
  const audits: { record_id: number; action: string; n: number }[] = await db('sales_audit')
    .where({ resource: 'opportunities' })
    .groupBy('record_id', 'action')
    .select('record_id', 'action', db.raw('count(*)::int as n'));
  const lastMoves: { record_id: number; to_stage: string }[] = await db
    .select('h.record_id', 'h.to_stage')
    .from('sales_history as h')
    .where('h.resource', 'opportunities')
    .whereRaw('h.id = (select max(id) from sales_history l where l.resource = h.resource and l.record_id = h.record_id)');
  const approvals: { record_id: number; status: string; from_stage: string; to_stage: string }[] = await db('sales_approvals')
    .where({ resource: 'opportunities' })
    .select('record_id', 'status', 'from_stage', 'to_stage');
  expect(approvals.some((a) => a.status === 'approved')).toBe(true);
  const lastMove = new Map(lastMoves.map((row) => [Number(row.record_id), row.to_stage]));
  for (const row of rows) {
    const id = Number(row.id);
    const writes = audits.filter((a) => Number(a.record_id) === id);
    expect(writes.find((a) => a.action === 'create')?.n, `one create audit row for ${id}`).toBe(1);
    // Every write bumps the version and writes one audit row, in the same transaction.
    expect(
      writes.reduce((sum, a) => sum + a.n, 0),
      `audit rows of ${id}`,
    ).toBe(row.version);
    expect(lastMove.get(id), `the last history row of ${id} leads to its stage`).toBe(row.stage);
    for (const approval of approvals.filter((a) => Number(a.record_id) === id)) {
      if (approval.status === 'pending') expect(row.stage, `a pending approval of ${id} waits in its from stage`).toBe(approval.from_stage);
      if (approval.status === 'approved') expect(row.stage, `an approved move of ${id} was made`).toBe(approval.to_stage);
    }
  }
}

/** A PostgreSQL server of its own, `synchronous_commit` on as in production: an acknowledged commit survives its crash. */
async function ownCluster(): Promise<Cluster> {
  const as = runAs();
  return startCluster(findPostgresBinaries()!, as, clusterRoot(as, 'ra-sales-faults-'), 'data', { settings: { synchronous_commit: 'on' } });
}

(findPostgresBinaries() ? describe : describe.skip)('PostgreSQL crashes in the middle of writes', () => {
  let cluster: Cluster;
  let db: Knex;
  let server: TestServer;
  let customerId = 0;

  beforeAll(async () => {
    cluster = await ownCluster();
    db = connectDatabase({ url: cluster.url, poolMax: 8 });
    server = await startTestServer(db);
    customerId = (await server.request('POST', '/customers', { as: 'repA', body: { name: 'Fault Industries', grade: 'A' } })).json.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    cluster?.stop();
  });

  it('answers 503 while down and leaves no partial write', async () => {
    let chinese: HttpAnswer | undefined;
    const workload = await crashDuringWrites(
      server.request,
      customerId,
      () => cluster.stop(),
      async () => {
        chinese = await server.request('GET', '/opportunities', { as: 'repA', headers: { 'Accept-Language': 'zh-CN' } });
        cluster.start();
      },
    );
    expect(workload.downAnswers.length).toBeGreaterThan(0);
    expect(workload.downAnswers.filter((answer) => answer.status !== 503).map((answer) => [answer.status, answer.text])).toEqual([]);
    expect(chinese?.status).toBe(503);
    expect(chinese?.json.message).toContain('数据库暂时无法连接');
    expect(chinese?.headers.get('retry-after')).toBe('5');
    expect([...workload.statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(
      (await server.request('POST', '/opportunities', { as: 'repA', body: { name: 'After the crash', customer_id: customerId } })).status,
    ).toBe(201);
    await expectNoPartialWrite(db, workload.acknowledged);
  }, 120_000);

  it('stops a statement that runs past the timeout and answers 503', async () => {
    const limited = connectDatabase({ url: cluster.url, poolMax: 1, statementTimeoutMs: 100 });
    try {
      const error = await limited.raw('select pg_sleep(2)').then(
        () => undefined,
        (failure: unknown) => failure,
      );
      const answer = fromDatabaseError(error, 'zh-CN');
      expect(answer?.status).toBe(503);
      expect(answer?.message).toContain('已被中止');
    } finally {
      await limited.destroy();
    }
  });
});

const ROUTER_PROCESS = fileURLToPath(new URL('./support/routerProcess.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** The API in a process of its own, answering once `ready` is printed. */
function startRouterProcess(url: string, port: number): Promise<ChildProcess> {
  // One process (not the tsx wrapper, whose child would outlive a SIGKILL).
  const child = spawn(process.execPath, ['--import', 'tsx', ROUTER_PROCESS], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`the API process exited with ${code}`)));
  });
}

(findPostgresBinaries() ? describe : describe.skip)('the API process is killed in the middle of writes', () => {
  let cluster: Cluster;
  let db: Knex;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    cluster = await ownCluster();
    db = connectDatabase({ url: cluster.url, poolMax: 2 });
  }, 120_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await db?.destroy();
    cluster?.stop();
  });

  it('leaves no partial write: the database rolls back what the process had begun', async () => {
    const users = await prepareTestDatabase(db);
    const port = await freePort();
    child = await startRouterProcess(cluster.url, port);
    const request = httpRequester(`http://127.0.0.1:${port}/api`, users);
    const customerId = (await request('POST', '/customers', { as: 'repA', body: { name: 'Fault Industries', grade: 'A' } })).json.id;
    const workload = await crashDuringWrites(
      request,
      customerId,
      () => child!.kill('SIGKILL'),
      async () => {
        child = await startRouterProcess(cluster.url, port);
      },
    );
    expect(workload.statuses.get(NO_ANSWER) ?? 0).toBeGreaterThan(0);
    expect([...workload.statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    // No transaction of the killed process is left open, holding locks.
    const open = await db.raw(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    );
    expect(open.rows[0].n).toBe(0);
    await expectNoPartialWrite(db, workload.acknowledged);
  }, 120_000);
});
