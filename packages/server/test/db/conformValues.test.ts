/**
 * Tightened fields on a database holding records: a value taken out of an enum, a text field
 * turned into an enum, a smaller maxLength, a field now required, a new required field. Stored
 * values the field no longer accepts are converted as `x-migrate` declares; without a
 * conversion the migration is refused, naming the records, and nothing changes.
 */
import type { FieldModel, SalesModel } from '@ra-sales/schema';
import { beforeEach, expect, it } from 'vitest';
import { applyMigrations, MigrationBlockedError, planMigrations, readSchemaSnapshot, toReviewedPlan } from '../../src/migrate/index.js';
import { forEachDatabase } from '../support/databases.js';
import { consentedPlan } from './consent.js';
import { field, testModel, withEntity } from './fixtures.js';

const GRADE = { type: 'string', enum: ['A', 'B', 'C', 'D'] };

/** The customers entity with `change` applied to the field `name` (added when missing). */
function withField(model: SalesModel, name: string, change: (field: FieldModel) => FieldModel): SalesModel {
  return withEntity(model, 'customers', (e) => {
    const exists = e.fields.some((f) => f.name === name);
    const fields = exists ? e.fields.map((f) => (f.name === name ? change(f) : f)) : [...e.fields, change(field(name, 'string'))];
    return { ...e, fields };
  });
}

const before = () =>
  withField(
    withField(testModel(), 'grade', (f) => ({ ...f, schema: GRADE })),
    'industry',
    (f) => ({ ...f, schema: { type: 'string' } }),
  );

forEachDatabase('tightened fields', (database) => {
  beforeEach(async () => {
    await database.reset();
    await applyMigrations(database.db, before());
    await database.db('customers').insert([
      { name: 'a', grade: 'A', industry: 'steel' },
      { name: 'b', grade: 'D', industry: 'Steel works and foundries' },
      { name: 'c', grade: 'D', industry: null },
      { name: 'd', grade: 'C', industry: 'chemicals' },
    ]);
  });

  const ids = async () => Object.fromEntries((await database.db('customers').select('name', 'id')).map((r) => [r.name, Number(r.id)]));
  const stored = (column: string) => database.db('customers').orderBy('name').pluck(column);

  async function blocked(model: SalesModel): Promise<string> {
    const error = await applyMigrations(database.db, model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationBlockedError);
    expect(await readSchemaSnapshot(database.db)).toEqual(before());
    return (error as Error).message;
  }

  it('a value taken out of an enum: refused and named, then converted by the declared map', async () => {
    const { b, c } = await ids();
    const narrowed = withField(before(), 'grade', (f) => ({ ...f, schema: { type: 'string', enum: ['A', 'B', 'C'] } }));
    expect(await blocked(narrowed)).toContain(
      `- check the stored values of customers.grade against its new definition: 2 stored values are not accepted any more: 2 have no conversion (#${b} "D", #${c} "D")`,
    );
    expect(await stored('grade')).toEqual(['A', 'D', 'D', 'C']);

    const mapped = withField(narrowed, 'grade', (f) => ({ ...f, migrate: { map: { D: 'C' } } }));
    const plan = toReviewedPlan(await planMigrations(database.db, mapped));
    expect(plan.steps).toEqual([
      {
        step: 'check the stored values of customers.grade against its new definition',
        effect: '2 stored values are not accepted any more: 2 become "C"',
      },
    ]);
    await applyMigrations(database.db, mapped, { plan });
    expect(await stored('grade')).toEqual(['A', 'C', 'C', 'C']);
    const audit = await database.db('sales_audit').where({ resource: 'customers', record_id: b }).first();
    expect(audit).toMatchObject({ action: 'update', before: { grade: 'D' }, after: { grade: 'C' } });
  });

  it('a text turned into an enum and a smaller maxLength: what no map covers is emptied only with consent', async () => {
    const asEnum = withField(before(), 'industry', (f) => ({
      ...f,
      kind: 'enum',
      schema: { type: 'string', enum: ['steel', 'chemicals'], maxLength: 10 },
      migrate: { map: { 'Steel works and foundries': 'steel' } },
    }));
    const converted = toReviewedPlan(await planMigrations(database.db, asEnum));
    expect(converted.steps.map((s) => s.effect)).toEqual(['1 stored values are not accepted any more: 1 become "steel"']);
    await applyMigrations(database.db, asEnum, { plan: converted });
    expect(await stored('industry')).toEqual(['steel', 'steel', null, 'chemicals']);

    const shorter = withField(asEnum, 'industry', (f) => ({
      ...f,
      schema: { type: 'string', enum: ['steel', 'chemicals'], maxLength: 5 },
      migrate: { otherwise: { value: null } },
    }));
    const emptied = toReviewedPlan(await planMigrations(database.db, shorter));
    expect(emptied.steps).toEqual([
      {
        step: 'check the stored values of customers.industry against its new definition',
        effect: '1 stored values are not accepted any more: 1 emptied',
        loses: true,
        consent: false,
      },
    ]);
    await expect(applyMigrations(database.db, shorter, { plan: emptied })).rejects.toThrow(
      'consent is missing on 1 step(s) that lose data',
    );
    expect(await stored('industry')).toEqual(['steel', 'steel', null, 'chemicals']);
    await applyMigrations(database.db, shorter, { plan: await consentedPlan(database.db, shorter) });
    expect(await stored('industry')).toEqual(['steel', 'steel', null, null]);
  });

  it('a field now required: its empty values take the default, or the declared value; else refused', async () => {
    const { c } = await ids();
    const required = withField(before(), 'industry', (f) => ({ ...f, required: true }));
    expect(await blocked(required)).toContain(`1 have no conversion (#${c} null)`);

    const withDefault = withField(required, 'industry', (f) => ({ ...f, default: 'other', schema: { type: 'string', default: 'other' } }));
    await applyMigrations(database.db, withDefault, { plan: toReviewedPlan(await planMigrations(database.db, withDefault)) });
    expect(await stored('industry')).toEqual(['steel', 'Steel works and foundries', 'other', 'chemicals']);
  });

  it('a new required field: filled from its default without a plan, from a declared value with one, refused without either', async () => {
    const noValue = withField(before(), 'region', (f) => ({ ...f, required: true, schema: { type: 'string' } }));
    expect(await blocked(noValue)).toContain(
      'check the stored values of customers.region against its definition (a new required field): 4 stored values are not accepted any more: 4 have no conversion',
    );

    const declared = withField(noValue, 'region', (f) => ({ ...f, migrate: { otherwise: { value: '华东' } } }));
    const plan = toReviewedPlan(await planMigrations(database.db, declared));
    expect(plan.steps.map((s) => s.effect)).toEqual(['4 stored values are not accepted any more: 4 become "华东"']);
    await applyMigrations(database.db, declared, { plan });
    expect(await stored('region')).toEqual(['华东', '华东', '华东', '华东']);

    const seats = withField(declared, 'seats', (f) => ({
      ...f,
      kind: 'integer',
      required: true,
      default: 5,
      schema: { type: 'integer', default: 5 },
    }));
    const result = await applyMigrations(database.db, seats);
    expect(result.effects.filter((effect) => effect.text).map((effect) => effect.text)).toEqual([
      "4 stored records get the field's default",
    ]);
    expect(await stored('seats')).toEqual([5, 5, 5, 5]);
  });
});
