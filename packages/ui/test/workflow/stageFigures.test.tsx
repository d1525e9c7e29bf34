/**
 * Stage figures on screen: the board column's weighted amount (from the server's stage-totals
 * only), the overdue-in-stage mark on the board card and in the list's
 * stage column (the dashboard cards: test/dashboard/stageFigureCards.test.tsx).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { RaRecord } from 'react-admin';
import { formatMoney } from '../../src/fields/format.js';
import { EntityList } from '../../src/resources/EntityList.js';
import { WorkflowBoard } from '../../src/workflow/WorkflowBoard.js';
import { stageOverdue } from '../../src/workflow/StageSlaMark.js';
import type { WorkflowEntity } from '../../src/workflow/model.js';
import { API, renderInAdmin, restHandlers, testModel, type Request } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const column = (stage: string) => document.querySelector(`[data-testid="board-column"][data-stage="${stage}"]`) as HTMLElement;
const opportunities = () => testModel().entities.opportunities as WorkflowEntity;
const complaints = () => testModel().entities.complaints as WorkflowEntity;

function deals(): RaRecord[] {
  return [
    {
      id: 1,
      name: 'Plant MES',
      pipeline: 'standard',
      stage: 'proposal',
      expected_amount: 200_000,
      probability: 40,
      owner_id: 1,
      version: 1,
    },
    // Probability edited within the stage: it counts as edited.
    {
      id: 2,
      name: 'Warehouse WMS',
      pipeline: 'standard',
      stage: 'proposal',
      expected_amount: 100_000,
      probability: 25,
      owner_id: 1,
      version: 1,
    },
    // No probability on the record: the stage's 80 %.
    {
      id: 3,
      name: 'HQ ERP',
      pipeline: 'standard',
      stage: 'negotiation',
      expected_amount: 500_000,
      probability: null,
      owner_id: 1,
      version: 1,
    },
  ];
}

describe('weighted amounts', () => {
  // First: the report answered by the server (a 404 would be remembered for the rest of the file).
  it('shows each board column its weighted amount beside its total, as the server sums them', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${API}/reports/stage-totals`, ({ request }) => {
        asked.push(new URL(request.url).search);
        return HttpResponse.json(
          opportunities().workflow.stages.map((stage) =>
            stage.id === 'proposal'
              ? { stage: 'proposal', count: 2, amount: 300_000, weighted: 105_000 }
              : { stage: stage.id, count: 0, amount: 0, weighted: 0 },
          ),
        );
      }),
      ...restHandlers({ opportunities: deals(), salespeople: [{ id: 1, name: 'Li Lei' }] }),
    );
    renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />);
    await screen.findByText('Plant MES');
    await waitFor(() =>
      expect(within(column('proposal')).getByTestId('column-weighted').textContent).toBe(`weighted ${formatMoney(105_000, 'en')}`),
    );
    expect(within(column('proposal')).getByTestId('column-amount').textContent).toBe(formatMoney(300_000, 'en'));
    expect(within(column('won')).getByTestId('column-weighted').textContent).toBe(`weighted ${formatMoney(0, 'en')}`);
    expect(asked).toHaveLength(1);
  });

  it('shows no totals while the server lacks the report (the browser counts nothing), and no weighted amount without probabilities', async () => {
    const requests: Request[] = [];
    server.use(...restHandlers({ opportunities: deals(), salespeople: [{ id: 1, name: 'Li Lei' }] }, requests));
    const view = renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />);
    await screen.findByText('HQ ERP');
    await waitFor(() => expect(requests.some((r) => r.path.startsWith('/reports/stage-totals'))).toBe(true));
    await waitFor(() => expect(within(column('proposal')).getByTestId('column-amount').textContent).toBe('—'));
    expect(document.querySelector('[data-testid="column-weighted"]')).toBeNull();
    // The cards' own list reads are the only getList calls: one page per column, no paging through every record.
    expect(requests.filter((r) => r.method === 'GET' && r.path.startsWith('/opportunities')).length).toBeLessThanOrEqual(
      opportunities().workflow.stages.length,
    );
    view.unmount();

    const quoteStages = (testModel().entities.quotes as WorkflowEntity).workflow.stages;
    server.use(
      http.get(`${API}/reports/stage-totals`, () =>
        HttpResponse.json(
          quoteStages.map((stage) => ({
            stage: stage.id,
            count: stage.id === 'draft' ? 1 : 0,
            amount: stage.id === 'draft' ? 1000 : 0,
            weighted: null,
          })),
        ),
      ),
      ...restHandlers({ quotes: [{ id: 1, quote_number: 'BJ-1', status: 'draft', total: 1000, version: 1 }], salespeople: [] }),
    );
    renderInAdmin(<WorkflowBoard model={testModel()} resource="quotes" />);
    await screen.findByText('BJ-1');
    await waitFor(() => expect(within(column('draft')).getByTestId('column-amount').textContent).toBe(formatMoney(1000, 'en')));
    expect(document.querySelector('[data-testid="column-weighted"]')).toBeNull();
  });
});

describe('overdue in stage', () => {
  function complaintRows(): RaRecord[] {
    return [
      {
        id: 1,
        subject: 'Late delivery',
        status: 'received',
        stage_entered_at: daysAgo(3.5),
        owner_id: 1,
        customer_id: 1,
        channel: 'phone',
        version: 1,
      },
      {
        id: 2,
        subject: 'Wrong invoice',
        status: 'received',
        stage_entered_at: daysAgo(0.5),
        owner_id: 1,
        customer_id: 1,
        channel: 'email',
        version: 1,
      },
      // investigating has no time limit.
      {
        id: 3,
        subject: 'Broken part',
        status: 'investigating',
        stage_entered_at: daysAgo(40),
        owner_id: 1,
        customer_id: 1,
        channel: 'visit',
        version: 1,
      },
    ];
  }

  it('is past the stage limit as the server counts it: entered + sla_days < now', () => {
    const { workflow } = complaints();
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(stageOverdue(workflow, { id: 1, status: 'received', stage_entered_at: '2026-03-07T00:00:00Z' }, now)).toEqual({
      days: 3,
      limit: 1,
    });
    expect(stageOverdue(workflow, { id: 1, status: 'received', stage_entered_at: '2026-03-09T13:00:00Z' }, now)).toBeUndefined();
    expect(stageOverdue(workflow, { id: 1, status: 'investigating', stage_entered_at: '2020-01-01T00:00:00Z' }, now)).toBeUndefined();
    expect(stageOverdue(workflow, { id: 1, status: 'received' }, now)).toBeUndefined();
  });

  it('marks the board card of a record past its limit, saying for how long and the limit', async () => {
    server.use(...restHandlers({ complaints: complaintRows(), salespeople: [{ id: 1, name: 'Li Lei' }], customers: [] }));
    renderInAdmin(<WorkflowBoard model={testModel()} resource="complaints" />);
    await screen.findByText('Late delivery');
    const late = document.querySelector('[data-testid="board-card"][data-id="1"]') as HTMLElement;
    const mark = within(late).getByTestId('stage-sla-mark');
    expect(mark.textContent).toBe('3 d');
    expect(mark.getAttribute('aria-label')).toBe('In stage for 3 days, limit 1');
    fireEvent.mouseOver(mark);
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', 'In stage for 3 days, limit 1');
    for (const id of [2, 3]) {
      const card = document.querySelector(`[data-testid="board-card"][data-id="${id}"]`) as HTMLElement;
      expect(within(card).queryByTestId('stage-sla-mark')).toBeNull();
    }
  });

  it('marks the stage column of the list, in Chinese too, and offers the overdue filter', async () => {
    const requests: Request[] = [];
    server.use(
      ...restHandlers(
        { complaints: complaintRows(), salespeople: [{ id: 1, name: 'Li Lei' }], customers: [{ id: 1, name: 'Acme' }] },
        requests,
      ),
    );
    const view = renderInAdmin(<EntityList model={testModel()} resource="complaints" />);
    await screen.findByText('Late delivery');
    const marks = screen.getAllByTestId('stage-sla-mark');
    expect(marks).toHaveLength(1);
    expect(marks[0]!.closest('tr')!.textContent).toContain('Late delivery');
    expect(marks[0]!.getAttribute('aria-label')).toBe('In stage for 3 days, limit 1');
    fireEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    expect(await screen.findByRole('menuitemcheckbox', { name: 'Overdue in stage' })).toBeTruthy();
    view.unmount();

    renderInAdmin(<EntityList model={testModel()} resource="complaints" />, 'zh-CN');
    await screen.findByText('Late delivery');
    expect(screen.getByTestId('stage-sla-mark').getAttribute('aria-label')).toBe('已在本阶段 3 天，时限 1 天');
  });
});
