/** The dashboard's headline figures and its stage chart, one pipeline at a time: what the server answers, as the user reads it. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { DashboardFigure } from '@ra-sales/schema';
import { SalesDashboard } from '../../src/dashboard/SalesDashboard.js';
import { API, renderInAdmin, testModel } from '../workflow/support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FIGURES: DashboardFigure[] = [
  {
    report: 'stage-totals',
    params: { resource: 'opportunities' },
    value: 'open_amount',
    unit: 'money',
    title: { en: 'Open pipeline', 'zh-CN': '在途商机金额' },
  },
  {
    report: 'stage-totals',
    params: { resource: 'opportunities' },
    value: 'open_count',
    unit: 'count',
    title: { en: 'Open opportunities' },
  },
  { report: 'sales-by', params: {}, value: 'amount', unit: 'money', period: 'month', compare: true, title: { en: 'Won this month' } },
  { report: 'overdue-collections', params: {}, value: 'amount', unit: 'money', title: { en: 'Overdue' } },
];

function dashboardModel() {
  const model = testModel();
  const card = model.dashboard.find((c) => c.report === 'stage-totals' && !c.chart)!;
  return { ...model, dashboard: [card], dashboardFigures: FIGURES };
}

describe('headline figures', () => {
  it('shows each figure the server computed, formatted in the UI language, the period before beside a compared one', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${API}/reports/:name`, ({ request, params }) => {
        asked.push(`${params.name}${new URL(request.url).search}`);
        if (params.name === 'headline')
          return HttpResponse.json([
            { value: 1_250_000, previous: null, error: null },
            { value: 42, previous: null, error: null },
            { value: 300_000, previous: 200_000, error: null },
            { value: null, previous: null, error: 'The report needs collections' },
          ]);
        return HttpResponse.json([]);
      }),
    );
    renderInAdmin(<SalesDashboard model={dashboardModel()} />);
    const tiles = await screen.findAllByTestId('headline-figure');
    expect(tiles.map((tile) => within(tile).getByText(/./, { selector: 'p.MuiTypography-body2' }).textContent)).toEqual([
      'Open pipeline',
      'Open opportunities',
      'Won this month',
      'Overdue',
    ]);
    await waitFor(() => expect(within(tiles[0]!).getByTestId('headline-figure-value').textContent).toBe('CN¥1.3M'));
    expect(within(tiles[1]!).getByTestId('headline-figure-value').textContent).toBe('42');
    expect(within(tiles[2]!).getByTestId('headline-figure-previous').textContent).toBe('Last month: CN¥200K+50%');
    expect(within(tiles[3]!).getByText('Not available: The report needs collections')).toBeTruthy();
    expect(asked.filter((a) => a.startsWith('headline'))).toEqual([expect.stringMatching(/^headline\?today=\d{4}-\d\d-\d\d$/)]);
  });

  it('in Chinese, the same figures in Chinese units', async () => {
    server.use(
      http.get(`${API}/reports/:name`, ({ params }) =>
        HttpResponse.json(params.name === 'headline' ? [{ value: 1_250_000, previous: null, error: null }] : []),
      ),
    );
    renderInAdmin(<SalesDashboard model={{ ...dashboardModel(), dashboardFigures: FIGURES.slice(0, 1) }} />, 'zh-CN');
    const tile = await screen.findByTestId('headline-figure');
    expect(within(tile).getByText('在途商机金额')).toBeTruthy();
    await waitFor(() => expect(within(tile).getByTestId('headline-figure-value').textContent).toBe('¥125万'));
  });

  it('a stage chart shows the main pipeline, another when switched, its stages labelled under an axis titled with the unit', async () => {
    const asked: string[] = [];
    const model = dashboardModel();
    const workflow = model.entities.opportunities!.workflow!;
    const [main, other] = workflow.pipelines!.list;
    server.use(
      http.get(`${API}/reports/:name`, ({ request, params }) => {
        const search = new URL(request.url).searchParams;
        asked.push(`${params.name}?${decodeURIComponent(search.toString())}`);
        if (params.name !== 'stage-totals') return HttpResponse.json([]);
        const pipeline = JSON.parse(search.get('filter') ?? '{}')[workflow.pipelines!.field];
        const stages = pipeline === other!.id ? other!.stages : main!.stages;
        return HttpResponse.json(stages.map((stage, index) => ({ stage, count: index, amount: 1000 * (index + 1), weighted: null })));
      }),
    );
    renderInAdmin(<SalesDashboard model={{ ...model, dashboardFigures: [] }} />);
    const card = await screen.findByTestId('report-stage-totals');
    const stageName = (id: string) => workflow.stages.find((s) => s.id === id)!.label.en;
    await waitFor(() => expect(within(card).getAllByTestId('chart-category').length).toBeGreaterThan(0));
    // A long name is cut on the axis, the whole of it in the label's tooltip.
    const categories = () =>
      within(card)
        .getAllByTestId('chart-category')
        .map((label) => label.parentElement?.querySelector(':scope > title')?.textContent ?? label.textContent);
    expect(categories()[0]).toBe(`${stageName(main!.stages[0]!)} (0)`);
    expect(categories().length).toBeLessThanOrEqual(main!.stages.length);
    expect(within(card).getByTestId('chart-y-title').textContent).toBe('Amount (CNY)');
    expect(within(card).getByTestId('chart-x-title').textContent).toBe('Stage (records)');
    expect(asked[0]).toContain(`"${workflow.pipelines!.field}":"${main!.id}"`);

    fireEvent.mouseDown(within(card).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: other!.label.en }));
    await waitFor(() => expect(categories()[0]).toBe(`${stageName(other!.stages[0]!)} (0)`));
    expect(asked.at(-1)).toContain(`"${workflow.pipelines!.field}":"${other!.id}"`);
  });
});
