/**
 * `stage_entered_at`: every workflow entity's table has it from its first migration; a database
 * migrated before ra-sales kept it gets the column on its next `applyMigrations`, filled from the
 * stage history (the last move into the record's current stage, else its creation), nothing lost.
 */
import type { Knex } from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import { STAGE_ENTERED_FIELD } from '@ra-sales/schema';
import { applyMigrations, entityTableShapes, planMigration, stepSql } from '../../src/migrate/index.js';
import { forEachDatabase } from '../support/databases.js';
import { testModel } from './fixtures.js';

const iso = (value: unknown) => new Date(value as string).toISOString();

async function columnsOf(db: Knex, table: string): Promise<string[]> {
  const result = await db.raw(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
    [table],
  );
  return result.rows.map((row: { column_name: string }) => row.column_name);
}

describe('the stage_entered_at column', () => {
  it('belongs to the tables of workflow entities only, not null, now() by default', () => {
    const shapes = entityTableShapes(testModel());
    const column = shapes.get('opportunities')!.columns.find((c) => c.name === STAGE_ENTERED_FIELD);
    expect(column).toMatchObject({ type: 'timestamptz', notNull: true, default: 'now()' });
    expect(shapes.get('customers')!.columns.map((c) => c.name)).toContain(STAGE_ENTERED_FIELD);
    expect(shapes.get('salespeople')!.columns.map((c) => c.name)).not.toContain(STAGE_ENTERED_FIELD);
    expect(shapes.get('collections')!.columns.map((c) => c.name)).not.toContain(STAGE_ENTERED_FIELD);
  });

  it('is planned for a migrated table that lacks it, with the fill from the history', () => {
    const model = testModel();
    const columns = new Map(
      [...entityTableShapes(model)].map(([name, shape]) => [
        name,
        shape.columns.map((c) => c.name).filter((c) => c !== STAGE_ENTERED_FIELD),
      ]),
    );
    const steps = planMigration(model, model, { entityColumns: columns, systemColumns: new Map() });
    const added = steps.filter((s) => s.kind !== 'create_table' && s.kind !== 'create_index');
    expect(added.map((s) => (s.kind === 'add_column' ? `${s.table}.${s.column.name}` : s.kind))).toEqual([
      `customers.${STAGE_ENTERED_FIELD}`,
      `opportunities.${STAGE_ENTERED_FIELD}`,
    ]);
    const sql = stepSql(added[1]!).up;
    expect(sql[0]).toBe(`ALTER TABLE "opportunities" ADD COLUMN "${STAGE_ENTERED_FIELD}" timestamptz NOT NULL DEFAULT now()`);
    expect(sql[1]).toContain('FROM sales_history h');
    // Without the database's columns (a fresh plan, a migration file) nothing is added.
    expect(planMigration(model, model)).toEqual([]);
  });
});

forEachDatabase('stage_entered_at migration', (database) => {
  beforeEach(() => database.reset());

  it('a new record gets now(); an existing database gets the column filled from the history, nothing else changed', async () => {
    const db = database.db;
    const model = testModel();
    await applyMigrations(db, model);
    const [fresh] = await db('opportunities').insert({ name: 'fresh', customer_id: 1 }).returning('*');
    expect(Date.now() - Date.parse(iso(fresh[STAGE_ENTERED_FIELD]))).toBeLessThan(60_000);

    // Records and their stage history as a database migrated before the column existed holds them.
    const insert = async (name: string, stage: string, createdAt: string) =>
      Number(
        (
          await db('opportunities')
            .insert({ name, customer_id: 1, stage, created_at: createdAt, updated_at: '2025-01-01T00:00:00Z', version: 4 })
            .returning('id')
        )[0].id,
      );
    const moved = await insert('moved back and forth', 'bidding', '2024-01-01T00:00:00Z');
    const never = await insert('no history', 'initiation', '2024-02-02T00:00:00Z');
    const voided = await insert('same-stage history row', 'bidding', '2024-03-03T00:00:00Z');
    const history = (recordId: number, from: string | null, to: string, at: string) => ({
      resource: 'opportunities',
      record_id: recordId,
      from_stage: from,
      to_stage: to,
      created_at: at,
    });
    await db('sales_history').insert([
      history(moved, null, 'development', '2024-01-01T00:00:00Z'),
      history(moved, 'development', 'initiation', '2024-02-01T00:00:00Z'),
      history(moved, 'initiation', 'bidding', '2024-03-01T00:00:00Z'),
      history(moved, 'bidding', 'initiation', '2024-04-01T00:00:00Z'),
      history(moved, 'initiation', 'bidding', '2024-05-01T00:00:00Z'),
      // Another entity's history with the same record id does not count.
      { ...history(moved, 'intent', 'bidding', '2024-12-01T00:00:00Z'), resource: 'customers' },
      history(voided, 'initiation', 'bidding', '2024-06-01T00:00:00Z'),
      // A voided approval that left the record where it was is no entry into the stage.
      history(voided, 'bidding', 'bidding', '2024-07-01T00:00:00Z'),
    ]);
    for (const table of ['customers', 'opportunities']) await db.raw(`ALTER TABLE ?? DROP COLUMN ??`, [table, STAGE_ENTERED_FIELD]);
    const before = await db('opportunities').orderBy('id');

    const result = await applyMigrations(db, model);
    expect(result.effects.filter((effect) => effect.lost)).toEqual([]);
    expect(result.steps.map((s) => (s.kind === 'add_column' ? `${s.table}.${s.column.name}` : s.kind))).toEqual([
      `customers.${STAGE_ENTERED_FIELD}`,
      `opportunities.${STAGE_ENTERED_FIELD}`,
    ]);
    const after = await db('opportunities').orderBy('id');
    expect(after.map((row) => ({ ...row, [STAGE_ENTERED_FIELD]: undefined }))).toEqual(
      before.map((row) => ({ ...row, [STAGE_ENTERED_FIELD]: undefined })),
    );
    const entered = Object.fromEntries(after.map((row) => [row.id, iso(row[STAGE_ENTERED_FIELD])]));
    expect(entered[moved]).toBe('2024-05-01T00:00:00.000Z');
    expect(entered[never]).toBe('2024-02-02T00:00:00.000Z');
    expect(entered[voided]).toBe('2024-06-01T00:00:00.000Z');
    expect(entered[fresh.id]).toBe(iso(fresh.created_at));
    expect(await columnsOf(db, 'salespeople')).not.toContain(STAGE_ENTERED_FIELD);
    expect(await columnsOf(db, 'collections')).not.toContain(STAGE_ENTERED_FIELD);

    expect(await applyMigrations(db, model)).toEqual({ steps: [], effects: [], snapshotStored: false });
  });
});
