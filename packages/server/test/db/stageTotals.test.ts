/**
 * The stage totals the database keeps (src/migrate/stageTotals.ts): after any mix of inserts,
 * updates, deletes and truncates, concurrent or not, the summary's sums by key equal a count of the
 * records; a database migrated before summaries existed gets them filled; a changed definition
 * rebuilds them, a changed stage probability does not.
 */
import type { EntityModel, SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { beforeEach, expect, it } from 'vitest';
import { applyMigrations } from '../../src/migrate/index.js';
import { STAGE_TOTALS_COLUMNS as C, stageTotalsTable } from '../../src/migrate/stageTotals.js';
import { forEachDatabase } from '../support/databases.js';
import { opportunitiesEntity, testModel } from './fixtures.js';

const SUMMARY = stageTotalsTable('opportunities');

/** Opportunities with an own probability field and stage probabilities. */
function withProbability(entity: EntityModel = opportunitiesEntity()): EntityModel {
  const workflow = entity.workflow!;
  return {
    ...entity,
    workflow: {
      ...workflow,
      probabilityField: 'probability',
      stages: workflow.stages.map((s, i) => ({ ...s, probability: [10, 30, 60, 100, 0][i] })),
    },
  };
}

function modelWith(opportunities: EntityModel): SalesModel {
  const model = testModel();
  return { ...model, entities: { ...model.entities, opportunities } };
}

type Totals = Record<string, { count: number; amount: number; own: number; unweighted: number }>;

const keyOf = (row: { stage: string | null; owner_id: string | number | null }) => `${row.stage}/${row.owner_id ?? '-'}`;

/** The summary, its slots added up; keys whose records all left are dropped. */
async function summed(db: Knex): Promise<Totals> {
  const result = await db.raw(
    `SELECT stage, owner_id, sum(${C.count})::int AS count, sum(${C.amount})::float8 AS amount,
            sum(${C.ownWeighted})::float8 AS own, sum(${C.amountUnweighted})::float8 AS unweighted
       FROM ${SUMMARY} GROUP BY stage, owner_id HAVING sum(${C.count}) <> 0`,
  );
  return Object.fromEntries(result.rows.map((row: Totals[string] & { stage: string; owner_id: number }) => [keyOf(row), totalsOf(row)]));
}

/** The same figures counted from the records. */
async function counted(db: Knex): Promise<Totals> {
  const result = await db.raw(
    `SELECT stage, owner_id, count(*)::int AS count, coalesce(sum(expected_amount), 0)::float8 AS amount,
            coalesce(sum(expected_amount * probability::numeric), 0)::float8 AS own,
            coalesce(sum(expected_amount) FILTER (WHERE probability IS NULL), 0)::float8 AS unweighted
       FROM opportunities GROUP BY stage, owner_id`,
  );
  return Object.fromEntries(result.rows.map((row: Totals[string] & { stage: string; owner_id: number }) => [keyOf(row), totalsOf(row)]));
}

const totalsOf = (row: Totals[string]) => ({ count: row.count, amount: row.amount, own: row.own, unweighted: row.unweighted });

const STAGES = ['development', 'initiation', 'bidding', 'won', 'lost'];

function opportunity(i: number, owners: number[], customer: number) {
  return {
    name: `O${i}`,
    customer_id: customer,
    stage: STAGES[i % STAGES.length],
    owner_id: i % 7 === 0 ? null : owners[i % owners.length],
    expected_amount: i % 5 === 0 ? null : 1000 + i * 17.25,
    probability: i % 3 === 0 ? null : (i * 13) % 101,
  };
}

forEachDatabase('stage totals kept by the database', (database) => {
  let owners: number[];
  let customer: number;

  async function migrateAndSeed(model: SalesModel) {
    await applyMigrations(database.db, model);
    const people = await database.db('salespeople').insert([{ name: 'A' }, { name: 'B' }, { name: 'C' }], ['id']);
    owners = people.map((p: { id: number }) => Number(p.id));
    customer = Number((await database.db('customers').insert({ name: 'Acme', owner_id: owners[0] }, ['id']))[0].id);
  }

  beforeEach(() => database.reset());

  it('equal the records after inserts, updates of stage, owner, amount and probability, deletes and a truncate', async () => {
    const db = database.db;
    await migrateAndSeed(modelWith(withProbability()));
    await db('opportunities').insert(Array.from({ length: 60 }, (_, i) => opportunity(i, owners, customer)));
    await db('opportunities').insert(opportunity(61, owners, customer));
    expect(await summed(db)).toEqual(await counted(db));

    await db('opportunities').where('stage', 'development').update({ stage: 'initiation' });
    await db('opportunities')
      .whereRaw('id % 4 = 0')
      .update({ owner_id: owners[2], expected_amount: db.raw('coalesce(expected_amount, 0) + 5') });
    await db('opportunities').whereRaw('id % 5 = 1').update({ probability: null });
    await db('opportunities').whereRaw('id % 6 = 2').update({ name: 'renamed only' });
    expect(await summed(db)).toEqual(await counted(db));

    await db('opportunities').whereRaw('id % 3 = 0').delete();
    expect(await summed(db)).toEqual(await counted(db));

    await db.raw('TRUNCATE opportunities CASCADE');
    expect(await summed(db)).toEqual({});
    expect(Number((await db(SUMMARY).count({ n: '*' }))[0].n)).toBe(0);
  });

  it('stay right under concurrent writers in the same stage for the same owner, and a rolled-back write leaves them as they were', async () => {
    const db = database.db;
    await migrateAndSeed(modelWith(withProbability()));
    const same = { customer_id: customer, stage: 'development', owner_id: owners[0], expected_amount: 100, probability: 10 };
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        db.transaction(async (trx) => {
          const [row] = await trx('opportunities').insert({ ...same, name: `C${i}` }, ['id']);
          await trx('opportunities').where('id', row.id).update({ expected_amount: 200 });
        }),
      ),
    );
    await expect(
      db.transaction(async (trx) => {
        await trx('opportunities').insert({ ...same, name: 'gone' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const totals = await summed(db);
    expect(totals).toEqual(await counted(db));
    expect(totals[`development/${owners[0]}`]).toEqual({ count: 24, amount: 4800, own: 48000, unweighted: 0 });
  });

  it('are filled from the records for a database migrated before they existed, and rebuilt when their definition changes only', async () => {
    const db = database.db;
    const model = modelWith(withProbability());
    await migrateAndSeed(model);
    // A database as an earlier version left it: records, no summary.
    await db.raw(`DROP FUNCTION ${SUMMARY}() CASCADE`);
    await db.raw(`DROP TABLE ${SUMMARY}`);
    await db('opportunities').insert(Array.from({ length: 30 }, (_, i) => opportunity(i, owners, customer)));
    await applyMigrations(db, model);
    expect(await summed(db)).toEqual(await counted(db));

    const oid = async () => (await db.raw('SELECT to_regclass(?)::oid AS oid', [SUMMARY])).rows[0].oid;
    const before = await oid();
    // A stage's probability is read when the report runs: nothing to rebuild.
    const reweighted = withProbability();
    reweighted.workflow!.stages[0] = { ...reweighted.workflow!.stages[0]!, probability: 20 };
    await applyMigrations(db, modelWith(reweighted));
    expect(await oid()).toBe(before);

    // Without an own probability field, every amount waits for its stage's probability.
    await applyMigrations(db, modelWith(opportunitiesEntity()));
    expect(await oid()).not.toBe(before);
    const totals = await summed(db);
    const records = await counted(db);
    for (const [key, row] of Object.entries(records)) {
      expect(totals[key]).toEqual({ count: row.count, amount: row.amount, own: 0, unweighted: row.amount });
    }
    await db('opportunities').insert(opportunity(99, owners, customer));
    expect(Object.values(await summed(db)).reduce((n, row) => n + row.count, 0)).toBe(31);

    // A table made by the first version, whose comment did not list its functions: rebuilt once, its function with it.
    const comment = (await db.raw(`SELECT obj_description(?::regclass, 'pg_class') AS c`, [SUMMARY])).rows[0].c;
    const { functions: _, ...first } = JSON.parse(comment);
    await db.raw(`COMMENT ON TABLE ${SUMMARY} IS '${JSON.stringify(first)}'`);
    const rebuilt = await oid();
    await applyMigrations(db, modelWith(opportunitiesEntity()));
    expect(await oid()).not.toBe(rebuilt);
    await db('opportunities').insert(opportunity(100, owners, customer));
    expect(Object.values(await summed(db)).reduce((n, row) => n + row.count, 0)).toBe(32);
  });
});
