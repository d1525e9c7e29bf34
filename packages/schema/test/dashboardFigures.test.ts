/** model.json's `dashboard.figures`: each a value of a report of the server, checked at its `file#pointer` with a did-you-mean. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const label = (en: string) => ({ en });
const title = label('Figure');
const DEAL = {
  type: 'object',
  'x-resource': 'deals',
  'x-label': label('Deal'),
  'x-workflow': {
    field: 'stage',
    stages: [
      { id: 'open', label: label('Open') },
      { id: 'won', label: label('Won'), kind: 'won' },
    ],
    transitions: [{ from: 'open', to: 'won' }],
  },
  properties: { name: { type: 'string', 'x-label': label('Name') }, stage: { type: 'string', 'x-label': label('Stage') } },
};

function loadWith(figures: unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-figures-'));
  scratch.push(dir);
  const files = {
    'model.json': {
      locales: ['en'],
      groups: [{ id: 'sales', label: label('Sales') }],
      roles: { admin: label('Admin') },
      dashboard: { cards: [], figures },
    },
    'entities/deal.schema.json': DEAL,
  };
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  return loadModel({ dir });
}
const check = (...figures: unknown[]) => {
  const result = loadWith(figures);
  return result.ok ? [] : formatSchemaErrors(result.errors).split('\n');
};

describe('dashboard figures', () => {
  it('carries the figures into the model in order, each with its unit', () => {
    const result = loadWith([
      { report: 'stage-totals', params: { resource: 'deals' }, value: 'open_amount', title },
      { report: 'sales-by', value: 'count', period: 'month', compare: true, title },
    ]);
    expect(result.ok && result.model.dashboardFigures).toEqual([
      { report: 'stage-totals', params: { resource: 'deals' }, value: 'open_amount', unit: 'money', title },
      { report: 'sales-by', params: {}, value: 'count', unit: 'count', period: 'month', compare: true, title },
    ]);
    const none = loadWith([]);
    expect(none.ok && none.model.dashboardFigures).toBeUndefined();
  });

  it('refuses a report without figures, an unknown value, a period where none is taken, compare without a period', () => {
    expect(
      check(
        { report: 'stage-sla', value: 'count', title },
        { report: 'stage-totals', params: { resource: 'deals' }, value: 'open_amonut', title },
        { report: 'stage-totals', params: { resource: 'deals' }, value: 'open_count', period: 'month', title },
        { report: 'sales-by', value: 'amount', compare: true, title },
        { report: 'sales-by', value: 'amount', period: 'week', title },
      ),
    ).toEqual([
      'model.json#/dashboard/figures/0/report: report "stage-sla" yields no headline figure; these do: stage-totals, quota-attainment, overdue-collections, complaints-by-category, sales-by',
      'model.json#/dashboard/figures/1/value: "open_amonut" is not a figure of report "stage-totals": did you mean "open_amount"?',
      'model.json#/dashboard/figures/2/period: report "stage-totals" takes no period: leave out "period"',
      'model.json#/dashboard/figures/3/compare: "compare" needs a "period" to compare with the one before',
      'model.json#/dashboard/figures/4/period: "week" is not a period (periods: month, quarter, year)',
    ]);
  });

  it('checks the parameters as for a card', () => {
    expect(check({ report: 'stage-totals', value: 'open_count', title })).toEqual([
      'model.json#/dashboard/figures/0/params: report "stage-totals" needs the parameter "resource"',
    ]);
  });
});
