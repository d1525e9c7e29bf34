/**
 * The implementer's schema changes on a database holding the demo data, through overlay files as
 * they write them: a stage renamed, a stage retired into another, a field renamed, a field
 * tightened. The plan lists each effect; applied, nothing is lost and the history agrees with
 * the records.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel, type SalesModel } from '@ra-sales/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { applyMigrations, MigrationNeedsReviewError, planMigrations, toReviewedPlan } from '../../src/migrate/index.js';
import { seedDemo } from '../../src/seed/index.js';
import { forEachDatabase } from '../support/databases.js';

const SCHEMA_DIR = fileURLToPath(new URL('../../../../schemas', import.meta.url));
const TODAY = new Date('2026-06-15T00:00:00Z');

type Json = Record<string, unknown>;
const readEntity = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, 'entities', `${name}.schema.json`), 'utf8')) as Json;

/**
 * The opportunity file with "bidding" renamed "tender" wherever it is named (stages, transitions,
 * actions, sections) and "abandoned" retired into "lost": the whole file, as an overlay may be.
 */
function opportunityOverlay(): Json {
  const entity = JSON.parse(JSON.stringify(readEntity('opportunity')).replaceAll('"bidding"', '"tender"')) as Json;
  const workflow = entity['x-workflow'] as {
    stages: Json[];
    transitions: { from: unknown; to: unknown }[];
    approvals?: { from?: unknown; to: unknown }[];
  };
  const without = (refs: unknown) => (Array.isArray(refs) ? refs.filter((id) => id !== 'abandoned') : refs === 'abandoned' ? [] : refs);
  const tender = workflow.stages.find((stage) => stage.id === 'tender')!;
  tender.renamed_from = 'bidding';
  const abandoned = workflow.stages.find((stage) => stage.id === 'abandoned')!;
  for (const action of Object.values((entity['x-actions'] ?? {}) as Record<string, { stages?: string[] }>)) {
    if (action.stages) action.stages = action.stages.filter((id) => id !== 'abandoned');
  }
  const nonEmpty = (refs: unknown) => !Array.isArray(refs) || refs.length > 0;
  entity['x-workflow'] = {
    ...workflow,
    stages: workflow.stages.filter((stage) => stage !== abandoned),
    transitions: workflow.transitions
      .map((t) => ({ ...t, from: without(t.from), to: without(t.to) }))
      .filter((t) => nonEmpty(t.from) && nonEmpty(t.to)),
    approvals: (workflow.approvals ?? []).filter((a) => a.to !== 'abandoned'),
    retired_stages: [{ id: 'abandoned', into: 'lost', label: abandoned.label }],
  };
  return entity;
}

/** The customer's address renamed office_address; grade without "D", whose customers become "C". */
function customerOverlay(): Json {
  const properties = readEntity('customer').properties as Record<string, Json>;
  return {
    properties: {
      address: null,
      office_address: { ...properties.address, 'x-renamed-from': 'address', 'x-label': { en: 'Office address', 'zh-CN': '办公地址' } },
      grade: { enum: ['A', 'B', 'C'], 'x-enum-labels': { D: null }, 'x-migrate': { map: { D: 'C' } } },
    },
  };
}

async function modelWith(overlay?: string): Promise<SalesModel> {
  const result = await loadModel({ dir: SCHEMA_DIR, overlays: overlay ? [overlay] : [] });
  if (!result.ok) throw new Error(`the schemas do not load: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.model;
}

let overlayDir: string;
beforeAll(() => {
  overlayDir = mkdtempSync(join(tmpdir(), 'ra-sales-overlay-'));
  mkdirSync(join(overlayDir, 'entities'));
  writeFileSync(join(overlayDir, 'entities', 'opportunity.schema.json'), JSON.stringify(opportunityOverlay(), null, 2));
  writeFileSync(join(overlayDir, 'entities', 'customer.schema.json'), JSON.stringify(customerOverlay(), null, 2));
});
afterAll(() => rmSync(overlayDir, { recursive: true, force: true }));

forEachDatabase('a reviewed plan on the demo data', (database) => {
  it('renames and retires stages, renames a field and converts tightened values, losing nothing', async () => {
    await database.reset();
    const db = database.db;
    await applyMigrations(db, await modelWith());
    await seedDemo(db, await modelWith(), { today: TODAY });

    const count = async (table: string, where: Json = {}) => Number((await db(table).where(where).count('* as n'))[0]!.n);
    const bidding = await count('opportunities', { stage: 'bidding' });
    const abandoned = await count('opportunities', { stage: 'abandoned' });
    const lost = await count('opportunities', { stage: 'lost' });
    const biddingHistory = Number(
      (
        await db('sales_history')
          .where({ resource: 'opportunities' })
          .andWhere((q) => q.where('to_stage', 'bidding').orWhere('from_stage', 'bidding'))
          .count('* as n')
      )[0]!.n,
    );
    const gradeD = await count('customers', { grade: 'D' });
    const addresses = await db('customers').whereNotNull('address').orderBy('id').select('id', 'address');
    const totals = {
      opportunities: await count('opportunities'),
      customers: await count('customers'),
      history: await count('sales_history'),
    };
    expect([bidding, abandoned, gradeD, addresses.length, biddingHistory].every((n) => n > 0)).toBe(true);

    const next = await modelWith(overlayDir);
    const refused = await applyMigrations(db, next).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MigrationNeedsReviewError);
    expect(await count('opportunities', { stage: 'bidding' })).toBe(bidding);

    const reviewed = toReviewedPlan(await planMigrations(db, next));
    expect(reviewed.steps).toEqual([
      {
        step: 'rename column customers.address to office_address',
        effect: `${addresses.length.toLocaleString('en-US')} values keep their data under the new name; 0 audit entries and 0 approvals follow`,
      },
      {
        step: 'rename stage "bidding" of opportunities.stage to "tender"',
        effect: expect.stringMatching(
          new RegExp(`^${bidding} records, ${biddingHistory} history rows, \\d+ approvals and \\d+ audit entries follow the new id$`),
        ),
      },
      {
        step: 'retire stage "abandoned" of opportunities.stage: its records move to "lost"',
        effect: expect.stringMatching(new RegExp(`^${abandoned} records move to "lost", each with a history row`)),
      },
      {
        step: 'check the stored values of customers.grade against its new definition',
        effect: `${gradeD} stored values are not accepted any more: ${gradeD} become "C"`,
      },
    ]);
    // The dry run changed nothing.
    expect(await count('opportunities', { stage: 'bidding' })).toBe(bidding);

    await applyMigrations(db, next, { plan: reviewed });
    expect(await count('opportunities', { stage: 'bidding' })).toBe(0);
    expect(await count('opportunities', { stage: 'tender' })).toBe(bidding);
    expect(await count('opportunities', { stage: 'abandoned' })).toBe(0);
    expect(await count('opportunities', { stage: 'lost' })).toBe(lost + abandoned);
    expect(await count('customers', { grade: 'D' })).toBe(0);
    expect(await db('customers').whereNotNull('office_address').orderBy('id').select('id', { address: 'office_address' })).toEqual(
      addresses,
    );
    // Nothing lost: every record is still there, and each retired record gained one history row.
    expect(await count('opportunities')).toBe(totals.opportunities);
    expect(await count('customers')).toBe(totals.customers);
    expect(await count('sales_history')).toBe(totals.history + abandoned);
    expect(await count('sales_history', { from_stage: 'bidding' })).toBe(0);
    expect(await count('sales_history', { to_stage: 'bidding' })).toBe(0);
    // The history agrees with the records: each record's last move leads to the stage it is in.
    const disagreeing = await db.raw(`
      SELECT o.id, o.stage, h.to_stage FROM opportunities o
      JOIN LATERAL (SELECT to_stage FROM sales_history WHERE resource = 'opportunities' AND record_id = o.id ORDER BY created_at DESC, id DESC LIMIT 1) h ON true
      WHERE h.to_stage IS DISTINCT FROM o.stage`);
    expect(disagreeing.rows).toEqual([]);
    // The conversions are audited.
    expect(
      await db('sales_audit').where({ resource: 'customers', action: 'update' }).whereRaw(`before ->> 'grade' = 'D'`).count('* as n'),
    ).toEqual([{ n: expect.anything() }]);
    expect(
      Number(
        (
          await db('sales_audit')
            .where({ resource: 'customers' })
            .whereRaw(`after ->> 'grade' = 'C' AND before ->> 'grade' = 'D'`)
            .count('* as n')
        )[0]!.n,
      ),
    ).toBe(gradeD);
  });
});
