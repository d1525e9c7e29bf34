import type { Knex } from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  DuplicateValuesError,
  entityTableShapes,
  planMigration,
  readSchemaSnapshot,
  describeStep,
  stepSql,
} from '../../src/migrate/index.js';
import { MAX_IDENTIFIER_BYTES } from '../../src/migrate/sql.js';
import { forEachDatabase } from '../support/databases.js';
import { entity, field, testModel, withEntity } from './fixtures.js';

const base = testModel();

function withUnique(sets: string[][], model = base) {
  return withEntity(model, 'customers', (e) => ({ ...e, unique: sets }));
}

async function uniqueIndexes(db: Knex, table: string): Promise<{ indexname: string; indexdef: string }[]> {
  const result = await db.raw(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ? AND indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE '%_pkey' ORDER BY indexname`,
    [table],
  );
  return result.rows;
}

async function insertError(db: Knex, table: string, row: Record<string, unknown>): Promise<string | undefined> {
  return db(table)
    .insert(row)
    .then(
      () => undefined,
      (error: { code?: string }) => error.code ?? 'no code',
    );
}

async function refusal(promise: Promise<unknown>): Promise<DuplicateValuesError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DuplicateValuesError);
  return error as DuplicateValuesError;
}

describe('unique sets in the plan', () => {
  it('become partial unique indexes named <table>_<fields>_unique, a repeated set once', () => {
    const model = withUnique([['name'], ['industry', 'address'], ['name']]);
    const indexes = entityTableShapes(model)
      .get('customers')!
      .indexes.filter((index) => index.unique);
    expect(indexes).toEqual([
      { name: 'customers_name_unique', table: 'customers', columns: ['name'], unique: true },
      { name: 'customers_industry_address_unique', table: 'customers', columns: ['industry', 'address'], unique: true },
    ]);
    const steps = planMigration(base, model);
    expect(steps.map((s) => s.kind)).toEqual(['create_index', 'create_index']);
    expect(stepSql(steps[1])).toEqual({
      up: [
        `CREATE UNIQUE INDEX "customers_industry_address_unique" ON "customers" ("industry", "address") WHERE "industry" IS NOT NULL AND "address" IS NOT NULL`,
      ],
      down: [`DROP INDEX IF EXISTS "customers_industry_address_unique"`],
    });
    expect(planMigration(model, base).map((s) => (s.kind === 'drop_index' ? s.index.name : s.kind))).toEqual([
      'customers_name_unique',
      'customers_industry_address_unique',
    ]);
    expect(planMigration(model, model)).toEqual([]);
  });

  it('keeps long names under the identifier limit, distinct and stable', () => {
    const columns = ['a_rather_long_field_name_for_a_test', 'another_rather_long_field_name'];
    const fields = [...columns, 'a_rather_long_field_name_for_a_test_too'].map((name) => field(name, 'string'));
    const model = testModel([
      entity('thing', 'some_long_resource_name', fields, {
        unique: [columns, ['a_rather_long_field_name_for_a_test_too', 'another_rather_long_field_name']],
      }),
    ]);
    const names = entityTableShapes(model)
      .get('some_long_resource_name')!
      .indexes.map((index) => index.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(MAX_IDENTIFIER_BYTES);
    expect(
      entityTableShapes(model)
        .get('some_long_resource_name')!
        .indexes.map((index) => index.name),
    ).toEqual(names);
  });

  it('are created and dropped by their migration step', () => {
    const steps = planMigration(base, withUnique([['name']]));
    expect(steps.map(describeStep)).toContain(
      'create unique index customers_name_unique on customers (name) where every column has a value',
    );
    const sql = steps.map(stepSql);
    expect(sql.flatMap((s) => s.up)).toContain(
      'CREATE UNIQUE INDEX "customers_name_unique" ON "customers" ("name") WHERE "name" IS NOT NULL',
    );
    expect(sql.flatMap((s) => s.down)).toContain('DROP INDEX IF EXISTS "customers_name_unique"');
  });

  it('are none in a snapshot stored before the model had them', () => {
    const old = structuredClone(base) as unknown as { entities: Record<string, { unique?: unknown }> };
    for (const e of Object.values(old.entities)) delete e.unique;
    expect(planMigration(old as unknown as typeof base, base)).toEqual([]);
  });
});

forEachDatabase('unique sets', (database) => {
  beforeEach(() => database.reset());

  it('are enforced by the database; records with an empty field in the set do not count', async () => {
    await applyMigrations(database.db, withUnique([['name'], ['industry', 'address']]));
    const db = database.db;
    expect((await uniqueIndexes(db, 'customers')).map((index) => index.indexname)).toEqual([
      'customers_industry_address_unique',
      'customers_name_unique',
    ]);
    await db('customers').insert({ name: 'Acme', industry: 'steel', address: 'Dock 1' });
    expect(await insertError(db, 'customers', { name: 'Acme' })).toBe('23505');
    expect(await insertError(db, 'customers', { name: 'Beta', industry: 'steel', address: 'Dock 1' })).toBe('23505');
    await db('customers').insert([
      { name: null },
      { name: null },
      { name: 'Gamma', industry: 'steel' },
      { name: 'Delta', industry: 'steel' },
    ]);
    await db('customers').insert({ name: 'Epsilon', industry: 'steel', address: 'Dock 2' });
    expect(await db('customers').count('* as n')).toEqual([{ n: 6 }]);
  });

  it('are dropped when removed from the model', async () => {
    const unique = withUnique([['name']]);
    await applyMigrations(database.db, unique);
    const result = await applyMigrations(database.db, base);
    expect(result.steps.map((s) => s.kind)).toEqual(['drop_index']);
    expect(await uniqueIndexes(database.db, 'customers')).toEqual([]);
    await database.db('customers').insert([{ name: 'Acme' }, { name: 'Acme' }]);
  });

  it('on a field added in the same migration, to a table holding records', async () => {
    await applyMigrations(database.db, base);
    await database.db('customers').insert([{ name: 'Acme' }, { name: 'Acme' }]);
    const after = withEntity(base, 'customers', (e) => ({
      ...e,
      fields: [...e.fields, field('tax_number', 'string')],
      unique: [['tax_number']],
    }));
    const result = await applyMigrations(database.db, after);
    expect(result.steps.map((s) => s.kind)).toEqual(['add_column', 'create_index']);
    expect(await insertError(database.db, 'customers', { tax_number: 'X1' })).toBeUndefined();
    expect(await insertError(database.db, 'customers', { tax_number: 'X1' })).toBe('23505');
  });

  describe('are refused, changing nothing, while records share values', () => {
    async function expectUnchanged() {
      expect(await readSchemaSnapshot(database.db)).toEqual(base);
      expect(await uniqueIndexes(database.db, 'customers')).toEqual([]);
      expect((await database.db.raw(`SELECT to_regclass('customers_tax_number_idx') AS oid`)).rows[0].oid).toBeNull();
    }

    it('naming the table, the fields, the values and their records', async () => {
      await applyMigrations(database.db, base);
      await database
        .db('customers')
        .insert([
          { name: 'Acme' },
          { name: 'Beta' },
          { name: 'Acme' },
          { name: null },
          { name: null },
          { name: 'Beta' },
          { name: 'Gamma' },
          { name: 'Acme' },
        ]);
      // A field added alongside: the refusal must roll it back too.
      const after = withEntity(withUnique([['name']]), 'customers', (e) => ({
        ...e,
        fields: [...e.fields, field('tax_number', 'string', { filter: true })],
      }));
      const error = await refusal(applyMigrations(database.db, after));
      expect(error.message).toContain(
        'customers: cannot make (name) unique: "Acme" is held by records 1, 3, 8; "Beta" is held by records 2, 6',
      );
      expect(error.duplicates).toEqual([
        {
          table: 'customers',
          columns: ['name'],
          count: 2,
          examples: [
            { values: ['Acme'], ids: [1, 3, 8], holders: 3 },
            { values: ['Beta'], ids: [2, 6], holders: 2 },
          ],
          message: 'customers: cannot make (name) unique: "Acme" is held by records 1, 3, 8; "Beta" is held by records 2, 6',
        },
      ]);
      await expectUnchanged();
      expect(await database.db('customers').columnInfo()).not.toHaveProperty('tax_number');

      await database.db('customers').whereIn('id', [3, 8]).update({ name: null });
      await database.db('customers').where('id', 6).update({ name: 'Beta 2' });
      expect((await applyMigrations(database.db, after)).steps.map((s) => s.kind)).toEqual(['add_column', 'create_index', 'create_index']);
      expect(await readSchemaSnapshot(database.db)).toEqual(after);
    });

    it('showing 5 duplicated values at most, and every set refused', async () => {
      await applyMigrations(database.db, base);
      const rows = Array.from({ length: 7 }, (_, i) => [
        { name: `N${i}`, industry: 'steel', address: `Dock ${i}` },
        { name: `N${i}`, industry: 'steel', address: `Dock ${i}` },
      ]).flat();
      await database.db('customers').insert([...rows, ...Array.from({ length: 12 }, () => ({ name: 'Many' }))]);
      const error = await refusal(applyMigrations(database.db, withUnique([['name'], ['industry', 'address']])));
      expect(error.duplicates.map((d) => d.message)).toEqual([
        'customers: cannot make (name) unique: "N0" is held by records 1, 2; "N1" is held by records 3, 4; "N2" is held by records 5, 6; ' +
          '"N3" is held by records 7, 8; "N4" is held by records 9, 10; and 3 more duplicated values',
        'customers: cannot make (industry, address) unique: ("steel", "Dock 0") is held by records 1, 2; ("steel", "Dock 1") is held by records 3, 4; ' +
          '("steel", "Dock 2") is held by records 5, 6; ("steel", "Dock 3") is held by records 7, 8; ("steel", "Dock 4") is held by records 9, 10; ' +
          'and 2 more duplicated values',
      ]);
      expect(error.message.split('\n')).toHaveLength(3);
      await expectUnchanged();

      await database.db('customers').whereNot('name', 'Many').delete();
      const many = await refusal(applyMigrations(database.db, withUnique([['name']])));
      expect(many.duplicates[0].message).toBe(
        'customers: cannot make (name) unique: "Many" is held by records 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 and 2 more',
      );
    });
  });
});
