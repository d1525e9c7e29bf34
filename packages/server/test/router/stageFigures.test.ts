/**
 * Stage figures on a real database (PGlite and PostgreSQL): the probability a move sets, the
 * server-owned `stage_entered_at` (create, move, approval-completed move, move back after a
 * voided approval), the `stage_overdue` list filter, and the reports that read them
 * (`stage-totals` weighted, `stage-sla`, `forecast-vs-quota`) with real figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { forEachDatabase, withStatements } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName } from './support/server.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';

const LONG_AGO = '2020-01-01T00:00:00.000Z';
const DAY = 86_400_000;

forEachDatabase('stage figures', (database) => {
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

  async function put(resource: string, record: Record<string, any>, changes: Record<string, unknown>, as: UserName = 'repA') {
    return server.request('PUT', `/${resource}/${record.id}`, { as, body: { ...record, ...changes } });
  }
  async function stored(resource: string, id: number) {
    return (await server.request('GET', `/${resource}/${id}`)).json as Record<string, any>;
  }
  /** Puts the record's stage clock far back, so that a restart is visible. */
  async function backdate(resource: string, id: number, at = LONG_AGO) {
    await db(resource).where({ id }).update({ stage_entered_at: at });
  }
  const recent = (value: string, since: number) => expect(Date.parse(value)).toBeGreaterThanOrEqual(since - 1000);

  describe('probability and stage_entered_at on the opportunity', () => {
    it('a new record starts with its initial stage probability and clock, returned with the record', async () => {
      const start = Date.now();
      const created = await server.request('POST', '/opportunities', {
        as: 'repA',
        body: { name: 'ERP rollout', customer_id: customerId },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.json.probability).toBe(10);
      recent(created.json.stage_entered_at, start);
      expect(await stored('opportunities', created.json.id)).toEqual(created.json);
      // A probability the author gives (within their field rights) is kept.
      const own = await server.request('POST', '/opportunities', {
        as: 'repA',
        body: { name: 'Own guess', customer_id: customerId, probability: 15 },
      });
      expect(own.json.probability).toBe(15);
    });

    it('stage_entered_at is server-owned: echoed back it is fine, another value is refused and nothing is written', async () => {
      const created = (await server.request('POST', '/opportunities', { as: 'repA', body: { name: 'Echo', customer_id: customerId } }))
        .json;
      const echoed = await put('opportunities', created, { need: 'MES' });
      expect(echoed.status).toBe(200);
      expect(echoed.json.stage_entered_at).toBe(created.stage_entered_at);
      const before = await tableFingerprint(db, 'opportunities');
      const forged = await put('opportunities', echoed.json, { stage_entered_at: LONG_AGO });
      expect(forged.status).toBe(400);
      expect(forged.json.errors.stage_entered_at).toBe('cannot be changed');
      expect(await tableFingerprint(db, 'opportunities')).toBe(before);
      const onCreate = await server.request('POST', '/opportunities', {
        as: 'repA',
        body: { name: 'Forged', customer_id: customerId, stage_entered_at: LONG_AGO },
      });
      expect(onCreate.status).toBe(400);
    });

    it('a move sets the entered stage probability and restarts the clock; an edit within the stage keeps both', async () => {
      const created = (await server.request('POST', '/opportunities', { as: 'repA', body: { name: 'Plant MES', customer_id: customerId } }))
        .json;
      await backdate('opportunities', created.id);
      const edited = await put('opportunities', await stored('opportunities', created.id), { ...DEVELOPMENT_GATE, probability: 12 });
      expect(edited.status).toBe(200);
      expect(edited.json).toMatchObject({ stage: 'development', probability: 12, stage_entered_at: LONG_AGO });

      const start = Date.now();
      const moved = await put('opportunities', edited.json, { stage: 'initiation' });
      expect(moved.status).toBe(200);
      expect(moved.json.probability).toBe(20);
      recent(moved.json.stage_entered_at, start);
      expect(await stored('opportunities', created.id)).toMatchObject({ stage: 'initiation', probability: 20 });

      // Within the stage the user may still change it.
      const adjusted = await put('opportunities', moved.json, { probability: 25 });
      expect(adjusted.json).toMatchObject({ probability: 25, stage_entered_at: moved.json.stage_entered_at });
      // A move back takes the earlier stage's figure again.
      await backdate('opportunities', created.id);
      const back = await put('opportunities', await stored('opportunities', created.id), { stage: 'development' });
      expect(back.json.probability).toBe(10);
      recent(back.json.stage_entered_at, start);
    });

    it('a move waiting for approval changes neither; the approval that completes it sets both; a voided approval sending it back sets them again', async () => {
      const created = (
        await server.request('POST', '/opportunities', { as: 'repA', body: { name: 'Bid project', customer_id: customerId } })
      ).json;
      let record = (await put('opportunities', created, { ...DEVELOPMENT_GATE, stage: 'initiation' })).json;
      record = (await put('opportunities', record, { ...INITIATION_GATE, stage: 'proposal' }, 'managerNorth')).json;
      expect(record).toMatchObject({ stage: 'proposal', probability: 40 });
      record = (await put('opportunities', record, { key_contacts: 'CIO, CFO', criteria_influenced: true, stage: 'bidding' })).json;
      expect(record).toMatchObject({ stage: 'bidding', probability: 60 });

      await backdate('opportunities', record.id);
      const waiting = await put('opportunities', await stored('opportunities', record.id), {
        bid_price: 1_100_000,
        bid_submitted: true,
        stage: 'negotiation',
      });
      expect(waiting.status).toBe(202);
      expect(waiting.json).toMatchObject({ stage: 'bidding', probability: 60, stage_entered_at: LONG_AGO });

      const start = Date.now();
      const [approval] = await db('sales_approvals').where({ resource: 'opportunities', record_id: record.id, status: 'pending' });
      const decided = await server.request('PUT', `/approvals/${approval.id}`, { as: 'managerNorth', body: { status: 'approved' } });
      expect(decided.status).toBe(200);
      const negotiated = await stored('opportunities', record.id);
      expect(negotiated).toMatchObject({ stage: 'negotiation', probability: 80 });
      recent(negotiated.stage_entered_at, start);

      // The bid price decided by the approval changes: the approval is void and the record goes back to bidding.
      await backdate('opportunities', record.id);
      const voided = await put('opportunities', await stored('opportunities', record.id), { bid_price: 1_300_000 });
      expect(voided.status).toBe(200);
      expect(voided.json).toMatchObject({ stage: 'bidding', probability: 60 });
      recent(voided.json.stage_entered_at, start);
      const audit = await db('sales_audit').where({ resource: 'opportunities', record_id: record.id }).orderBy('id', 'desc').first();
      expect(audit.after.stage_entered_at).toBe(voided.json.stage_entered_at);
    });
  });

  describe('overdue in stage: the stage_overdue filter and the stage-sla report', () => {
    let complaints: Record<string, number>;

    beforeAll(async () => {
      const make = async (subject: string, owner: UserName) => {
        const answer = await server.request('POST', '/complaints', {
          as: 'admin',
          body: { subject, customer_id: customerId, channel: 'phone', owner_id: server.users[owner] },
        });
        expect(answer.status).toBe(201);
        return answer.json.id as number;
      };
      complaints = {
        lateA: await make('Late delivery, still unanswered', 'repA'),
        freshA: await make('Wrong invoice title', 'repA'),
        lateB: await make('Noisy machine', 'repB'),
        investigatingA: await make('Broken part', 'repA'),
      };
      // received has a limit of 1 day; investigating none.
      await backdate('complaints', complaints.lateA, new Date(Date.now() - 3 * DAY).toISOString());
      await backdate('complaints', complaints.lateB, new Date(Date.now() - 2 * DAY - 3_600_000).toISOString());
      await db('complaints').where({ id: complaints.investigatingA }).update({ status: 'investigating', stage_entered_at: LONG_AGO });
    });

    async function ids(as: UserName, filter: Record<string, unknown>) {
      const answer = await server.request(
        'GET',
        `/complaints?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=["id","ASC"]&range=[0,99]`,
        { as },
      );
      expect(answer.status).toBe(200);
      return (answer.json as { id: number }[]).map((r) => r.id);
    }

    it('stage_overdue=true lists the records past their stage limit, false the others, within the read scope', async () => {
      expect(await ids('admin', { stage_overdue: true })).toEqual([complaints.lateA, complaints.lateB]);
      expect(await ids('admin', { stage_overdue: 'true', owner_id: server.users.repA })).toEqual([complaints.lateA]);
      expect(await ids('admin', { stage_overdue: false })).toEqual([complaints.freshA, complaints.investigatingA]);
      expect(await ids('repA', { stage_overdue: true })).toEqual([complaints.lateA]);
      const counted = await server.request('GET', `/complaints?filter=${encodeURIComponent('{"stage_overdue":true}')}&range=[0,0]`);
      expect(counted.headers.get('x-total-count')).toBe('2');
    });

    it('refuses a value that is not true or false, and the filter on an entity without a workflow', async () => {
      const bad = await server.request('GET', `/complaints?filter=${encodeURIComponent('{"stage_overdue":"soon"}')}`);
      expect(bad.status).toBe(400);
      expect(bad.json.errors.stage_overdue).toMatch(/true or false/);
      const noWorkflow = await server.request('GET', `/products?filter=${encodeURIComponent('{"stage_overdue":true}')}`);
      expect(noWorkflow.status).toBe(400);
      expect(noWorkflow.json.errors.stage_overdue).toBe('unknown filter');
    });

    it('a move restarts the clock: the record is no longer overdue', async () => {
      const late = await server.request('POST', '/complaints', {
        as: 'admin',
        body: { subject: 'Moved on', customer_id: customerId, channel: 'email', owner_id: server.users.repB },
      });
      await backdate('complaints', late.json.id, new Date(Date.now() - 5 * DAY).toISOString());
      expect(await ids('admin', { stage_overdue: true })).toContain(late.json.id);
      const record = await stored('complaints', late.json.id);
      const moved = await put(
        'complaints',
        record,
        {
          category: 'product_quality',
          severity: 'high',
          assignee_id: server.users.repB,
          description: 'Grinding noise',
          status: 'investigating',
        },
        'admin',
      );
      expect(moved.status).toBe(200);
      expect(await ids('admin', { stage_overdue: true })).not.toContain(late.json.id);
      await db('complaints').where({ id: late.json.id }).delete();
    });

    it('stage-sla counts, per stage with a limit, the records past it, within the read scope', async () => {
      const all = await server.request('GET', '/reports/stage-sla?resource=complaints');
      expect(all.status).toBe(200);
      expect(all.json).toEqual([{ resource: 'complaints', stage: 'received', sla_days: 1, count: 2, in_stage: 3, max_days: 3 }]);
      const own = await server.request('GET', '/reports/stage-sla?resource=complaints', { as: 'repA' });
      expect(own.json).toEqual([{ resource: 'complaints', stage: 'received', sla_days: 1, count: 1, in_stage: 2, max_days: 3 }]);

      const every = (await server.request('GET', '/reports/stage-sla')).json as { resource: string; stage: string; sla_days: number }[];
      expect(every.map((r) => `${r.resource}.${r.stage}:${r.sla_days}`)).toEqual(
        expect.arrayContaining(['complaints.received:1', 'service_requests.registered:1', 'quotes.review:2', 'sales_orders.open:1']),
      );
      const bad = await server.request('GET', '/reports/stage-sla?resource=products');
      expect(bad.status).toBe(400);
    });
  });

  describe('weighted amounts and forecast against quota', () => {
    const period = { from: '2031-03-01', to: '2031-03-31' };
    let ids: Record<string, number> = {};

    beforeAll(async () => {
      const insert = async (name: string, owner: UserName, stage: string, amount: number, extra: Record<string, unknown> = {}) => {
        const [row] = await db('opportunities')
          .insert({ name, customer_id: customerId, owner_id: server.users[owner], stage, expected_amount: amount, ...extra })
          .returning('id');
        ids[name] = Number(row.id);
      };
      // Opportunities of their own customer so that other tests' records stay out of these figures.
      const [customer] = await db('customers').insert({ name: 'Forecast Co', grade: 'B', owner_id: server.users.repA }).returning('id');
      customerId = Number(customer.id);
      ids = {};
      await insert('A commit', 'repA', 'negotiation', 100_000, { probability: 80, expected_sign_date: '2031-03-10' });
      await insert('A commit 2', 'repA', 'implementation', 50_000, { probability: 90, expected_sign_date: '2031-03-20' });
      await insert('A best case', 'repA', 'proposal', 200_000, { probability: 40, expected_sign_date: '2031-03-15' });
      await insert('A pipeline', 'repA', 'development', 300_000, { probability: null, expected_sign_date: '2031-03-31' });
      await insert('A next month', 'repA', 'negotiation', 999_000, { probability: 80, expected_sign_date: '2031-04-01' });
      await insert('A won', 'repA', 'won', 70_000, {
        probability: 100,
        acceptance_date: '2031-03-05',
        expected_sign_date: '2031-01-10',
        stage_entered_at: '2031-03-05T10:00:00Z',
      });
      await insert('A lost', 'repA', 'lost', 80_000, { probability: 0, expected_sign_date: '2031-03-05' });
      await insert('B best case', 'repB', 'bidding', 400_000, { probability: 30, expected_sign_date: '2031-03-02' });
      await insert('South commit', 'repSouth', 'negotiation', 60_000, { probability: 80, expected_sign_date: '2031-03-02' });
      for (const [name, salesperson, amount] of [
        ['Quota A', 'repA', 500_000],
        ['Quota B', 'repB', 300_000],
        ['Quota B Feb', 'repB', 999_999],
      ] as const) {
        await db('quotas').insert({
          name,
          salesperson_id: server.users[salesperson],
          period: name.endsWith('Feb') ? '2031-02' : '2031-03',
          target_amount: amount,
          status: 'approved',
        });
      }
    });

    it('stage-totals gives each stage its weighted amount: amount × the record probability (else the stage one) / 100', async () => {
      const filter = encodeURIComponent(JSON.stringify({ customer_id: customerId }));
      const answer = await server.request('GET', `/reports/stage-totals?resource=opportunities&filter=${filter}`);
      expect(answer.status).toBe(200);
      const byStage = Object.fromEntries((answer.json as { stage: string }[]).map((r) => [r.stage, r]));
      expect(byStage.negotiation).toEqual({ stage: 'negotiation', count: 3, amount: 1_159_000, weighted: 927_200 });
      expect(byStage.implementation).toEqual({ stage: 'implementation', count: 1, amount: 50_000, weighted: 45_000 });
      expect(byStage.proposal).toEqual({ stage: 'proposal', count: 1, amount: 200_000, weighted: 80_000 });
      // No probability on the record: the stage's 10 %.
      expect(byStage.development).toEqual({ stage: 'development', count: 1, amount: 300_000, weighted: 30_000 });
      // A probability edited within the stage (30 % where bidding says 60 %) counts as edited.
      expect(byStage.bidding).toEqual({ stage: 'bidding', count: 1, amount: 400_000, weighted: 120_000 });
      expect(byStage.won).toEqual({ stage: 'won', count: 1, amount: 70_000, weighted: 70_000 });
      expect(byStage.lost).toEqual({ stage: 'lost', count: 1, amount: 80_000, weighted: 0 });
      expect(byStage.initiation).toEqual({ stage: 'initiation', count: 0, amount: 0, weighted: 0 });

      const own = await server.request('GET', `/reports/stage-totals?resource=opportunities&filter=${filter}`, { as: 'repB' });
      expect((own.json as { stage: string; weighted: number }[]).filter((r) => r.weighted > 0)).toEqual([
        { stage: 'bidding', count: 1, amount: 400_000, weighted: 120_000 },
      ]);

      const noProbability = await server.request('GET', '/reports/stage-totals?resource=quotes');
      expect((noProbability.json as { weighted: unknown }[]).every((r) => r.weighted === null)).toBe(true);
    });

    it('stage-totals filtered by pipeline and owner only reads the totals the database keeps, and they agree with the records for every scope', async () => {
      await withStatements(database.db, async (statements) => {
        for (const as of ['admin', 'managerNorth', 'repA', 'repB', 'repSouth', 'finance'] as const) {
          for (const filter of [{}, { pipeline: 'standard' }, { owner_id: server.users.repA }]) {
            statements.length = 0;
            const kept = await server.request(
              'GET',
              `/reports/stage-totals?resource=opportunities&filter=${encodeURIComponent(JSON.stringify(filter))}`,
              { as },
            );
            expect(statements.filter((sql) => sql.includes('sales_stage_totals__opportunities'))).toHaveLength(1);
            expect(statements.filter((sql) => /from "opportunities"/.test(sql))).toHaveLength(0);
            // Any other filter, here one every record passes, counts the records.
            const counted = await server.request(
              'GET',
              `/reports/stage-totals?resource=opportunities&filter=${encodeURIComponent(JSON.stringify({ ...filter, id_gt: 0 }))}`,
              { as },
            );
            expect(statements.filter((sql) => /from "opportunities"/.test(sql))).toHaveLength(1);
            expect(kept.status).toBe(200);
            expect(kept.json).toEqual(counted.json);
            if (as === 'admin') expect((kept.json as { count: number }[]).some((row) => row.count > 0)).toBe(true);
          }
        }
      });
    });

    it('forecast-vs-quota sums quota, won and the open pipeline by forecast category per salesperson, named in SQL', async () => {
      const answer = await server.request('GET', `/reports/forecast-vs-quota?from=${period.from}&to=${period.to}`, { as: 'managerNorth' });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual([
        {
          salesperson_id: server.users.repA,
          salesperson_name: 'repA',
          quota: 500_000,
          won: 70_000,
          commit: 150_000,
          best_case: 200_000,
          pipeline: 300_000,
        },
        { salesperson_id: server.users.repB, salesperson_name: 'repB', quota: 300_000, won: 0, commit: 0, best_case: 400_000, pipeline: 0 },
      ]);
      // Months work as bounds; a rep sees their own figures only.
      const own = await server.request('GET', '/reports/forecast-vs-quota?from=2031-03&to=2031-03', { as: 'repA' });
      expect(own.json).toEqual([answer.json[0]]);
      // The director reads every team: the south rep has no quota but a commit.
      const all = await server.request('GET', '/reports/forecast-vs-quota?from=2031-03&to=2031-03', { as: 'director' });
      expect(all.json).toContainEqual({
        salesperson_id: server.users.repSouth,
        salesperson_name: 'repSouth',
        quota: 0,
        won: 0,
        commit: 60_000,
        best_case: 0,
        pipeline: 0,
      });

      const reversed = await server.request('GET', '/reports/forecast-vs-quota?from=2031-04-01&to=2031-03-01');
      expect(reversed.status).toBe(400);
      const bad = await server.request('GET', '/reports/forecast-vs-quota?from=march');
      expect(bad.status).toBe(400);
    });
  });
});
