import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { SalesDashboard } from '../../src/dashboard/SalesDashboard.js';
import { API, renderInAdmin, restHandlers, testModel, type Request } from '../workflow/support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('SalesDashboard', () => {
  it('draws the server reports for the chosen period, salespeople named on the quota axis', async () => {
    const asked: string[] = [];
    const answers: Record<string, unknown> = {
      'stage-totals': [],
      'overdue-collections': [],
      'complaints-by-category': [],
      'quota-attainment': [{ salesperson_id: 7, salesperson_name: 'Wang Fang', quota: 1000, won: 400, count: 1 }],
      'sales-by': [
        { key: 3, label: 'East China', amount: 1850, count: 4 },
        { key: null, label: null, amount: 50, count: 1 },
      ],
      'plan-vs-actual': [
        {
          plan_id: 1,
          name: 'North March',
          plan_type: 'monthly',
          period: '2021-03',
          team_id: 1,
          team_name: 'North',
          owner_id: null,
          owner_name: null,
          target: 2000,
          actual: 1300,
          count: 2,
        },
      ],
      'forecast-accuracy': [
        {
          salesperson_id: 7,
          salesperson_name: 'Wang Fang',
          period: '2021-03',
          forecasts: 2,
          forecast: 800,
          actual: 1000,
          error: -200,
          accuracy: 0.8,
        },
      ],
      'expense-ratio': [
        { salesperson_id: 7, salesperson_name: 'Wang Fang', expenses: 200, won: 1500, ratio: 0.1333, total: false },
        { salesperson_id: null, salesperson_name: null, expenses: 200, won: 1500, ratio: 0.1333, total: true },
      ],
      'satisfaction-by-engineer': [{ engineer_id: 9, engineer_name: 'Zhao Lei', surveys: 2, score: 2.6 }],
    };
    server.use(
      http.get(`${API}/reports/:name`, ({ request, params }) => {
        asked.push(`${params.name}${new URL(request.url).search}`);
        return HttpResponse.json(answers[String(params.name)] ?? []);
      }),
    );
    renderInAdmin(<SalesDashboard model={testModel()} defaultPeriod="last_year" />);
    const quota = await screen.findByTestId('report-quota-attainment');
    await waitFor(() => expect(within(quota).getAllByText('Wang Fang').length).toBeGreaterThan(0), { timeout: 5000 });
    const salesBy = screen.getByTestId('report-sales-by');
    await waitFor(() => expect(within(salesBy).getAllByText('East China').length).toBeGreaterThan(0), { timeout: 5000 });
    expect(within(salesBy).getAllByText('Unassigned').length).toBeGreaterThan(0);
    const forecast = screen.getByTestId('report-forecast-accuracy');
    await waitFor(() => expect(within(forecast).getByText('80%')).toBeTruthy(), { timeout: 5000 });
    const expenses = screen.getByTestId('report-expense-ratio');
    expect(within(expenses).getByText('Total')).toBeTruthy();
    const satisfaction = screen.getByTestId('report-satisfaction-by-engineer');
    await waitFor(() => expect(within(satisfaction).getAllByText('Zhao Lei').length).toBeGreaterThan(0), { timeout: 5000 });
    const lastYear = new Date().getFullYear() - 1;
    const range = `from=${lastYear}-01-01&to=${lastYear}-12-31`;
    expect(asked).toContain(`sales-by?by=salesperson&${range}`);
    expect(asked).toContain(`quota-attainment?${range}`);
    for (const name of ['plan-vs-actual', 'forecast-accuracy', 'expense-ratio', 'satisfaction-by-engineer'])
      expect(asked).toContain(`${name}?${range}`);
    // Another dimension asks again.
    fireEvent.click(within(salesBy).getByRole('button', { name: 'Region' }));
    await waitFor(() => expect(asked).toContain(`sales-by?by=region&${range}`));
  });

  it("shows the cards model.json declares, in the declared order, titled in the user's language", async () => {
    server.use(http.get(`${API}/reports/:name`, () => HttpResponse.json([])));
    const model = testModel();
    const declared = model.dashboard.map((card) => `report-${card.report}${card.chart ? `-${card.chart}` : ''}`);
    renderInAdmin(<SalesDashboard model={model} />);
    await screen.findByTestId(declared[0]!);
    const shown = () =>
      [...document.querySelectorAll('[data-testid="sales-dashboard"] > .MuiCard-root')].map((card) => card.getAttribute('data-testid'));
    expect(shown()).toEqual(declared);
    expect(within(screen.getByTestId('report-stage-totals')).getByText(model.dashboard[0]!.title.en)).toBeTruthy();
  });

  it('follows another declaration: other cards, another order, other titles', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${API}/reports/:name`, ({ request, params }) => {
        asked.push(`${params.name}${new URL(request.url).search}`);
        return HttpResponse.json(
          params.name === 'complaints-by-category' ? [{ category: 'delivery', label: 'Late delivery', count: 3 }] : [],
        );
      }),
    );
    const model = {
      ...testModel(),
      dashboard: [
        {
          report: 'complaints-by-category' as const,
          params: { filter: { status: 'received' } },
          title: { en: 'Open complaints', 'zh-CN': '待处理投诉' },
        },
        { report: 'stage-totals' as const, params: { resource: 'quotes' }, title: { en: 'Quotes by stage', 'zh-CN': '报价阶段' } },
      ],
    };
    renderInAdmin(<SalesDashboard model={model} />);
    const complaints = await screen.findByTestId('report-complaints-by-category');
    expect(within(complaints).getByText('Open complaints')).toBeTruthy();
    await waitFor(() => expect(within(complaints).getAllByText(/Late delivery/).length).toBeGreaterThan(0), { timeout: 5000 });
    const cards = [...document.querySelectorAll('[data-testid="sales-dashboard"] > .MuiCard-root')].map((card) =>
      card.getAttribute('data-testid'),
    );
    expect(cards).toEqual(['report-complaints-by-category', 'report-stage-totals']);
    await waitFor(() => expect(asked.filter((a) => a.startsWith('stage-totals?'))).toEqual(['stage-totals?resource=quotes']));
    expect(asked).toContain(`complaints-by-category?filter=${encodeURIComponent(JSON.stringify({ status: 'received' }))}`);
  });

  it('says a report the server lacks is not available, and counts nothing in the browser', async () => {
    const requests: Request[] = [];
    server.use(
      ...restHandlers(
        { opportunities: [{ id: 1, stage: 'won', owner_id: 1, expected_amount: 500 }], quotas: [], collections: [], complaints: [] },
        requests,
      ),
    );
    renderInAdmin(<SalesDashboard model={testModel()} />);
    for (const id of [
      'report-stage-totals',
      'report-quota-attainment',
      'report-overdue-collections',
      'report-complaints-by-category',
      'report-sales-by',
    ]) {
      const card = await screen.findByTestId(id);
      await waitFor(() => expect(within(card).getByText(/^Not available on this server/)).toBeTruthy(), { timeout: 5000 });
    }
    expect(requests.filter((r) => !r.path.startsWith('/reports/')).map((r) => r.path)).toEqual([]);
  });
});
