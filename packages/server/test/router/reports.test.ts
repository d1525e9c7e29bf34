/** Reports: aggregates in SQL, within the user's read scope, in the shapes the dashboard reads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName } from './support/server.js';

forEachDatabase('router reports', (database) => {
  let server: TestServer;
  const create = async (as: UserName, resource: string, body: Record<string, unknown>) => {
    const answer = await server.request('POST', `/${resource}`, { as, body });
    expect(answer.status, answer.text).toBe(201);
    return answer.json as Record<string, any>;
  };
  const report = async (as: UserName, path: string) => {
    const answer = await server.request('GET', `/reports/${path}`, { as });
    expect(answer.status, answer.text).toBe(200);
    return answer.json;
  };

  beforeAll(async () => {
    server = await startTestServer(database.db);
    const customerA = await create('repA', 'customers', { name: 'Customer of A', grade: 'A' });
    const customerSouth = await create('repSouth', 'customers', { name: 'Customer in the south', grade: 'B' });
    await create('repA', 'opportunities', { name: 'ERP A1', customer_id: customerA.id, expected_amount: 100 });
    await create('repA', 'opportunities', { name: 'ERP A2', customer_id: customerA.id, expected_amount: 250 });
    await create('repSouth', 'opportunities', { name: 'ERP S', customer_id: customerSouth.id, expected_amount: 1000 });
    // The received amount is finance's to record (x-write); the admin stands in for finance here.
    await create('admin', 'collections', { name: 'First payment', customer_id: customerA.id, expected_date: '2026-09-01', amount: 500, received_amount: 100, owner_id: server.users.repA });
    await create('repA', 'collections', { name: 'Second payment', customer_id: customerA.id, expected_date: '2026-11-20', amount: 300 });
    await create('repA', 'collections', { name: 'Not due yet', customer_id: customerA.id, expected_date: '2026-12-31', amount: 300 });
  });
  afterAll(() => server?.close());

  it('stage-totals: every stage in order, counts and amounts within the read scope', async () => {
    const all = await report('admin', 'stage-totals?resource=opportunities');
    expect(all[0]).toEqual({ stage: 'development', count: 3, amount: 1350 });
    expect(all.map((r: { stage: string }) => r.stage)).toEqual(['development', 'initiation', 'proposal', 'bidding', 'negotiation', 'implementation', 'won', 'lost', 'abandoned']);
    const own = await report('repA', 'stage-totals?resource=opportunities');
    expect(own[0]).toEqual({ stage: 'development', count: 2, amount: 350 });
    const filtered = await report('admin', `stage-totals?resource=opportunities&filter=${encodeURIComponent(JSON.stringify({ expected_amount_gte: 200 }))}`);
    expect(filtered[0]).toEqual({ stage: 'development', count: 2, amount: 1250 });
  });

  it('overdue-collections: open, unpaid, past their date, by age', async () => {
    const buckets = await report('admin', 'overdue-collections?as_of=2026-11-30');
    expect(buckets).toEqual([
      { bucket: '0-30', count: 1, amount: 300 },
      { bucket: '31-60', count: 0, amount: 0 },
      { bucket: '61-90', count: 1, amount: 400 },
      { bucket: '90+', count: 0, amount: 0 },
    ]);
    const south = await report('repSouth', 'overdue-collections?as_of=2026-11-30');
    expect(south.every((b: { count: number }) => b.count === 0)).toBe(true);
  });

  it('quota-attainment and complaints-by-category answer in their shapes', async () => {
    expect(await report('admin', 'quota-attainment')).toEqual([]);
    expect(await report('admin', 'complaints-by-category')).toEqual([]);
  });

  it('refuses an unknown report, a resource without workflow and a bad date', async () => {
    expect((await server.request('GET', '/reports/toString', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/nope', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/stage-totals?resource=products', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/stage-totals?resource=nowhere', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/overdue-collections?as_of=tomorrow', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/stage-totals?resource=opportunities', { as: null })).status).toBe(401);
  });
});
