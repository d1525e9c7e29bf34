/** The database layer on the default domain of `schemas/`: every entity migrates and seeds consistently. */
import { fileURLToPath } from 'node:url';
import { compileValidators, holds, loadModel, SERVER_FIELDS, type SalesModel } from '@ra-sales/schema';
import { normalizeRow } from '../../src/router/records.js';
import { describeResources } from '../../src/router/resources.js';
import { loadLookups, ruleDocument } from '../../src/router/rules/lookups.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyMigrations,
  entityTableShapes,
  planMigration,
  stageTotalsDefinitions,
  SYSTEM_TABLES,
  wonTotalsDefinition,
} from '../../src/migrate/index.js';
import { buildDemoData, seedDemo } from '../../src/seed/index.js';
import { forEachDatabase } from '../support/databases.js';
import { gateViolations } from './gates.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../../../schemas', import.meta.url));
const TODAY = new Date('2026-06-15T00:00:00Z');

async function defaultModel(): Promise<SalesModel> {
  const result = await loadModel({ dir: SCHEMA_DIR });
  if (!result.ok) throw new Error(`schemas/ does not load: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.model;
}

type Row = Record<string, unknown>;

function storedFields(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).filter(([key, value]) => value !== null && !(SERVER_FIELDS as readonly string[]).includes(key)),
  );
}

describe('demo data of the default domain', () => {
  let model: SalesModel;
  let built: ReturnType<typeof buildDemoData>;
  beforeAll(async () => {
    model = await defaultModel();
    built = buildDemoData(model, { today: TODAY });
  });

  it('satisfies, per workflow entity, the gates before each record stage', () => {
    const workflowEntities = Object.values(model.entities).filter((entity) => entity.workflow);
    expect(workflowEntities.length).toBeGreaterThan(5);
    for (const entity of workflowEntities) expect(gateViolations(model, entity.resource, built.rows.get(entity.resource)!)).toEqual([]);
  });

  it('passes the record validators of every entity', () => {
    const validators = compileValidators(model);
    expect(validators.customers.record({ name: '某公司', grade: 'Z' })).toBe(false);
    const failures: string[] = [];
    for (const [resource, rows] of built.rows) {
      const validate = validators[resource].record;
      for (const row of rows) {
        if (!validate(storedFields(row))) failures.push(`${resource} ${row.id}: ${JSON.stringify(validate.errors?.[0])}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

forEachDatabase('default domain', (database) => {
  let model: SalesModel;
  beforeAll(async () => {
    model = await defaultModel();
    await database.reset();
  });

  it('migrates from nothing to every entity table and index, then seeds the demo', async () => {
    const result = await applyMigrations(database.db, model);
    expect(result.steps).toEqual(planMigration(null, model));
    const tables = await database.db.raw(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`);
    // One table of kept stage totals per workflow entity and one of won sales, each with its key as its only index.
    const stageTotals = stageTotalsDefinitions(model).length;
    expect(stageTotals).toBe(Object.values(model.entities).filter((entity) => entity.workflow).length);
    expect(wonTotalsDefinition(model)?.customers?.owner).toBeDefined();
    const summaries = stageTotals + 1;
    expect(tables.rows[0].n).toBe(Object.keys(model.entities).length + SYSTEM_TABLES.length + summaries);
    const indexes = await database.db.raw(
      `SELECT count(*) AS n FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%\\_pkey'`,
    );
    const expected = [...SYSTEM_TABLES, ...entityTableShapes(model).values()].reduce((sum, table) => sum + table.indexes.length, 0);
    expect(indexes.rows[0].n).toBe(expected + summaries);

    const summary = await seedDemo(database.db, model, { today: TODAY });
    expect(summary.total).toBeGreaterThan(2000);
    expect(summary.historyRows).toBeGreaterThan(500);
    for (const entity of Object.values(model.entities)) {
      for (const field of entity.fields.filter((f) => f.kind === 'reference' && model.entities[f.ref!])) {
        const [{ n }] = await database
          .db(entity.resource)
          .whereNotNull(field.name)
          .whereNotIn(field.name, database.db(field.ref!).select('id'))
          .count('* as n');
        expect(`${entity.resource}.${field.name}: ${n}`).toBe(`${entity.resource}.${field.name}: 0`);
      }
    }
    // Every demo record meets the x-validate rules, judged with its lookups as a save would.
    const resources = describeResources(model);
    const broken: string[] = [];
    for (const entity of Object.values(model.entities).filter((e) => e.validations.length)) {
      for (const row of await database.db(entity.resource).select('*')) {
        const record = normalizeRow(row, resources.get(entity.resource)!);
        const document = ruleDocument(record, await loadLookups(database.db, { resources }, entity, record));
        entity.validations.forEach((v, i) => holds(v.rule, document) || broken.push(`${entity.resource} ${record.id}: rule ${i}`));
      }
    }
    expect(broken.slice(0, 10)).toEqual([]);
    const [{ overdue }] = await database
      .db('collections')
      .where('expected_date', '<', '2026-06-15')
      .whereNull('received_date')
      .count('* as overdue');
    expect(overdue).toBeGreaterThan(20);
  });
});
