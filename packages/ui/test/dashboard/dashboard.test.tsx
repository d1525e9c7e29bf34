import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { SalesDashboard } from '../../src/dashboard/SalesDashboard.js';
import { renderInAdmin, restHandlers, testModel, type Request } from '../workflow/support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('SalesDashboard', () => {
  it('renders the four reports from the browser fallback', async () => {
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
    const reportCalls = requests.filter((r) => r.path.startsWith('/reports/')).map((r) => r.path).sort();
    expect(reportCalls).toEqual(['/reports/complaints-by-category', '/reports/overdue-collections', '/reports/quota-attainment', '/reports/stage-totals']);
  });

  it('says which resource is missing from the model', async () => {
    server.use(...restHandlers({ opportunities: [], complaints: [], collections: [], quotas: [] }));
    renderInAdmin(<SalesDashboard model={testModel()} config={{ complaints: { resource: 'grievances', category: 'kind' } }} />);
    expect(await screen.findByText('Not available: the resource "grievances" is not in the model')).toBeTruthy();
  });
});
