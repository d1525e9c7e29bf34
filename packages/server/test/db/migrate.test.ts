import type { Knex } from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  entityTableShapes,
  MigrationBlockedError,
  MigrationNeedsReviewError,
  planMigration,
  planMigrations,
  readSchemaSnapshot,
  stageTotalsDefinitions,
  wonTotalsDefinition,
  SYSTEM_TABLES,
  toReviewedPlan,
} from '../../src/migrate/index.js';
import { forEachDatabase } from '../support/databases.js';
import { consentedPlan } from './consent.js';
import { entity, field, stage, testModel, withEntity } from './fixtures.js';

async function tableNames(db: Knex): Promise<string[]> {
  const result = await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return result.rows.map((row: { tablename: string }) => row.tablename);
}

async function indexNames(db: Knex): Promise<string[]> {
  const result = await db.raw(
    `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' ORDER BY indexname`,
  );
  return result.rows.map((row: { indexname: string }) => row.indexname);
}

async function columnTypes(db: Knex, table: string): Promise<Record<string, string>> {
  const result = await db.raw(
    `SELECT column_name, format_type(atttypid, atttypmod) AS type
       FROM information_schema.columns c
       JOIN pg_attribute a ON a.attrelid = ?::regclass AND a.attname = c.column_name
      WHERE c.table_schema = 'public' AND c.table_name = ?`,
    [table, table],
  );
  return Object.fromEntries(result.rows.map((row: { column_name: string; type: string }) => [row.column_name, row.type]));
}

async function needsReview(promise: Promise<unknown>): Promise<MigrationNeedsReviewError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationNeedsReviewError);
  return error as MigrationNeedsReviewError;
}

describe('planMigration', () => {
  it('creates the system tables, every entity table and its indexes from nothing', () => {
    const steps = planMigration(null, testModel());
    const created = steps.filter((s) => s.kind === 'create_table').map((s) => ('table' in s ? s.table : ''));
    expect(created).toEqual([...SYSTEM_TABLES.map((t) => t.name), 'salespeople', 'teams', 'customers', 'opportunities', 'collections']);
    expect(steps.every((s) => !s.destructive)).toBe(true);
    expect(planMigration(testModel(), testModel())).toEqual([]);
  });

  it('indexes references, workflow, owner, filter and sortable fields (in list order), plus (workflow, owner, default sort) and the won records', () => {
    const opportunities = entityTableShapes(testModel()).get('opportunities')!;
    expect(opportunities.indexes.map((index) => index.name)).toEqual([
      'opportunities_name_order_idx',
      'opportunities_customer_id_idx',
      'opportunities_stage_idx',
      'opportunities_owner_id_idx',
      'opportunities_expected_amount_order_idx',
      'opportunities_expected_sign_date_order_idx',
      'opportunities_stage_owner_id_expected_amount_order_idx',
      'opportunities_won_idx',
    ]);
    // The won records by when they were won, carrying what the sales reports sum and group by.
    const won = opportunities.indexes.at(-1)!;
    expect(won).toMatchObject({ columns: ['stage_entered_at'], only: { column: 'stage', values: ['won'] } });
    expect(won.include).toEqual(expect.arrayContaining(['expected_amount', 'owner_id', 'customer_id']));
    expect(opportunities.indexes.find((i) => i.name === 'opportunities_expected_amount_order_idx')).toMatchObject({
      columns: ['expected_amount', 'id'],
      nullsFirst: ['expected_amount'],
    });
    expect(opportunities.indexes.at(-2)).toEqual({
      name: 'opportunities_stage_owner_id_expected_amount_order_idx',
      table: 'opportunities',
      columns: ['stage', 'owner_id', 'expected_amount', 'id'],
      nullsFirst: ['expected_amount'],
    });
    const sortedById = withEntity(testModel(), 'opportunities', (e) => ({ ...e, sort: { field: 'id', order: 'DESC' } }));
    expect(entityTableShapes(sortedById).get('opportunities')!.indexes.at(-2)!.columns).toEqual(['stage', 'owner_id', 'id']);
  });

  it('marks narrowing, dropping and stage removal as destructive, widening not', () => {
    const before = testModel();
    const after = withEntity(before, 'opportunities', (e) => ({
      ...e,
      fields: e.fields
        .filter((f) => f.name !== 'bid_strategy')
        .map((f) => (f.name === 'probability' ? { ...f, kind: 'integer' as const } : f)),
      workflow: { ...e.workflow!, stages: e.workflow!.stages.filter((s) => s.id !== 'bidding') },
    }));
    const kinds = planMigration(before, after).map((s) => `${s.kind}${s.destructive ? '!' : ''}`);
    expect(kinds).toEqual(['change_type!', 'remove_stage!', 'drop_column!']);
    const widened = withEntity(before, 'teams', (e) => ({
      ...e,
      fields: e.fields.map((f) => (f.name === 'name' ? { ...f, kind: 'json' as const } : f)),
    }));
    expect(planMigration(before, widened).map((s) => `${s.kind}${s.destructive ? '!' : ''}`)).toEqual(['change_type']);
  });
});

forEachDatabase('applyMigrations', (database) => {
  beforeEach(() => database.reset());

  it('creates every table and index from nothing and stores the snapshot', async () => {
    const model = testModel();
    const result = await applyMigrations(database.db, model);
    expect(result.snapshotStored).toBe(true);
    expect(await tableNames(database.db)).toEqual([
      'collections',
      'customers',
      'opportunities',
      'sales_approvals',
      'sales_attachments',
      'sales_audit',
      'sales_history',
      'sales_notes',
      'sales_schema_snapshot',
      'sales_sequences',
      'sales_stage_totals__customers',
      'sales_stage_totals__opportunities',
      'sales_tasks',
      'sales_won_totals__opportunities',
      'salespeople',
      'teams',
    ]);
    const expectedIndexes = [
      ...[...SYSTEM_TABLES, ...entityTableShapes(model).values()].flatMap((t) => t.indexes.map((i) => i.name)),
      ...stageTotalsDefinitions(model).map((d) => `${d.table}_key`),
      `${wonTotalsDefinition(model)!.table}_key`,
    ];
    expect(await indexNames(database.db)).toEqual([...expectedIndexes].sort());
    expect(await columnTypes(database.db, 'opportunities')).toMatchObject({
      id: 'bigint',
      version: 'integer',
      created_at: 'timestamp with time zone',
      name: 'text',
      customer_id: 'bigint',
      expected_amount: 'numeric(16,2)',
      probability: 'double precision',
      expected_sign_date: 'date',
      bid_submitted: 'boolean',
      lines: 'jsonb',
    });
    expect(await readSchemaSnapshot(database.db)).toEqual(model);

    const again = await applyMigrations(database.db, model);
    expect(again).toEqual({ steps: [], effects: [], snapshotStored: false });
  });

  it('refuses a database holding its tables without a snapshot', async () => {
    await database.db.raw('CREATE TABLE customers (id bigint)');
    await expect(applyMigrations(database.db, testModel())).rejects.toThrow(
      /already has tables \(customers\) but no sales_schema_snapshot row/,
    );
    expect(await tableNames(database.db)).toEqual(['customers']);
  });

  it('reads values back as numbers, YYYY-MM-DD dates and ISO timestamps', async () => {
    await applyMigrations(database.db, testModel());
    await database.db('opportunities').insert({ name: 'x', customer_id: 1, expected_amount: 1234.5, expected_sign_date: '2026-03-31' });
    const row = await database.db('opportunities').first();
    expect(row).toMatchObject({ id: 1, version: 1, customer_id: 1, expected_amount: 1234.5, expected_sign_date: '2026-03-31' });
    expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [{ count }] = await database.db('opportunities').count('* as count');
    expect(count).toBe(1);
  });

  it('adds a field, a stage and an entity without asking', async () => {
    const before = testModel();
    await applyMigrations(database.db, before);
    await database.db('opportunities').insert({ name: 'kept', customer_id: 1, stage: 'bidding' });
    const withField = withEntity(before, 'opportunities', (e) => ({
      ...e,
      fields: [...e.fields, field('competitors', 'text'), field('region', 'string', { filter: true })],
      workflow: { ...e.workflow!, stages: [...e.workflow!.stages, stage('negotiation', 5)] },
    }));
    const after = {
      ...withField,
      entities: {
        ...withField.entities,
        products: entity('product', 'products', [field('name', 'string', { sortable: true }), field('list_price', 'money')]),
      },
    };
    const result = await applyMigrations(database.db, after);
    expect(result.steps.map((s) => s.kind)).toEqual([
      'create_table',
      'add_column',
      'add_column',
      'add_stage',
      'create_index',
      'create_index',
    ]);
    expect(await columnTypes(database.db, 'opportunities')).toMatchObject({ competitors: 'text', region: 'text' });
    expect(await indexNames(database.db)).toContain('opportunities_region_idx');
    expect(await indexNames(database.db)).toContain('products_name_order_idx');
    expect(await database.db('opportunities').select('name', 'stage')).toEqual([{ name: 'kept', stage: 'bidding' }]);
    expect(await readSchemaSnapshot(database.db)).toEqual(after);
  });

  it('fills a new required field with its default in the records already stored; a new optional one stays empty', async () => {
    await database.reset();
    const before = testModel();
    await applyMigrations(database.db, before);
    await database.db('opportunities').insert([
      { name: 'old one', customer_id: 1, stage: 'bidding' },
      { name: 'old two', customer_id: 1, stage: 'won' },
    ]);
    const after = withEntity(before, 'opportunities', (e) => ({
      ...e,
      fields: [
        ...e.fields,
        field('priority', 'enum', {
          required: true,
          default: 'normal',
          options: [
            { value: 'normal', label: { en: 'Normal' } },
            { value: 'high', label: { en: 'High' } },
          ],
        }),
        field('note', 'string', { default: 'n/a' }),
        field('seats', 'integer', { required: true, default: 5 }),
      ],
    }));
    await applyMigrations(database.db, after);
    expect(await database.db('opportunities').orderBy('id').select('name', 'priority', 'note', 'seats')).toEqual([
      { name: 'old one', priority: 'normal', note: null, seats: 5 },
      { name: 'old two', priority: 'normal', note: null, seats: 5 },
    ]);
  });

  it('drops a column, narrows a type and removes a stage freely while no data is affected', async () => {
    const before = testModel();
    await applyMigrations(database.db, before);
    await database.db('opportunities').insert({ name: 'early', customer_id: 1, stage: 'development' });
    const after = withEntity(before, 'opportunities', (e) => ({
      ...e,
      fields: e.fields
        .filter((f) => f.name !== 'bid_strategy')
        .map((f) => (f.name === 'probability' ? { ...f, kind: 'integer' as const } : f)),
      workflow: { ...e.workflow!, stages: e.workflow!.stages.filter((s) => s.id !== 'bidding') },
    }));
    const result = await applyMigrations(database.db, after);
    expect(result.effects.filter((effect) => effect.review || effect.lost)).toEqual([]);
    expect(await columnTypes(database.db, 'opportunities')).not.toHaveProperty('bid_strategy');
  });

  describe('runs a migration that loses data only with consent on each such step in the reviewed plan', () => {
    const before = testModel();

    async function prepare(rows: Record<string, unknown>[]) {
      await applyMigrations(database.db, before);
      await database.db('opportunities').insert(rows);
    }

    async function expectUnchanged() {
      expect(await readSchemaSnapshot(database.db)).toEqual(before);
      expect(planMigration(await readSchemaSnapshot(database.db), before)).toEqual([]);
    }

    it('dropping a column that holds values', async () => {
      await prepare([
        { name: 'a', customer_id: 1, bid_strategy: '低价策略' },
        { name: 'b', customer_id: 1, bid_strategy: '' },
        { name: 'c', customer_id: 1 },
      ]);
      const after = withEntity(before, 'opportunities', (e) => ({ ...e, fields: e.fields.filter((f) => f.name !== 'bid_strategy') }));
      const error = await needsReview(applyMigrations(database.db, after));
      expect(error.message).toContain('- drop column opportunities.bid_strategy: 1 non-empty values are lost (loses data: needs consent)');
      await expectUnchanged();
      expect(await columnTypes(database.db, 'opportunities')).toHaveProperty('bid_strategy');

      const written = toReviewedPlan(await planMigrations(database.db, after));
      expect(written.steps).toEqual([
        { step: 'drop column opportunities.bid_strategy', effect: '1 non-empty values are lost', loses: true, consent: false },
      ]);
      const withoutConsent = await needsReview(applyMigrations(database.db, after, { plan: written }));
      expect(withoutConsent.reason).toBe('consent is missing on 1 step(s) that lose data: "drop column opportunities.bid_strategy"');
      await expectUnchanged();

      const result = await applyMigrations(database.db, after, { plan: await consentedPlan(database.db, after) });
      expect(result.effects.filter((effect) => effect.lost)).toHaveLength(1);
      expect(await columnTypes(database.db, 'opportunities')).not.toHaveProperty('bid_strategy');
    });

    it('narrowing a type where values exist (numeric → integer, text → integer)', async () => {
      await prepare(
        Array.from({ length: 1234 }, (_, i) => ({ name: `o${i}`, customer_id: 1, probability: 12.6, need: i % 2 ? '42' : 'many' })),
      );
      const after = withEntity(before, 'opportunities', (e) => ({
        ...e,
        fields: e.fields.map((f) => (f.name === 'probability' || f.name === 'need' ? { ...f, kind: 'integer' as const } : f)),
      }));
      const error = await needsReview(applyMigrations(database.db, after));
      expect(error.message).toContain(
        'change type of opportunities.probability from double precision to integer: 1,234 values converted from double precision to integer',
      );
      expect(error.message).toContain(
        'change type of opportunities.need from text to integer: 1,234 values converted from text to integer; 617 could not be and are emptied',
      );
      await expectUnchanged();
      expect((await columnTypes(database.db, 'opportunities')).probability).toBe('double precision');

      await applyMigrations(database.db, after, { plan: await consentedPlan(database.db, after) });
      expect(await columnTypes(database.db, 'opportunities')).toMatchObject({ probability: 'integer', need: 'integer' });
      const values = await database.db('opportunities').select('probability', 'need').whereIn('name', ['o0', 'o1']).orderBy('name');
      expect(values).toEqual([
        { probability: 13, need: null },
        { probability: 13, need: 42 },
      ]);
    });

    it('removing a stage that records are in is refused until the schema says where they go', async () => {
      await prepare([
        { name: 'a', customer_id: 1, stage: 'bidding' },
        { name: 'b', customer_id: 1, stage: 'bidding' },
        { name: 'c', customer_id: 1, stage: 'won' },
      ]);
      const after = withEntity(before, 'opportunities', (e) => ({
        ...e,
        workflow: { ...e.workflow!, stages: e.workflow!.stages.filter((s) => s.id !== 'bidding') },
      }));
      const error = await applyMigrations(database.db, after).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationBlockedError);
      expect((error as Error).message).toContain(
        '2 records are in stage "bidding", which is no longer declared: say where they go with "retired_stages": [{ "id": "bidding", "into": "<a stage>" }]',
      );
      // No consent makes it run: the records would have no stage.
      const refusedAgain = await applyMigrations(database.db, after, { plan: await consentedPlan(database.db, after) }).catch(
        (e: unknown) => e,
      );
      expect(refusedAgain).toBeInstanceOf(MigrationBlockedError);
      await expectUnchanged();
      expect(await database.db('opportunities').where('stage', 'bidding').count('* as n')).toEqual([{ n: 2 }]);
    });

    it('dropping an entity whose table holds rows', async () => {
      await prepare([{ name: 'a', customer_id: 1 }]);
      const after = structuredClone(before);
      delete after.entities.opportunities;
      const error = await needsReview(applyMigrations(database.db, after));
      expect(error.message).toContain('- drop table opportunities: 1 records are lost (loses data: needs consent)');
      await expectUnchanged();
      await applyMigrations(database.db, after, { plan: await consentedPlan(database.db, after) });
      expect(await tableNames(database.db)).not.toContain('opportunities');
    });
  });
});
