/** The dashboard cards of the stage figures: weighted pipeline, forecast against quota, overdue in stage. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AdminContext } from 'react-admin';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { formatMoney } from '../../src/fields/format.js';
import { StageSlaTable, overdueListPath } from '../../src/dashboard/StageFigureCards.js';
import { SalesDashboard } from '../../src/dashboard/SalesDashboard.js';
import { API, renderInAdmin, testModel } from '../workflow/support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('dashboard cards', () => {
  it('show the weighted pipeline, forecast against quota for the period, and the overdue counts linking to the list', async () => {
    const asked: string[] = [];
    const answers: Record<string, unknown> = {
      'stage-totals': [
        { stage: 'proposal', count: 2, amount: 300_000, weighted: 105_000 },
        { stage: 'negotiation', count: 1, amount: 500_000, weighted: 400_000 },
        { stage: 'won', count: 1, amount: 70_000, weighted: 70_000 },
      ],
      'forecast-vs-quota': [
        {
          salesperson_id: 7,
          salesperson_name: 'Wang Fang',
          quota: 1_000_000,
          won: 200_000,
          commit: 300_000,
          best_case: 100_000,
          pipeline: 50_000,
        },
      ],
      'stage-sla': [
        { resource: 'complaints', stage: 'received', sla_days: 1, count: 2, in_stage: 5, max_days: 4 },
        { resource: 'quotes', stage: 'review', sla_days: 2, count: 0, in_stage: 1, max_days: null },
      ],
    };
    server.use(
      http.get(`${API}/reports/:name`, ({ request, params }) => {
        asked.push(`${params.name}${new URL(request.url).search}`);
        return HttpResponse.json(answers[String(params.name)] ?? []);
      }),
    );
    const title = { en: 'Card' };
    const model = {
      ...testModel(),
      dashboard: [
        { report: 'stage-totals' as const, chart: 'weighted', params: { resource: 'opportunities' }, title },
        { report: 'forecast-vs-quota' as const, params: {}, title },
        { report: 'stage-sla' as const, params: {}, title },
      ],
    };
    renderInAdmin(<SalesDashboard model={model} defaultPeriod="last_year" />);

    const weighted = await screen.findByTestId('weighted-pipeline');
    // Open stages only: the won amount is no pipeline.
    expect(within(weighted).getByTestId('weighted-pipeline-total').textContent).toBe(formatMoney(505_000, 'en'));
    expect(within(weighted).getByText('40 %')).toBeTruthy();

    const forecast = await screen.findByTestId('forecast-vs-quota');
    expect(within(forecast).getByText('Wang Fang')).toBeTruthy();
    expect(within(forecast).getByText(`${formatMoney(300_000, 'en')} (50%)`)).toBeTruthy();
    const lastYear = new Date().getFullYear() - 1;
    expect(asked).toContain(`forecast-vs-quota?from=${lastYear}-01-01&to=${lastYear}-12-31`);

    const sla = await screen.findByTestId('stage-sla');
    const rows = within(sla).getAllByTestId('stage-sla-row');
    expect(rows.map((row) => row.getAttribute('data-overdue'))).toEqual(['2', '0']);
    const link = within(rows[0]!).getByRole('link');
    expect(link.getAttribute('href')).toContain(encodeURIComponent(JSON.stringify({ stage_overdue: true, status: 'received' })));
    expect(overdueListPath({ resource: 'complaints', stage: 'received' }, 'status')).toBe(
      `/complaints?filter=${encodeURIComponent('{"stage_overdue":true,"status":"received"}')}`,
    );
    expect(rows[0]!.textContent).toContain('Complaints');
  });

  it('links the overdue count inside the admin when the host mounts it under a basename', () => {
    render(
      <MemoryRouter initialEntries={['/admin']}>
        <AdminContext basename="/admin">
          <StageSlaTable
            rows={[{ resource: 'complaints', stage: 'received', sla_days: 1, count: 2, in_stage: 5, max_days: 4 }]}
            model={testModel()}
            locale="en"
          />
        </AdminContext>
      </MemoryRouter>,
    );
    const link = within(screen.getByTestId('stage-sla-row')).getByRole('link');
    expect(link.getAttribute('href')).toBe(`/admin/complaints?filter=${encodeURIComponent('{"stage_overdue":true,"status":"received"}')}`);
  });
});
