import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { RaRecord } from 'react-admin';
import { formatMoney } from '../../src/fields/format.js';
import { WorkflowBoard } from '../../src/workflow/WorkflowBoard.js';
import { createSalesDataProvider } from '../../src/data/index.js';
import { API, renderInAdmin, restHandlers, testDataProvider, testModel, type Db, type Request } from './support.js';
import { pipelineView } from '@ra-sales/schema';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function opportunities(): RaRecord[] {
  const rows: RaRecord[] = [];
  for (let i = 1; i <= 25; i++)
    rows.push({ id: i, name: `Deal ${i}`, pipeline: 'standard', stage: 'development', expected_amount: 1000, owner_id: 1, version: 1 });
  rows.push({ id: 100, name: 'Big proposal', pipeline: 'standard', stage: 'proposal', expected_amount: 250000, owner_id: 1, version: 3 });
  rows.push({ id: 101, name: 'Small proposal', pipeline: 'standard', stage: 'proposal', expected_amount: 50000, owner_id: 1, version: 1 });
  return rows;
}

function setup(extra: Parameters<typeof restHandlers>[2] = []) {
  const db: Db = { opportunities: opportunities(), salespeople: [{ id: 1, name: 'Li Lei' }] };
  const requests: Request[] = [];
  server.use(...restHandlers(db, requests, extra));
  renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />);
  return { db, requests };
}

const column = (stage: string) => document.querySelector(`[data-testid="board-column"][data-stage="${stage}"]`) as HTMLElement;
const card = (id: number) => document.querySelector(`[data-testid="board-card"][data-id="${id}"]`) as HTMLElement;

function drag(id: number, stage: string) {
  fireEvent.dragStart(card(id));
  fireEvent.dragOver(column(stage));
  fireEvent.drop(column(stage));
  fireEvent.dragEnd(card(id));
}

describe('WorkflowBoard', () => {
  it("shows one column per stage in schema order with counts and the amount sums of the server's stage-totals, 20 cards a column", async () => {
    // The server sums the stages: the board never adds up records itself.
    const totals = { development: { count: 25, amount: 25000 }, proposal: { count: 2, amount: 300000 } } as Record<
      string,
      { count: number; amount: number }
    >;
    setup([
      http.get(`${API}/reports/stage-totals`, () =>
        HttpResponse.json(
          testModel().entities.opportunities!.workflow!.stages.map((stage) => ({
            stage: stage.id,
            weighted: 0,
            ...(totals[stage.id] ?? { count: 0, amount: 0 }),
          })),
        ),
      ),
    ]);
    await screen.findByText('Deal 1');
    const stages = [...document.querySelectorAll('[data-testid="board-column"]')].map((el) => el.getAttribute('data-stage'));
    // The main pipeline's stages: the tabs choose another (test/workflow/pipelines.test.tsx).
    expect(stages).toEqual(pipelineView(testModel().entities.opportunities!.workflow!, 'standard').stages.map((stage) => stage.id));

    const development = column('development');
    expect(within(development).getByTestId('column-count').textContent).toBe('25');
    expect(within(development).getAllByTestId('board-card')).toHaveLength(20);
    await waitFor(() => expect(within(development).getByTestId('column-amount').textContent).toBe(formatMoney(25000, 'en')));
    expect(within(column('proposal')).getByTestId('column-amount').textContent).toBe(formatMoney(300000, 'en'));
    expect(within(column('proposal')).getByTestId('column-count').textContent).toBe('2');
    expect(within(column('won')).getByTestId('column-count').textContent).toBe('0');

    fireEvent.click(within(development).getByRole('button', { name: 'Load more (5)' }));
    await waitFor(() => expect(within(development).getAllByTestId('board-card')).toHaveLength(25));
  });

  it("says a column's count is about when only the list's estimated total is known", async () => {
    const db: Db = { opportunities: opportunities(), salespeople: [{ id: 1, name: 'Li Lei' }] };
    server.use(
      ...restHandlers(
        db,
        [],
        [
          http.get(`${API}/reports/stage-totals`, () => HttpResponse.json({ message: 'busy' }, { status: 503 })),
          http.get(`${API}/opportunities`, ({ request }) => {
            const stage = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}').stage;
            const rows = stage === 'development' ? opportunities().slice(0, 20) : [];
            const headers = {
              'Content-Range': `opportunities 0-19/${rows.length ? 1200 : 0}`,
              'X-Total-Count-Exact': String(!rows.length),
            };
            return HttpResponse.json(rows, { headers });
          }),
        ],
      ),
    );
    // The sales data provider passes X-Total-Count-Exact on as meta.totalExact.
    renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />, 'en', {
      ...testDataProvider(),
      getList: createSalesDataProvider(API).getList,
    });
    await waitFor(() => expect(within(column('development')).getByTestId('column-count').textContent).toBe('≈1,200'));
    expect(within(column('proposal')).getByTestId('column-count').textContent).toBe('0');
  });

  it('keeps the card in its column and lists the reasons when the server refuses the move', async () => {
    setup([
      http.put(`${API}/opportunities/:id`, () =>
        HttpResponse.json(
          { message: 'The key node of Customer development is not reached', errors: { budget: 'is required', competitors: 'is required' } },
          { status: 422 },
        ),
      ),
    ]);
    await screen.findByText('Deal 3');
    drag(3, 'initiation');
    const dialog = await screen.findByTestId('refusal-dialog');
    expect(within(dialog).getByText('The key node of Customer development is not reached')).toBeTruthy();
    // Each reason named by its field's label; the dialog also offers an input per missing field, labelled alike.
    expect([...dialog.querySelectorAll('li[data-field]')].map((item) => item.textContent)).toEqual([
      'Customer budgetis required',
      'Competitorsis required',
    ]);
    expect(within(column('development')).getByText('Deal 3')).toBeTruthy();
    expect(within(column('initiation')).queryByText('Deal 3')).toBeNull();
  });

  it('asks for the reason before moving to a lost stage, then sends it with the stage', async () => {
    const { requests } = setup();
    await screen.findByText('Big proposal');
    drag(100, 'lost');
    const dialog = await screen.findByTestId('text-prompt-dialog');
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'ok' } });
    expect(confirm.disabled).toBe(true); // the entry schema asks for 5 characters at least
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Price too high for the customer' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(within(column('lost')).getByText('Big proposal')).toBeTruthy());
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe('/opportunities/100');
    expect(put?.body).toMatchObject({ stage: 'lost', close_reason: 'Price too high for the customer', version: 3 });
    expect(within(column('proposal')).queryByText('Big proposal')).toBeNull();
  });

  it('does not offer a drop on a stage that is not a transition of the schema', async () => {
    const { requests } = setup();
    await screen.findByText('Deal 1');
    fireEvent.dragStart(card(1));
    expect(column('won').getAttribute('data-accepts')).toBe('false');
    expect(column('initiation').getAttribute('data-accepts')).toBe('true');
    fireEvent.drop(column('won'));
    fireEvent.dragEnd(card(1));
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('says an approval was requested when the server keeps the record in its stage', async () => {
    setup([
      http.put(`${API}/opportunities/:id`, async ({ request }) => {
        const body = (await request.json()) as RaRecord;
        return HttpResponse.json({ ...body, stage: 'proposal' });
      }),
    ]);
    await screen.findByText('Big proposal');
    drag(100, 'bidding');
    await screen.findByText('Approval requested before moving to Bidding');
    expect(within(column('proposal')).getByText('Big proposal')).toBeTruthy();
  });

  it('offers the allowed moves in a card menu, for keyboard and touch', async () => {
    const { requests } = setup();
    await screen.findByText('Deal 2');
    fireEvent.click(within(card(2)).getByTestId('card-move-menu'));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.getAttribute('data-stage'))).toEqual(['initiation', 'lost', 'abandoned']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to Project initiation' }));
    await waitFor(() => expect(within(column('initiation')).getByText('Deal 2')).toBeTruthy());
    expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ id: 2, stage: 'initiation' });
  });
});
