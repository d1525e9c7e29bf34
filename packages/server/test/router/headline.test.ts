/** Headline figures: one value per figure of model.json, read from its report within the caller's read scope. */
import type { DashboardFigure } from '@ra-sales/schema';
import { REPORT_IDS, figureValues } from '@ra-sales/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figurePeriod, REDUCERS } from '../../src/reports/headline.js';
import { forEachDatabase } from '../support/databases.js';
import { defaultDomain } from './support/model.js';
import { startTestServer, type TestServer, type UserName, createAs } from './support/server.js';

const pipeline = { resource: 'opportunities' };
const FIGURES: DashboardFigure[] = [
  { report: 'stage-totals', params: pipeline, value: 'open_amount', unit: 'money', title: { en: 'Open' } },
  { report: 'stage-totals', params: pipeline, value: 'open_count', unit: 'count', title: { en: 'Open count' } },
  { report: 'stage-totals', params: pipeline, value: 'won_amount', unit: 'money', title: { en: 'Won' } },
  { report: 'sales-by', params: {}, value: 'amount', unit: 'money', period: 'month', compare: true, title: { en: 'Won this month' } },
  { report: 'overdue-collections', params: {}, value: 'amount', unit: 'money', title: { en: 'Overdue' } },
  { report: 'overdue-collections', params: {}, value: 'count', unit: 'count', title: { en: 'Overdue items' } },
];

describe('headline figures', () => {
  it('every value a report declares has its reducer', () => {
    for (const id of REPORT_IDS) expect(Object.keys(REDUCERS[id] ?? {}).sort(), id).toEqual(Object.keys(figureValues(id)).sort());
  });

  it('periods are the calendar month, quarter or year around today, and those before', () => {
    expect(figurePeriod('month', '2026-03-15')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(figurePeriod('month', '2026-01-15', 1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(figurePeriod('quarter', '2026-05-02')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(figurePeriod('quarter', '2026-02-02', 1)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(figurePeriod('year', '2026-05-02', 1)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

forEachDatabase('router headline', (database) => {
  let server: TestServer;
  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);
  const headline = async (as: UserName, query = '?today=2026-03-20') => {
    const answer = await server.request('GET', `/reports/headline${query}`, { as });
    expect(answer.status, answer.text).toBe(200);
    return answer.json as { value: number | null; previous: number | null; error: string | null }[];
  };
  const won = async (owner: number, customer: number, amount: number, day: string) => {
    await database.db('opportunities').insert({
      name: `Won ${day}`,
      stage: 'won',
      owner_id: owner,
      customer_id: customer,
      expected_amount: amount,
      stage_entered_at: `${day}T10:00:00Z`,
    });
  };

  beforeAll(async () => {
    const { model, validators } = defaultDomain();
    server = await startTestServer(database.db, { model: { ...model, dashboardFigures: FIGURES }, validators });
    const u = server.users;
    const customerA = await create('repA', 'customers', { name: 'Customer of A', grade: 'A' });
    const customerSouth = await create('repSouth', 'customers', { name: 'Customer in the south', grade: 'B' });
    await create('repA', 'opportunities', { name: 'A1', customer_id: customerA.id, expected_amount: 100 });
    await create('repA', 'opportunities', { name: 'A2', customer_id: customerA.id, expected_amount: 250 });
    await create('repSouth', 'opportunities', { name: 'S1', customer_id: customerSouth.id, expected_amount: 1000 });
    await won(u.repA, customerA.id, 400, '2026-03-05');
    await won(u.repA, customerA.id, 150, '2026-02-10');
    await won(u.repSouth, customerSouth.id, 2000, '2026-03-06');
    await create('repA', 'collections', { name: 'Late', customer_id: customerA.id, expected_date: '2026-03-01', amount: 300 });
    await create('repSouth', 'collections', { name: 'Late south', customer_id: customerSouth.id, expected_date: '2026-02-01', amount: 70 });
  });
  afterAll(() => server?.close());

  it('answers each figure in order, the period before beside a compared one', async () => {
    expect(await headline('admin')).toEqual([
      { value: 1350, previous: null, error: null },
      { value: 3, previous: null, error: null },
      { value: 2550, previous: null, error: null },
      { value: 2400, previous: 150, error: null },
      { value: 370, previous: null, error: null },
      { value: 2, previous: null, error: null },
    ]);
  });

  it("counts only what the caller may read: a rep's own records", async () => {
    expect(await headline('repA')).toEqual([
      { value: 350, previous: null, error: null },
      { value: 2, previous: null, error: null },
      { value: 550, previous: null, error: null },
      { value: 400, previous: 150, error: null },
      { value: 300, previous: null, error: null },
      { value: 1, previous: null, error: null },
    ]);
    const south = await headline('repSouth');
    expect(south.map((figure) => figure.value)).toEqual([1000, 1, 2000, 2000, 70, 1]);
  });

  it('refuses a bad date, in the caller’s words', async () => {
    const answer = await server.request('GET', '/reports/headline?today=2026-13-01', { as: 'repA' });
    expect(answer.status).toBe(400);
    expect(answer.json.errors).toHaveProperty('today');
  });
});
