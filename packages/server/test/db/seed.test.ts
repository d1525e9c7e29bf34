import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/migrate/index.js';
import { buildDemoData, seedDemo, type SeedSummary } from '../../src/seed/index.js';
import { forEachDatabase } from '../support/databases.js';
import { testModel } from './fixtures.js';
import { gateViolations } from './gates.js';
import { defaultDomain } from '../router/support/model.js';

const TODAY = new Date('2026-06-15T00:00:00Z');
const model = testModel();

describe('buildDemoData', () => {
  const built = buildDemoData(model, { today: TODAY });

  it('is deterministic for a seed and changes with it', () => {
    expect(buildDemoData(model, { today: TODAY }).rows).toEqual(built.rows);
    expect(buildDemoData(model, { today: TODAY, seed: 7 }).rows.get('customers')).not.toEqual(built.rows.get('customers'));
  });

  it('orders entities so that referenced ones come first', () => {
    expect(built.order).toEqual(['salespeople', 'teams', 'customers', 'opportunities', 'collections']);
  });

  it('builds the sales force: an admin, two managers with a team each, reps owning the records', () => {
    const people = built.rows.get('salespeople')!;
    expect(people[0]).toMatchObject({ id: 1, role: 'admin', team_id: null });
    expect(people.filter((p) => p.role === 'sales_manager').map((p) => [p.id, p.team_id])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    const reps = people.filter((p) => p.role === 'sales_rep');
    expect(reps.length).toBeGreaterThanOrEqual(6);
    expect(new Set(reps.map((p) => p.team_id))).toEqual(new Set([1, 2]));
    expect(built.rows.get('teams')!.map((t) => t.manager_id)).toEqual([2, 3]);
    const repIds = new Set(reps.map((p) => p.id));
    for (const resource of ['customers', 'opportunities', 'collections']) {
      expect(built.rows.get(resource)!.every((row) => repIds.has(row.owner_id as number))).toBe(true);
    }
  });

  it('writes Chinese company and person names and CNY amounts', () => {
    const customers = built.rows.get('customers')!;
    expect(customers.every((c) => /^[\u4e00-\u9fa5]+(有限公司|股份有限公司|集团有限公司|有限责任公司)$/.test(c.name as string))).toBe(true);
    expect(built.rows.get('salespeople')!.every((p) => /^[\u4e00-\u9fa5]{2,3}$/.test(p.name as string))).toBe(true);
    const amounts = built.rows
      .get('opportunities')!
      .map((o) => o.expected_amount)
      .filter((a): a is number => typeof a === 'number');
    expect(Math.min(...amounts)).toBeGreaterThan(0);
    expect(amounts.every((a) => Number.isInteger(a * 100))).toBe(true);
  });

  it('spreads records over the funnel, each consistent with the gates before its stage', () => {
    const opportunities = built.rows.get('opportunities')!;
    const perStage = new Map<string, number>();
    for (const o of opportunities) perStage.set(o.stage as string, (perStage.get(o.stage as string) ?? 0) + 1);
    expect([...perStage.keys()].sort()).toEqual(['bidding', 'development', 'initiation', 'lost', 'won']);
    expect(perStage.get('development')!).toBeGreaterThan(perStage.get('bidding')!);
    expect(gateViolations(model, 'opportunities', opportunities)).toEqual([]);
    expect(gateViolations(model, 'customers', built.rows.get('customers')!)).toEqual([]);
    // fields of stages not reached yet stay empty
    expect(opportunities.filter((o) => o.stage === 'development').every((o) => o.bid_price == null)).toBe(true);
  });
});

describe('buildDemoData with several pipelines (the default opportunity)', () => {
  it('puts records in the open stages of every pipeline, judging each by its own pipeline', () => {
    const domain = defaultDomain().model;
    const workflow = domain.entities.opportunities!.workflow!;
    const opportunities = buildDemoData(domain, { today: TODAY }).rows.get('opportunities')!;
    const held = new Set(opportunities.map((o) => o.stage));
    for (const pipeline of workflow.pipelines!.list) {
      const open = workflow.stages.filter((stage) => stage.pipeline === pipeline.id && stage.kind === 'open');
      expect(open.filter((stage) => held.has(stage.id)).length, `open stages of ${pipeline.id} holding records`).toBeGreaterThanOrEqual(
        Math.min(3, open.length),
      );
    }
  });
});

forEachDatabase('seedDemo', (database) => {
  let summary: SeedSummary;

  beforeAll(async () => {
    await database.reset();
    await applyMigrations(database.db, model);
    summary = await seedDemo(database.db, model, { today: TODAY });
  });

  it('fills every entity, a few thousand rows at scale 1', () => {
    expect(Object.keys(summary.counts).sort()).toEqual(Object.keys(model.entities).sort());
    expect(summary.total).toBeGreaterThan(500);
    expect(summary.total).toBeLessThan(10_000);
  });

  it('points every reference at an existing row', async () => {
    for (const entity of Object.values(model.entities)) {
      for (const field of entity.fields.filter((f) => f.kind === 'reference')) {
        const dangling = await database
          .db(entity.resource)
          .whereNotNull(field.name)
          .whereNotIn(field.name, database.db(field.ref!).select('id'))
          .count('* as n');
        expect({ reference: `${entity.resource}.${field.name}`, dangling: dangling[0].n }).toEqual({
          reference: `${entity.resource}.${field.name}`,
          dangling: 0,
        });
      }
    }
  });

  it('keeps stage records consistent with the earlier gates when read back', async () => {
    const rows = await database.db('opportunities').select('*');
    expect(rows).toHaveLength(summary.counts.opportunities);
    expect(gateViolations(model, 'opportunities', rows)).toEqual([]);
  });

  it('has overdue collections: expected in the past, nothing received', async () => {
    const [{ n }] = await database.db('collections').where('expected_date', '<', '2026-06-15').whereNull('received_date').count('* as n');
    expect(n).toBeGreaterThan(10);
    const [{ received }] = await database.db('collections').whereNotNull('received_date').count('* as received');
    expect(received).toBeGreaterThan(10);
  });

  it('writes the path of each record to its stage into sales_history', async () => {
    expect(summary.historyRows).toBeGreaterThan(100);
    const won = await database.db('opportunities').where('stage', 'won').first('id', 'owner_id');
    const moves = await database
      .db('sales_history')
      .where({ resource: 'opportunities', record_id: won.id })
      .orderBy('created_at')
      .select('from_stage', 'to_stage', 'user_id');
    expect(moves).toEqual([
      { from_stage: 'development', to_stage: 'initiation', user_id: won.owner_id },
      { from_stage: 'initiation', to_stage: 'bidding', user_id: won.owner_id },
      { from_stage: 'bidding', to_stage: 'won', user_id: won.owner_id },
    ]);
    const lost = await database.db('opportunities').where('stage', 'lost').first('id', 'close_reason');
    const [last] = await database
      .db('sales_history')
      .where({ resource: 'opportunities', record_id: lost.id, to_stage: 'lost' })
      .select('comment');
    expect(last.comment).toBe(lost.close_reason);
  });

  it('continues ids after the seeded rows and refuses to seed twice without reset', async () => {
    const [inserted] = await database.db('customers').insert({ name: '新客户有限公司', grade: 'A' }).returning('id');
    expect(inserted.id).toBe(summary.counts.customers + 1);
    await expect(seedDemo(database.db, model, { today: TODAY })).rejects.toThrow(/already holds records/);
    const again = await seedDemo(database.db, model, { today: TODAY, reset: true });
    expect(again.counts).toEqual(summary.counts);
  });
});
