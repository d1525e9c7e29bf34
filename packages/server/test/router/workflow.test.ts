/**
 * Workflow transitions of the opportunity (six gated stages, approvals, lost with a reason),
 * optimistic locking and concurrent transitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { forEachDatabase } from '../support/databases.js';
import { tableFingerprint, startTestServer, type TestServer, type UserName } from './support/server.js';

import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';

forEachDatabase('router workflow', (database) => {
  let server: TestServer;
  let db: Knex;
  let customerId: number;

  beforeAll(async () => {
    server = await startTestServer(database.db);
    db = database.db;
    const customer = await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } });
    expect(customer.status).toBe(201);
    customerId = customer.json.id;
  });
  afterAll(() => server?.close());

  async function newOpportunity(extra: Record<string, unknown> = {}, as: UserName = 'repA') {
    const answer = await server.request('POST', '/opportunities', { as, body: { name: 'ERP rollout', customer_id: customerId, ...extra } });
    expect(answer.status).toBe(201);
    return answer.json as Record<string, any>;
  }

  async function put(
    record: Record<string, any>,
    changes: Record<string, unknown>,
    as: UserName = 'repA',
    headers: Record<string, string> = {},
  ) {
    return server.request('PUT', `/opportunities/${record.id}`, { as, body: { ...record, ...changes }, headers });
  }

  async function stored(id: number) {
    return (await server.request('GET', `/opportunities/${id}`)).json as Record<string, any>;
  }

  async function history(id: number) {
    return db('sales_history').where({ resource: 'opportunities', record_id: id }).orderBy('id');
  }

  async function toInitiation(extra: Record<string, unknown> = {}) {
    const record = await newOpportunity();
    const answer = await put(record, { ...DEVELOPMENT_GATE, ...extra, stage: 'initiation' });
    expect(answer.status).toBe(200);
    return answer.json as Record<string, any>;
  }

  it('starts in the initial stage and writes a history row for it', async () => {
    const record = await newOpportunity();
    expect(record.stage).toBe('development');
    expect(await history(record.id)).toMatchObject([{ from_stage: null, to_stage: 'development' }]);
  });

  it('refuses to skip a stage, naming the allowed targets, and writes nothing', async () => {
    const record = await newOpportunity({ ...DEVELOPMENT_GATE });
    const answer = await put(record, { stage: 'proposal' });
    expect(answer.status).toBe(409);
    expect(answer.json.allowed).toEqual(['initiation', 'lost', 'abandoned']);
    expect(answer.json.errors.stage).toContain('initiation');
    expect(await stored(record.id)).toEqual(record);
  });

  it('refuses a forward move whose gate is unmet with 422 naming each missing field', async () => {
    const record = await newOpportunity({ need: 'ERP' });
    const before = await tableFingerprint(db, 'opportunities');
    const answer = await put(record, { stage: 'initiation' });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.json.errors).sort()).toEqual(['budget', 'competitors', 'decision_process', 'expected_sign_date']);
    expect(answer.json.errors.budget).toBe('Fill in “Customer budget” to leave Customer development');
    expect(answer.json.missing).toContainEqual({
      field: 'budget',
      label: 'Customer budget',
      message: 'Fill in “Customer budget” to leave Customer development',
    });
    expect(await tableFingerprint(db, 'opportunities')).toBe(before);

    const chinese = await put(record, { stage: 'initiation' }, 'repA', { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(chinese.json.errors.budget).toBe('离开「客户开发」前：请填写「客户预算」');
    expect(chinese.json.message).toBe('无法推进到「立项」：客户预算、预计签约时间、竞争对手、决策流程');
    expect(chinese.json.missing).toContainEqual(expect.objectContaining({ field: 'budget', label: '客户预算' }));
  });

  it('moves when the gate holds on the updated record, with history and audit rows', async () => {
    const record = await newOpportunity();
    const answer = await put(record, { ...DEVELOPMENT_GATE, stage: 'initiation', _comment: 'qualified' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ stage: 'initiation', version: 2, budget: 1_500_000 });
    expect(answer.json).not.toHaveProperty('_comment');
    expect((await history(record.id)).at(-1)).toMatchObject({
      from_stage: 'development',
      to_stage: 'initiation',
      user_id: server.users.repA,
      comment: 'qualified',
    });
    const audit = await db('sales_audit').where({ resource: 'opportunities', record_id: record.id }).orderBy('id');
    expect(audit.map((a) => a.action)).toEqual(['create', 'transition']);
    expect(audit[1].before).toMatchObject({ stage: 'development' });
    expect(audit[1].after).toMatchObject({ stage: 'initiation' });
  });

  it('moves back without a gate', async () => {
    const record = await toInitiation();
    const answer = await put(record, { stage: 'development' });
    expect(answer.status).toBe(200);
    expect(answer.json.stage).toBe('development');
  });

  it('describes the next moves at GET /:resource/:id/workflow', async () => {
    const record = await toInitiation();
    const answer = await server.request('GET', `/opportunities/${record.id}/workflow`, { as: 'repA' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: record.id, field: 'stage', stage: 'initiation', label: 'Project initiation', pending: [] });
    const next = Object.fromEntries(answer.json.next.map((n: any) => [n.to, n]));
    expect(Object.keys(next).sort()).toEqual(['abandoned', 'development', 'lost', 'proposal']);
    expect(next.proposal.allowed).toBe(false);
    expect(next.proposal.missing.map((m: any) => m.field).sort()).toEqual([
      'category',
      'customer_owner_name',
      'expected_amount',
      'expense_budget',
      'gross_margin',
      'importance',
      'project_number',
    ]);
    expect(next.proposal.approvalRoles).toEqual(['sales_manager']);
    expect(next.development).toMatchObject({ allowed: true, missing: [], approvalRoles: [] });
    expect(next.lost).toMatchObject({ allowed: false, missing: [{ field: 'close_reason' }] });
  });

  it('holds a move that needs approval (202), and makes it when the approver approves', async () => {
    const record = await toInitiation();
    const answer = await put(record, { ...INITIATION_GATE, stage: 'proposal', _comment: 'please approve' });
    expect(answer.status).toBe(202);
    expect(answer.json).toMatchObject({ stage: 'initiation', project_number: 'PRJ-2026-001', version: record.version + 1 });

    const status = await server.request('GET', `/opportunities/${record.id}/workflow`, { as: 'repA' });
    expect(status.json.pending).toMatchObject([
      { role: 'sales_manager', status: 'pending', from_stage: 'initiation', to_stage: 'proposal' },
    ]);
    const approvalId = status.json.pending[0].id;

    const again = await put(answer.json, { stage: 'proposal' });
    expect(again.status).toBe(202);
    expect(await db('sales_approvals').where({ record_id: record.id, status: 'pending' })).toHaveLength(1);

    const approval = (await server.as('managerNorth').getOne('approvals', { id: approvalId })).data;
    await expect(
      server.as('repA').update('approvals', { id: approvalId, data: { ...approval, status: 'approved' }, previousData: approval }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(server.as('repB').getOne('approvals', { id: approvalId })).rejects.toMatchObject({ status: 404 });
    await expect(
      server.as('managerSouth').update('approvals', { id: approvalId, data: { ...approval, status: 'approved' }, previousData: approval }),
    ).rejects.toMatchObject({ status: 403 });

    const decided = await server.as('managerNorth').update('approvals', {
      id: approvalId,
      data: { ...approval, status: 'approved', comment: 'go ahead' },
      previousData: approval,
    });
    expect(decided.data).toMatchObject({ status: 'approved', decided_by: server.users.managerNorth, comment: 'go ahead' });
    expect((await stored(record.id)).stage).toBe('proposal');
    expect((await history(record.id)).at(-1)).toMatchObject({
      from_stage: 'initiation',
      to_stage: 'proposal',
      user_id: server.users.managerNorth,
      comment: 'go ahead',
    });
    const inbox = await server.as('managerNorth').getList('approvals', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
      filter: { record_id: record.id, resource: 'opportunities' },
    });
    expect(inbox.data.map((a) => a.status)).toEqual(['approved']);
  });

  it('needs every matching rule: an important project also waits for the general manager', async () => {
    const record = await toInitiation();
    const answer = await put(record, { ...INITIATION_GATE, importance: 'VI', stage: 'proposal' });
    expect(answer.status).toBe(202);
    const pending = await db('sales_approvals').where({ record_id: record.id, status: 'pending' }).orderBy('id');
    expect(pending.map((p) => p.role)).toEqual(['sales_manager', 'general_manager']);

    const manager = await server.request('PUT', `/approvals/${pending[0].id}`, { as: 'managerNorth', body: { status: 'approved' } });
    expect(manager.status).toBe(200);
    expect((await stored(record.id)).stage).toBe('initiation');
    const gm = await server.request('PUT', `/approvals/${pending[1].id}`, { as: 'generalManager', body: { status: 'approved' } });
    expect(gm.status).toBe(200);
    expect((await stored(record.id)).stage).toBe('proposal');
    const late = await server.request('PUT', `/approvals/${pending[1].id}`, { as: 'generalManager', body: { status: 'rejected' } });
    expect(late.status).toBe(409);
  });

  it('a rejection cancels the other pending approvals and keeps the stage', async () => {
    const record = await toInitiation();
    await put(record, { ...INITIATION_GATE, importance: 'I', stage: 'proposal' });
    const pending = await db('sales_approvals').where({ record_id: record.id, status: 'pending' }).orderBy('id');
    const rejected = await server.request('PUT', `/approvals/${pending[0].id}`, {
      as: 'managerNorth',
      body: { status: 'rejected', comment: 'margin too low' },
    });
    expect(rejected.status).toBe(200);
    const after = await db('sales_approvals').where({ record_id: record.id }).orderBy('id');
    expect(after.map((a) => a.status)).toEqual(['rejected', 'cancelled']);
    expect((await stored(record.id)).stage).toBe('initiation');
    const bad = await server.request('PUT', `/approvals/${pending[1].id}`, { as: 'generalManager', body: { status: 'maybe' } });
    expect(bad.status).toBe(400);
  });

  it('an author holding the approving role approves by moving', async () => {
    const record = await newOpportunity({ ...DEVELOPMENT_GATE }, 'managerNorth');
    const initiation = await put(record, { stage: 'initiation' }, 'managerNorth');
    const moved = await put(initiation.json, { ...INITIATION_GATE, stage: 'proposal' }, 'managerNorth');
    expect(moved.status).toBe(200);
    expect(moved.json.stage).toBe('proposal');
    expect(await db('sales_approvals').where({ record_id: record.id })).toMatchObject([
      { status: 'approved', decided_by: server.users.managerNorth },
    ]);
  });

  it('losing needs a reason, which becomes the history comment', async () => {
    const record = await newOpportunity();
    const without = await put(record, { stage: 'lost' });
    expect(without.status).toBe(422);
    expect(without.json.errors).toEqual({ close_reason: 'Fill in “Closing reason / summary” to enter Lost' });
    const tooShort = await put(record, { stage: 'lost', close_reason: 'no' });
    expect(tooShort.status).toBe(422);
    expect(Object.keys(tooShort.json.errors)).toEqual(['close_reason']);

    const lost = await put(record, { stage: 'lost', close_reason: 'The customer chose a competitor' });
    expect(lost.status).toBe(200);
    expect((await history(record.id)).at(-1)).toMatchObject({
      from_stage: 'development',
      to_stage: 'lost',
      comment: 'The customer chose a competitor',
    });
    // Lost is locked: reopening is a reversal, for the sales manager, with a reason.
    const byRep = await put(lost.json, { stage: 'development', _comment: 'They came back' });
    expect(byRep.status).toBe(403);
    const withoutReason = await put(lost.json, { stage: 'development' }, 'managerNorth');
    expect(withoutReason.status).toBe(422);
    expect(Object.keys(withoutReason.json.errors)).toEqual(['_comment']);
    const reopened = await put(lost.json, { stage: 'development', _comment: 'They came back' }, 'managerNorth');
    expect(reopened.status).toBe(200);
    expect((await history(record.id)).at(-1)).toMatchObject({ from_stage: 'lost', to_stage: 'development', comment: 'They came back' });
  });

  it('abandoning with a _comment records the comment', async () => {
    const record = await newOpportunity();
    const answer = await put(record, { stage: 'abandoned', close_reason: 'Budget frozen until 2027', _comment: 'war-room decision' });
    expect(answer.status).toBe(200);
    expect((await history(record.id)).at(-1)).toMatchObject({ to_stage: 'abandoned', comment: 'war-room decision' });
  });

  it('a move by another way cancels pending approvals', async () => {
    const record = await toInitiation();
    const held = await put(record, { ...INITIATION_GATE, stage: 'proposal' });
    expect(held.status).toBe(202);
    const lost = await put(held.json, { stage: 'lost', close_reason: 'Project cancelled by the customer' });
    expect(lost.status).toBe(200);
    expect(await db('sales_approvals').where({ record_id: record.id }).pluck('status')).toEqual(['cancelled']);
  });

  it('runs the whole workflow to won', async () => {
    let record = await toInitiation();
    const steps: [Record<string, unknown>, string, UserName?][] = [
      [{ ...INITIATION_GATE, stage: 'proposal' }, 'proposal', 'managerNorth'],
      [{ key_contacts: 'CIO Wang (sponsor)', criteria_influenced: true, stage: 'bidding' }, 'bidding'],
      [{ bid_price: 1_150_000, bid_submitted: true, stage: 'negotiation' }, 'negotiation', 'managerNorth'],
      // contract_signed is the server's: true once a contract of the opportunity is signed (inserted below).
      [{ final_price: 1_100_000, stage: 'implementation' }, 'implementation'],
      [{ project_manager: 'Zhang San', acceptance_date: '2026-12-20', stage: 'won' }, 'won'],
    ];
    for (const [changes, stage, as] of steps) {
      if (stage === 'implementation') {
        await db('contracts').insert({
          contract_number: `HT-W-${record.id}`,
          name: 'Signed',
          customer_id: record.customer_id,
          opportunity_id: record.id,
          status: 'signed',
        });
      }
      const answer = await put(record, changes, as ?? 'repA');
      expect([answer.status, answer.json.stage]).toEqual([200, stage]);
      record = answer.json;
    }
    expect((await history(record.id)).map((h) => h.to_stage)).toEqual([
      'development',
      'initiation',
      'proposal',
      'bidding',
      'negotiation',
      'implementation',
      'won',
    ]);
  });

  describe('no lost updates', () => {
    it('refuses a stale version with 409 and writes nothing', async () => {
      const record = await newOpportunity();
      const first = await put(record, { need: 'first edit' });
      expect(first.status).toBe(200);
      const opportunities = await tableFingerprint(db, 'opportunities');
      const audit = await tableFingerprint(db, 'sales_audit');
      const stale = await put(record, { need: 'second edit from an old form' });
      expect(stale.status).toBe(409);
      expect(stale.json.errors).toEqual({ version: 'stale' });
      expect(await tableFingerprint(db, 'opportunities')).toBe(opportunities);
      expect(await tableFingerprint(db, 'sales_audit')).toBe(audit);
    });

    it('lets exactly one of two concurrent transitions succeed', async () => {
      const record = await newOpportunity({ ...DEVELOPMENT_GATE });
      const answers = await Promise.all([
        put(record, { stage: 'initiation' }),
        put(record, { stage: 'lost', close_reason: 'Customer went with a competitor' }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect((await history(record.id)).map((h) => h.to_stage)).toHaveLength(2);
      const winner = answers.find((a) => a.status === 200)!;
      expect((await stored(record.id)).stage).toBe(winner.json.stage);
    });

    it('serialises concurrent partial updates (updateMany bodies carry no version)', async () => {
      const record = await newOpportunity({ ...DEVELOPMENT_GATE });
      const answers = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          server.request('PUT', `/opportunities/${record.id}`, { as: 'repA', body: { probability: i * 10 } }),
        ),
      );
      expect(answers.every((a) => a.status === 200)).toBe(true);
      expect((await stored(record.id)).version).toBe(6);
    });
  });
});
