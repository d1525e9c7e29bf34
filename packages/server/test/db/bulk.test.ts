import { beforeAll, expect, it } from 'vitest';
import { applyMigrations } from '../../src/migrate/index.js';
import { seedBulk, type BulkSummary } from '../../src/seed/index.js';
import { forEachDatabase } from '../support/databases.js';
import { testModel } from './fixtures.js';
import { gateViolations } from './gates.js';

const model = testModel();
const TODAY = new Date('2026-06-15T00:00:00Z');

forEachDatabase('seedBulk', (database) => {
  let summary: BulkSummary;

  beforeAll(async () => {
    await database.reset();
    await applyMigrations(database.db, model);
    summary = await seedBulk(
      database.db,
      model,
      { customers: 2_000, opportunities: 12_000, collections: 3_000 },
      { batchSize: 5_000, today: TODAY },
    );
  });

  it('inserts the requested rows in batches, after a sales force', async () => {
    expect(summary.counts).toEqual({ customers: 2_000, opportunities: 12_000, collections: 3_000 });
    const [{ n }] = await database.db('opportunities').count('* as n');
    expect(n).toBe(12_000);
    expect(await database.db('salespeople').where('role', 'admin').pluck('id')).toEqual([1]);
    const owners = await database.db('opportunities').distinct('owner_id').pluck('owner_id');
    const reps = await database.db('salespeople').where('role', 'sales_rep').pluck('id');
    expect(owners.every((id: number) => reps.includes(id))).toBe(true);
  });

  it('points references at existing rows and keeps ids continuing', async () => {
    const [{ dangling }] = await database
      .db('opportunities')
      .whereNotIn('customer_id', database.db('customers').select('id'))
      .count('* as dangling');
    expect(dangling).toBe(0);
    const [row] = await database.db('customers').insert({ name: '后加客户有限公司', grade: 'B' }).returning('id');
    expect(row.id).toBe(2_001);
  });

  it('spreads rows over the stages consistently with the gates', async () => {
    const perStage = await database.db('opportunities').select('stage').count('* as n').groupBy('stage');
    expect(perStage.map((r) => String(r.stage)).sort()).toEqual(['bidding', 'development', 'initiation', 'lost', 'won']);
    const sample = await database.db('opportunities').where('id', '<=', 3_000).select('*');
    expect(gateViolations(model, 'opportunities', sample)).toEqual([]);
  });

  it('adds to existing rows on a second run', async () => {
    await seedBulk(database.db, model, { opportunities: 1_000 }, { today: TODAY });
    const [{ n }] = await database.db('opportunities').count('* as n');
    expect(n).toBe(13_000);
  });
});
