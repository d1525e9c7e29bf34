/**
 * The company example (examples/company-oa: overlay files only) served from its generated output:
 * its own stages, gates and fields reach the database and the API without code.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDomain } from '../../src/standalone/loadDomain.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer } from './support/server.js';

const GENERATED = fileURLToPath(new URL('../../../../examples/company-oa/generated', import.meta.url));

forEachDatabase('company overlay', (database) => {
  let server: TestServer;
  let customerId: number;

  beforeAll(async () => {
    const domain = await loadDomain(GENERATED);
    server = await startTestServer(database.db, { model: domain.model, validators: domain.validators });
    const customer = await server.request('POST', '/customers', {
      body: { name: '杭州远景软件有限公司', grade: 'B', current_oa_system: '泛微 OA' },
    });
    expect(customer.status, customer.text).toBe(201);
    customerId = customer.json.id;
  });
  afterAll(() => server?.close());

  it('keeps the added fields and refuses the removed ones', async () => {
    const created = await server.request('POST', '/opportunities', {
      body: { name: 'OA 升级', customer_id: customerId, oa_modules: [{ module: 'workflow' }, { module: 'documents' }], user_count: 800 },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ stage: 'development', user_count: 800 });
    const removed = await server.request('POST', '/opportunities', {
      body: { name: 'OA 升级', customer_id: customerId, bid_strategy: 'low price' },
    });
    expect(removed.status).toBe(400);
    expect(removed.json.errors).toHaveProperty('bid_strategy');
  });

  it("moves along the company's flow behind its own gates, and knows nothing of the default stages", async () => {
    const created = await server.request('POST', '/opportunities', { body: { name: 'OA 新建', customer_id: customerId } });
    const record = created.json;
    const toDefaultStage = await server.request('PUT', `/opportunities/${record.id}`, { body: { ...record, stage: 'bidding' } });
    expect(toDefaultStage.status).toBe(409);
    expect(toDefaultStage.json.allowed).not.toContain('bidding');
    expect(toDefaultStage.json.allowed).toContain('requirements');
    const gateUnmet = await server.request('PUT', `/opportunities/${record.id}`, { body: { ...record, stage: 'requirements' } });
    expect(gateUnmet.status).toBe(422);
    expect(Object.keys(gateUnmet.json.errors).sort()).toEqual(['budget', 'decision_process', 'expected_sign_date', 'need']);
    const gateMet = await server.request('PUT', `/opportunities/${record.id}`, {
      body: {
        ...record,
        stage: 'requirements',
        need: '全员移动办公',
        budget: 300000,
        expected_sign_date: '2027-03-31',
        decision_process: '信息中心立项，总经理审批',
      },
    });
    expect(gateMet.status, gateMet.text).toBe(200);
    expect(gateMet.json.stage).toBe('requirements');
  });
});
