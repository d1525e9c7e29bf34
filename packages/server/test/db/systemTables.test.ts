import { beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, describeStep, planMigration, SYSTEM_TABLES } from '../../src/migrate/index.js';
import { step } from '../../src/migrate/steps.js';
import { forEachDatabase } from '../support/databases.js';
import { testModel } from './fixtures.js';

describe('system tables in the plan', () => {
  const model = testModel();

  it('are taken as complete on a migrated database unless its system columns are given', () => {
    expect(planMigration(model, model)).toEqual([]);
    const complete = new Map(SYSTEM_TABLES.map((table) => [table.name, table.columns.map((column) => column.name)]));
    expect(planMigration(model, model, { systemColumns: complete })).toEqual([]);
  });

  it('are created, with their primary key, when missing', () => {
    const steps = planMigration(model, model, { systemColumns: new Map() });
    const systemIndexes = SYSTEM_TABLES.flatMap((table) => table.indexes);
    expect(steps.map(describeStep)).toEqual(
      SYSTEM_TABLES.map((table) => `create system table ${table.name}`).concat(
        systemIndexes.map((index) => describeStep(step.createIndex(index))),
      ),
    );
    expect(steps.find((s) => s.kind === 'create_table' && s.table === 'sales_sequences')).toMatchObject({
      primaryKey: ['resource', 'field', 'period'],
    });
  });
});

forEachDatabase('system tables of a database migrated by an earlier version', (database) => {
  beforeEach(() => database.reset());

  it('are completed on the next applyMigrations: sales_sequences and columns added since', async () => {
    const model = testModel();
    await applyMigrations(database.db, model);
    await database.db.raw('DROP TABLE sales_sequences');
    await database.db.raw('ALTER TABLE sales_history DROP COLUMN comment');

    const result = await applyMigrations(database.db, model);
    expect(result.steps.map(describeStep)).toEqual(['create system table sales_sequences', 'add column sales_history.comment text']);
    await database.db('sales_sequences').insert({ resource: 'contracts', field: 'number', period: 'HT-2026-', last_value: 1 });
    const duplicate = await database
      .db('sales_sequences')
      .insert({ resource: 'contracts', field: 'number', period: 'HT-2026-', last_value: 2 })
      .catch((e: { code?: string }) => e.code);
    expect(duplicate).toBe('23505');
    expect((await applyMigrations(database.db, model)).steps).toEqual([]);
  });
});
