/**
 * The won sales the database keeps (src/migrate/wonTotals.ts): after any mix of writes to the
 * opportunities (wins, moves out of a won stage, amounts, won dates, another customer) and to the
 * customers (territory, owner, a customer created after its sale, deleted, truncated), concurrent
 * or not, the summary's sums by key equal a count of the won records under their customers'
 * current territory and owner.
 */
import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { beforeEach, expect, it } from 'vitest';
import { applyMigrations, WON_TOTALS_COLUMNS as C, wonTotalsDefinition } from '../../src/migrate/index.js';
import { forEachDatabase } from '../support/databases.js';
import { customersEntity, field, testModel } from './fixtures.js';

/** The test model, its customers in territories. */
function modelWithTerritories(): SalesModel {
  const model = testModel();
  const customers = customersEntity();
  customers.fields.push(field('territory_id', 'reference', { ref: 'territories', filter: true }));
  return { ...model, entities: { ...model.entities, customers } };
}

type Totals = Record<string, { count: number; amount: number }>;

interface KeyRow {
  owner_id: number | null;
  month: string | null;
  territory: number | null;
  customer_owner: number | null;
  count: number;
  amount: number;
}

const keyOf = (row: KeyRow) => [row.owner_id, row.month, row.territory, row.customer_owner].map((v) => v ?? '-').join('/');
const byKey = (rows: KeyRow[]): Totals => Object.fromEntries(rows.map((row) => [keyOf(row), { count: row.count, amount: row.amount }]));

async function summed(db: Knex, table: string): Promise<Totals> {
  const result = await db.raw(
    `SELECT owner_id, ${C.month}::text AS month, ${C.territory} AS territory, ${C.customerOwner} AS customer_owner,
            sum(${C.count})::int AS count, sum(${C.amount})::float8 AS amount
       FROM ${table} GROUP BY 1, 2, 3, 4 HAVING sum(${C.count}) <> 0 OR sum(${C.amount}) <> 0`,
  );
  return byKey(result.rows);
}

/** Counted from the records: won opportunities by owner, won month, and their customer's territory and owner now. */
async function counted(db: Knex): Promise<Totals> {
  const result = await db.raw(
    `SELECT o.owner_id, date_trunc('month', o.stage_entered_at::date)::date::text AS month, c.territory_id AS territory, c.owner_id AS customer_owner,
            count(*)::int AS count, coalesce(sum(o.expected_amount), 0)::float8 AS amount
       FROM opportunities o LEFT JOIN customers c ON c.id = o.customer_id
      WHERE o.stage = 'won' GROUP BY 1, 2, 3, 4`,
  );
  return byKey(result.rows);
}

const STAGES = ['won', 'development', 'won', 'bidding', 'lost'];

forEachDatabase('won sales kept by the database', (database) => {
  const model = modelWithTerritories();
  const table = wonTotalsDefinition(model)!.table;
  let owners: number[];
  let customers: number[];

  beforeEach(async () => {
    await database.reset();
    await applyMigrations(database.db, model);
    const people = await database.db('salespeople').insert([{ name: 'A' }, { name: 'B' }, { name: 'C' }], ['id']);
    owners = people.map((p: { id: number }) => Number(p.id));
    const rows = await database.db('customers').insert(
      Array.from({ length: 6 }, (_, i) => ({
        name: `K${i}`,
        grade: 'A',
        owner_id: i === 5 ? null : owners[i % owners.length],
        territory_id: i === 4 ? null : 100 + (i % 2),
      })),
      ['id'],
    );
    customers = rows.map((r: { id: number }) => Number(r.id));
  });

  const opportunity = (i: number) => ({
    name: `O${i}`,
    customer_id: customers[i % customers.length],
    stage: STAGES[i % STAGES.length],
    owner_id: i % 7 === 0 ? null : owners[i % owners.length],
    expected_amount: i % 5 === 0 ? null : 1000 + i * 17.25,
    stage_entered_at: `2026-0${1 + (i % 3)}-1${i % 4}T10:00:00Z`,
  });

  it('equal the won records after writes to the opportunities: wins, moves out, amounts, won dates, customers', async () => {
    const db = database.db;
    await db('opportunities').insert(Array.from({ length: 60 }, (_, i) => opportunity(i)));
    expect(Object.keys(await summed(db, table)).length).toBeGreaterThan(5);
    expect(await summed(db, table)).toEqual(await counted(db));

    await db('opportunities').where('stage', 'bidding').update({ stage: 'won', stage_entered_at: '2026-03-01T09:00:00Z' });
    await db('opportunities').whereRaw('id % 4 = 0').update({ stage: 'lost' });
    await db('opportunities')
      .whereRaw('id % 3 = 1')
      .update({ owner_id: owners[2], expected_amount: db.raw('coalesce(expected_amount, 0) + 5') });
    await db('opportunities').whereRaw('id % 5 = 2').update({ customer_id: customers[4] });
    await db('opportunities').whereRaw('id % 6 = 2').update({ name: 'renamed only' });
    expect(await summed(db, table)).toEqual(await counted(db));

    await db('opportunities').whereRaw('id % 3 = 0').delete();
    expect(await summed(db, table)).toEqual(await counted(db));

    await db.raw('TRUNCATE opportunities');
    expect(await summed(db, table)).toEqual({});
  });

  it('follow the customers: a new territory or owner, a customer created after its sale, deleted, truncated', async () => {
    const db = database.db;
    await db('opportunities').insert(Array.from({ length: 40 }, (_, i) => opportunity(i)));
    // A sale naming a customer that does not exist yet (references carry no foreign key).
    await db('opportunities').insert({ ...opportunity(1), customer_id: 999_999 });

    await db('customers').where('id', customers[0]).update({ territory_id: 102 });
    await db('customers').where('id', customers[1]).update({ owner_id: owners[2] });
    await db('customers')
      .whereIn('id', [customers[2], customers[3]])
      .update({ territory_id: db.raw('territory_id + 10'), owner_id: null });
    await db('customers')
      .whereIn('id', [customers[4], customers[5]])
      .update({ name: db.raw(`name || ' renamed'`) });
    expect(await summed(db, table)).toEqual(await counted(db));

    await db('customers').insert({ id: 999_999, name: 'Late', grade: 'B', owner_id: owners[1], territory_id: 105 });
    expect(await summed(db, table)).toEqual(await counted(db));

    await db('customers').where('id', customers[0]).delete();
    expect(await summed(db, table)).toEqual(await counted(db));

    await db.raw('TRUNCATE customers');
    const totals = await summed(db, table);
    expect(totals).toEqual(await counted(db));
    expect(Object.keys(totals).every((key) => key.endsWith('/-/-'))).toBe(true);
  });

  it('stay right under concurrent wins and customer moves, and a rolled-back write leaves them as they were', async () => {
    const db = database.db;
    await db('opportunities').insert(Array.from({ length: 20 }, (_, i) => opportunity(i)));
    // Each round races wins against moves of the same customers; one round misses the race now and then.
    for (const round of [0, 1, 2]) {
      await Promise.all([
        ...Array.from({ length: 16 }, (_, i) =>
          db.transaction(async (trx) => {
            await trx('opportunities').insert({ ...opportunity(i), stage: 'won', stage_entered_at: `2026-04-0${round + 1}T08:00:00Z` });
          }),
        ),
        ...customers.map((id, i) =>
          db.transaction(async (trx) => {
            await trx('customers')
              .where('id', id)
              .update({ territory_id: 200 + 10 * round + i });
          }),
        ),
      ]);
    }
    await expect(
      db.transaction(async (trx) => {
        await trx('opportunities').insert({ ...opportunity(0), stage: 'won' });
        await trx('customers').where('id', customers[0]).update({ territory_id: 300 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await summed(db, table)).toEqual(await counted(db));
  });

  it('are filled from the records for a database migrated before they existed, and rebuilt when the won stages change', async () => {
    const db = database.db;
    await db.raw(`DROP FUNCTION ${table}() CASCADE`);
    await db.raw(`DROP FUNCTION ${table}__customers() CASCADE`);
    await db.raw(`DROP TABLE ${table}`);
    await db('opportunities').insert(Array.from({ length: 30 }, (_, i) => opportunity(i)));
    await applyMigrations(db, model);
    expect(await summed(db, table)).toEqual(await counted(db));

    // Bidding counted as won: the table is rebuilt, and holds the bids too.
    const widened = structuredClone(model);
    const stages = widened.entities.opportunities.workflow!.stages;
    stages.find((stage) => stage.id === 'bidding')!.kind = 'won';
    await applyMigrations(db, widened);
    const totals = await summed(db, table);
    const bids = await db('opportunities').whereIn('stage', ['won', 'bidding']).count({ n: '*' });
    expect(Object.values(totals).reduce((n, row) => n + row.count, 0)).toBe(Number(bids[0].n));
    await applyMigrations(db, model);
    expect(await summed(db, table)).toEqual(await counted(db));
  });
});
