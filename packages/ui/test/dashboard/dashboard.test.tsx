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
  // First: a report found missing (404) is remembered for the session, and the next test makes them all missing.
  it('draws the server reports for the chosen period, salespeople named on the quota axis', async () => {
    const asked: string[] = [];
    const answers: Record<string, unknown> = {
      'stage-totals': [],
      'overdue-collections': [],
      'complaints-by-category': [],
      'quota-attainment': [{ salesperson_id: 7, salesperson_name: 'Wang Fang', quota: 1000, won: 400, count: 1 }],
      'sales-by': [{ key: 3, label: 'East China', amount: 1850, count: 4 }, { key: null, label: null, amount: 50, count: 1 }],
      'plan-vs-actual': [{ plan_id: 1, name: 'North March', plan_type: 'monthly', period: '2021-03', team_id: 1, team_name: 'North', owner_id: null, owner_name: null, target: 2000, actual: 1300, count: 2 }],
      'forecast-accuracy': [{ salesperson_id: 7, salesperson_name: 'Wang Fang', period: '2021-03', forecasts: 2, forecast: 800, actual: 1000, error: -200, accuracy: 0.8 }],
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
      ...restHandlers({ opportunities: [], quotas: [], collections: [], complaints: [], salespeople: [] }),
    );
    renderInAdmin(<SalesDashboard model={testModel()} defaultPeriod="last_year" />);
    const quota = await screen.findByTestId('report-quota');
    await waitFor(() => expect(within(quota).getAllByText('Wang Fang').length).toBeGreaterThan(0), { timeout: 5000 });
    const salesBy = screen.getByTestId('report-sales-by');
    await waitFor(() => expect(within(salesBy).getAllByText('East China').length).toBeGreaterThan(0), { timeout: 5000 });
    expect(within(salesBy).getAllByText('Unassigned').length).toBeGreaterThan(0);
    const forecast = screen.getByTestId('report-forecast-accuracy');
    await waitFor(() => expect(within(forecast).getByText('80%')).toBeTruthy(), { timeout: 5000 });
    const expenses = screen.getByTestId('report-expense-ratio');
    expect(within(expenses).getByText('Total')).toBeTruthy();
    const satisfaction = screen.getByTestId('report-satisfaction');
    await waitFor(() => expect(within(satisfaction).getAllByText('Zhao Lei').length).toBeGreaterThan(0), { timeout: 5000 });
    const lastYear = new Date().getFullYear() - 1;
    const range = `from=${lastYear}-01-01&to=${lastYear}-12-31`;
    expect(asked).toContain(`sales-by?by=salesperson&${range}`);
    expect(asked).toContain(`quota-attainment?${range}`);
    for (const name of ['plan-vs-actual', 'forecast-accuracy', 'expense-ratio', 'satisfaction-by-engineer']) expect(asked).toContain(`${name}?${range}`);
    // Another dimension asks again.
    fireEvent.click(within(salesBy).getByRole('button', { name: 'Region' }));
    await waitFor(() => expect(asked).toContain(`sales-by?by=region&${range}`));
  });

  it('renders the four reports from the browser fallback when the server lacks them; the server-only reports say they are not available', async () => {
    const requests: Request[] = [];
    server.use(
      ...restHandlers(
        {
          opportunities: [{ id: 1, stage: 'won', owner_id: 1, expected_amount: 500 }],
          quotas: [{ id: 1, salesperson_id: 1, target_amount: 1000 }],
          collections: [{ id: 1, status: 'overdue', expected_date: '2020-01-01', amount: 10, received_amount: 0 }],
          complaints: [{ id: 1, category: 'delivery' }],
          salespeople: [{ id: 1, name: 'Li Lei' }],
        },
        requests,
      ),
    );
    renderInAdmin(<SalesDashboard model={testModel()} />);
    for (const id of ['report-funnel', 'report-quota', 'report-overdue', 'report-complaints']) {
      const card = await screen.findByTestId(id);
      await waitFor(() => expect(card.querySelector('[role="progressbar"]')).toBeNull());
      expect(within(card).queryByRole('alert')).toBeNull();
    }
    for (const id of ['report-sales-by', 'report-plan-vs-actual', 'report-forecast-accuracy', 'report-expense-ratio', 'report-satisfaction']) {
      const card = await screen.findByTestId(id);
      await waitFor(() => expect(within(card).getByText(/^Not available on this server/)).toBeTruthy(), { timeout: 5000 });
    }
    const reportCalls = requests.filter((r) => r.path.startsWith('/reports/')).map((r) => r.path);
    expect(reportCalls).toEqual(expect.arrayContaining([
      '/reports/complaints-by-category', '/reports/expense-ratio', '/reports/forecast-accuracy', '/reports/overdue-collections',
      '/reports/plan-vs-actual', '/reports/quota-attainment', '/reports/sales-by', '/reports/satisfaction-by-engineer', '/reports/stage-totals',
    ]));
  });

  it('says which resource is missing from the model', async () => {
    server.use(...restHandlers({ opportunities: [], complaints: [], collections: [], quotas: [] }));
    renderInAdmin(<SalesDashboard model={testModel()} config={{ complaints: { resource: 'grievances', category: 'kind' } }} />);
    expect(await screen.findByText('Not available: the resource "grievances" is not in the model')).toBeTruthy();
  });
});
