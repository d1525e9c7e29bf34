/**
 * `GET /:resource/:id/timeline`: a record's field changes, stage moves, approval requests and
 * decisions, newest first, paged by time, and nothing for a user who may not read the record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName } from './support/server.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';

forEachDatabase('router timeline', (database) => {
  let server: TestServer;
  let opportunity: Record<string, any>;

  const timeline = (id: number, query = '', as: UserName = 'repA', headers: Record<string, string> = {}) =>
    server.request('GET', `/opportunities/${id}/timeline${query}`, { as, headers });
  const put = async (record: Record<string, any>, changes: Record<string, unknown>, as: UserName = 'repA') => {
    const answer = await server.request('PUT', `/opportunities/${record.id}`, { as, body: { ...record, ...changes } });
    expect(answer.status).toBeLessThan(300);
    return answer.json as Record<string, any>;
  };

  /** An opportunity renamed and priced, moved to initiation, held for approval and approved into proposal. */
  beforeAll(async () => {
    server = await startTestServer(database.db);
    const customer = await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } });
    const created = await server.request('POST', '/opportunities', { as: 'repA', body: { name: 'ERP', customer_id: customer.json.id } });
    expect(created.status).toBe(201);
    let record = await put(created.json, { name: 'ERP rollout', expected_amount: 1_200_000 });
    record = await put(record, { ...DEVELOPMENT_GATE, stage: 'initiation', _comment: 'qualified' });
    record = await put(record, { ...INITIATION_GATE, expected_amount: 1_200_000, stage: 'proposal' });
    expect(record.stage).toBe('initiation');
    const [approval] = await database.db('sales_approvals').where({ record_id: record.id, status: 'pending' });
    const decided = await server.request('PUT', `/approvals/${approval.id}`, {
      as: 'managerNorth',
      body: { status: 'approved', comment: 'go ahead' },
    });
    expect(decided.status).toBe(200);
    opportunity = record;
  }, 120_000);
  afterAll(() => server?.close());

  it('lists the changes, moves, approval request and decision newest first, each with who', async () => {
    const answer = await timeline(opportunity.id);
    expect(answer.status).toBe(200);
    const { entries, next } = answer.json;
    expect(next).toBeNull();
    expect(entries.map((e: any) => e.kind)).toEqual([
      'moved',
      'approval_decided',
      'changed',
      'approval_requested',
      'changed',
      'moved',
      'changed',
      'changed',
      'created',
    ]);
    const [approvedMove, decision, probability, request, gateFields, firstMove, , renamed, created] = entries;
    const repA = { id: server.users.repA, name: 'repA' };
    const manager = { id: server.users.managerNorth, name: 'managerNorth' };
    expect(approvedMove).toMatchObject({ from: 'initiation', to: 'proposal', comment: 'go ahead', user: manager });
    expect(decision).toMatchObject({
      status: 'approved',
      comment: 'go ahead',
      user: manager,
      approval: { role: 'sales_manager', from: 'initiation', to: 'proposal', label: { en: 'Pre-sales initiation approval' } },
    });
    expect(probability.changes).toEqual([{ field: 'probability', before: 20, after: 40 }]);
    expect(request).toMatchObject({ user: repA, approval: { id: decision.approval.id } });
    expect(gateFields.changes.map((c: any) => c.field)).toEqual(expect.arrayContaining(['project_number', 'gross_margin']));
    expect(gateFields.changes.map((c: any) => c.field)).not.toContain('stage');
    expect(firstMove).toMatchObject({ from: 'development', to: 'initiation', comment: 'qualified', user: repA });
    expect(renamed.changes).toEqual([
      { field: 'name', before: 'ERP', after: 'ERP rollout' },
      { field: 'expected_amount', before: null, after: 1_200_000 },
    ]);
    expect(created).toMatchObject({ kind: 'created', user: repA });
    const times = entries.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(entries.map((e: any) => e.id)).size).toBe(entries.length);
  });

  it('shows a change of owner to whoever may still read the record', async () => {
    const record = (await server.request('GET', `/opportunities/${opportunity.id}`)).json;
    const handedOver = await put(record, { owner_id: server.users.repB }, 'admin');
    try {
      const { entries } = (await timeline(opportunity.id, '', 'managerNorth')).json;
      expect(entries[0]).toMatchObject({
        kind: 'changed',
        user: { id: server.users.admin, name: 'admin' },
        changes: [{ field: 'owner_id', before: server.users.repA, after: server.users.repB }],
      });
    } finally {
      await put(handedOver, { owner_id: server.users.repA }, 'admin');
    }
  });

  it('pages by time: following next gives every entry once, whatever the page size', async () => {
    const all = (await timeline(opportunity.id)).json.entries.map((e: any) => e.id);
    for (let limit = 1; limit <= all.length; limit++) {
      const seen: string[] = [];
      let before: string | null = null;
      do {
        const query: string = `?limit=${limit}${before ? `&before=${encodeURIComponent(before)}` : ''}`;
        const page: any = (await timeline(opportunity.id, query)).json;
        expect(page.entries.length).toBeGreaterThan(0);
        seen.push(...page.entries.map((e: any) => e.id));
        before = page.next;
      } while (before);
      expect(seen).toEqual(all);
    }
    const first = (await timeline(opportunity.id, '?limit=2')).json;
    expect(first.entries).toHaveLength(2);
    expect(first.next).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it('answers 404 to a user who may not read the record, and for no record', async () => {
    const hidden = await timeline(opportunity.id, '', 'repB');
    expect(hidden.status).toBe(404);
    expect(hidden.json).not.toHaveProperty('entries');
    expect((await timeline(opportunity.id, '', 'managerSouth')).status).toBe(404);
    expect((await timeline(999_999)).status).toBe(404);
    expect((await server.request('GET', `/approvals/1/timeline`)).status).toBe(404);
  });

  it('refuses a malformed before or limit, in the request language', async () => {
    expect((await timeline(opportunity.id, '?before=yesterday')).status).toBe(400);
    const tooMany = await timeline(opportunity.id, '?limit=500');
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.message).toBe('limit must be a whole number from 1 to 200');
    const chinese = await timeline(opportunity.id, '?limit=0', 'repA', { 'Accept-Language': 'zh-CN' });
    expect(chinese.json.message).toBe('参数 limit 必须是1 到 200 之间的整数');
  });
});
