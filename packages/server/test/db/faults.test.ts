/**
 * PostgreSQL dies in the middle of creates, gated stage moves, moves held for approval and
 * approvals, and comes back. While it is down every request answers 503 in the user's language;
 * afterwards every acknowledged write is there, and every record agrees with its history, audit
 * and approval rows: no write was half made.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/db/connect.js';
import { fromDatabaseError } from '../../src/router/errors.js';
import { clusterRoot, findPostgresBinaries, runAs, startCluster, type Cluster } from '../support/postgres.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from '../router/support/opportunityGates.js';
import { startTestServer, type HttpAnswer, type RequestOptions, type TestServer } from '../router/support/server.js';

const WORKERS = 4;

interface Acknowledged {
  id: number;
  /** The highest version a 2xx answer reported for the record. */
  version: number;
}

(findPostgresBinaries() ? describe : describe.skip)('the database dies in the middle of writes', () => {
  let cluster: Cluster;
  let db: Knex;
  let server: TestServer;
  const statuses = new Map<number, number>();
  const downAnswers: HttpAnswer[] = [];
  const acknowledged = new Map<number, Acknowledged>();
  let down = false;

  /** A request; one that started and ended while the database was down is kept in `downAnswers`. */
  async function call(method: string, path: string, options: RequestOptions): Promise<HttpAnswer> {
    const startedDown = down;
    const answer = await server.request(method, path, options);
    if (startedDown && down) downAnswers.push(answer);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    return answer;
  }

  function note(answer: HttpAnswer): HttpAnswer {
    if (answer.status < 300 && typeof answer.json?.id === 'number' && typeof answer.json?.version === 'number') {
      const known = acknowledged.get(answer.json.id);
      if (!known || known.version < answer.json.version) acknowledged.set(answer.json.id, { id: answer.json.id, version: answer.json.version });
    }
    return answer;
  }

  /** One opportunity from creation to an approved move, as far as the database lets it go. */
  async function lifeOfAnOpportunity(worker: number, n: number): Promise<void> {
    const created = note(
      await call('POST', '/opportunities', { as: 'repA', body: { name: `Fault ${worker}-${n}`, customer_id: customerId } }),
    );
    if (created.status !== 201) return;
    const moved = note(
      await call('PUT', `/opportunities/${created.json.id}`, {
        as: 'repA',
        body: { ...DEVELOPMENT_GATE, stage: 'initiation', version: created.json.version },
      }),
    );
    if (moved.status !== 200) return;
    const held = note(
      await call('PUT', `/opportunities/${created.json.id}`, {
        as: 'repA',
        body: { ...INITIATION_GATE, stage: 'proposal', version: moved.json.version },
      }),
    );
    if (held.status !== 202) return;
    const pending = await call('GET', `/approvals?filter=${encodeURIComponent(JSON.stringify({ record_id: created.json.id, status: 'pending' }))}`, {
      as: 'managerNorth',
    });
    if (pending.status !== 200 || !pending.json.length) return;
    const approval = pending.json[0];
    await call('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { ...approval, status: 'approved' } });
  }

  let customerId = 0;

  beforeAll(async () => {
    const bin = findPostgresBinaries()!;
    const as = runAs();
    // synchronous_commit on, as in production: an acknowledged commit survives the crash.
    cluster = await startCluster(bin, as, clusterRoot(as, 'ra-sales-faults-'), 'data', { settings: { synchronous_commit: 'on' } });
    db = connectDatabase({ url: cluster.url, poolMax: 8 });
    server = await startTestServer(db);
    const customer = await call('POST', '/customers', { as: 'repA', body: { name: 'Fault Industries', grade: 'A' } });
    customerId = customer.json.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await db?.destroy();
    cluster?.stop();
  });

  it('answers 503 while down and leaves no partial write', async () => {
    let running = true;
    const workers = Array.from({ length: WORKERS }, async (_, worker) => {
      for (let n = 0; running; n++) await lifeOfAnOpportunity(worker, n);
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    cluster.stop();
    down = true;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const chinese = await call('GET', '/opportunities', { as: 'repA', headers: { 'Accept-Language': 'zh-CN' } });
    down = false;
    cluster.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    running = false;
    await Promise.all(workers);

    expect(downAnswers.length).toBeGreaterThan(0);
    expect(downAnswers.filter((answer) => answer.status !== 503).map((answer) => [answer.status, answer.text])).toEqual([]);
    expect(chinese.status).toBe(503);
    expect(chinese.json.message).toContain('数据库暂时无法连接');
    expect(chinese.headers.get('retry-after')).toBe('5');
    expect([...statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
    // Work went on after the restart.
    const after = await call('POST', '/opportunities', { as: 'repA', body: { name: 'After the crash', customer_id: customerId } });
    expect(after.status).toBe(201);

    const rows: { id: number; stage: string; version: number }[] = await db('opportunities').select('id', 'stage', 'version');
    const stored = new Map(rows.map((row) => [Number(row.id), row]));
    for (const { id, version } of acknowledged.values()) {
      expect(stored.get(id), `opportunity ${id} was acknowledged`).toBeDefined();
      expect(stored.get(id)!.version).toBeGreaterThanOrEqual(version);
    }
    expect(acknowledged.size).toBeGreaterThan(WORKERS);
    console.log(`answers by status: ${JSON.stringify(Object.fromEntries(statuses))}; ${downAnswers.length} while down`);

    const audits: { record_id: number; action: string; n: number }[] = await db('sales_audit')
      .where({ resource: 'opportunities' })
      .groupBy('record_id', 'action')
      .select('record_id', 'action', db.raw('count(*)::int as n'));
    const history: { record_id: number; to_stage: string; n: number }[] = await db
      .select('h.record_id', 'h.to_stage', db.raw('count(*) over (partition by h.record_id)::int as n'))
      .from('sales_history as h')
      .where('h.resource', 'opportunities')
      .whereRaw('h.id = (select max(id) from sales_history l where l.resource = h.resource and l.record_id = h.record_id)');
    const approvals: { record_id: number; status: string; from_stage: string; to_stage: string }[] = await db('sales_approvals')
      .where({ resource: 'opportunities' })
      .select('record_id', 'status', 'from_stage', 'to_stage');
    expect(approvals.some((a) => a.status === 'approved')).toBe(true);
    const lastMove = new Map(history.map((row) => [Number(row.record_id), row]));
    for (const row of rows) {
      const id = Number(row.id);
      const writes = audits.filter((a) => Number(a.record_id) === id);
      expect(writes.find((a) => a.action === 'create')?.n, `one create audit row for ${id}`).toBe(1);
      // Every write bumps the version and writes one audit row, in the same transaction.
      expect(writes.reduce((sum, a) => sum + a.n, 0), `audit rows of ${id}`).toBe(row.version);
      expect(lastMove.get(id)?.to_stage, `the last history row of ${id} leads to its stage`).toBe(row.stage);
      for (const approval of approvals.filter((a) => Number(a.record_id) === id)) {
        if (approval.status === 'pending') expect(row.stage, `a pending approval of ${id} waits in its from stage`).toBe(approval.from_stage);
        if (approval.status === 'approved') expect(row.stage, `an approved move of ${id} was made`).toBe(approval.to_stage);
      }
    }
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
