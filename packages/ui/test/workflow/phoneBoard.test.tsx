/** The board on a phone: one stage column at a time, chosen by tabs (with counts and amounts) or a swipe; cards move through their menu. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { RaRecord } from 'react-admin';
import { pipelineView } from '@ra-sales/schema';
import { formatCompactMoney } from '../../src/fields/format.js';
import { WorkflowBoard } from '../../src/workflow/WorkflowBoard.js';
import { onPhone } from '../support/phone.js';
import { API, renderInAdmin, restHandlers, testModel, type Db, type Request } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  // The stage shown is kept in the address, which outlives a test.
  window.history.replaceState(null, '', '/');
});
afterAll(() => server.close());
onPhone();

const workflow = () => testModel().entities.opportunities!.workflow!;

function setup() {
  const rows: RaRecord[] = [
    { id: 1, name: 'Early deal', pipeline: 'standard', stage: 'development', expected_amount: 1000, owner_id: 1, version: 1 },
    { id: 2, name: 'Second early deal', pipeline: 'standard', stage: 'development', expected_amount: 2000, owner_id: 1, version: 1 },
    { id: 3, name: 'Started project', pipeline: 'standard', stage: 'initiation', expected_amount: 250000, owner_id: 1, version: 2 },
  ];
  const db: Db = { opportunities: rows, salespeople: [{ id: 1, name: 'Li Lei' }] };
  const requests: Request[] = [];
  const totals = (stage: string) => {
    const inStage = rows.filter((row) => row.stage === stage);
    return { stage, count: inStage.length, amount: inStage.reduce((sum, row) => sum + Number(row.expected_amount), 0), weighted: 0 };
  };
  server.use(
    ...restHandlers(db, requests, [
      http.get(`${API}/reports/stage-totals`, () => HttpResponse.json(workflow().stages.map((stage) => totals(stage.id)))),
    ]),
  );
  renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />);
  return { requests };
}

const columns = () => [...document.querySelectorAll('[data-testid="board-column"]')] as HTMLElement[];
const tab = (stage: string) => document.querySelector(`[data-testid="board-stage-tabs"] [data-stage="${stage}"]`) as HTMLElement;

function swipe(element: HTMLElement, dx: number) {
  fireEvent.touchStart(element, { touches: [{ clientX: 200, clientY: 300 }] });
  fireEvent.touchEnd(element, { changedTouches: [{ clientX: 200 + dx, clientY: 310 }] });
}

describe('WorkflowBoard on a phone', () => {
  it('shows one column, the first stage, and a tab per stage of the pipeline with its count and amount', async () => {
    setup();
    await screen.findByText('Early deal');
    expect(columns().map((column) => column.dataset.stage)).toEqual(['development']);
    const stages = pipelineView(workflow(), 'standard').stages.map((stage) => stage.id);
    const tabs = [...document.querySelectorAll('[data-testid="board-stage-tabs"] [role="tab"]')];
    expect(tabs.map((t) => t.getAttribute('data-stage'))).toEqual(stages);
    expect(tab('development').getAttribute('aria-selected')).toBe('true');
    await waitFor(() =>
      expect(within(tab('development')).getByTestId('stage-tab-total').textContent).toBe(`2 · ${formatCompactMoney(3000, 'en')}`),
    );
    expect(within(tab('initiation')).getByTestId('stage-tab-total').textContent).toBe(`1 · ${formatCompactMoney(250000, 'en')}`);
  });

  it('switches the column by its tab and by a swipe', async () => {
    setup();
    await screen.findByText('Early deal');
    fireEvent.click(tab('initiation'));
    await screen.findByText('Started project');
    expect(columns().map((column) => column.dataset.stage)).toEqual(['initiation']);
    expect(screen.queryByText('Early deal')).toBeNull();

    // Swiping left shows the next stage, right the one before; a vertical drag does nothing.
    swipe(columns()[0]!, -120);
    await waitFor(() => expect(columns().map((column) => column.dataset.stage)).toEqual(['proposal']));
    expect(tab('proposal').getAttribute('aria-selected')).toBe('true');
    fireEvent.touchStart(columns()[0]!, { touches: [{ clientX: 200, clientY: 100 }] });
    fireEvent.touchEnd(columns()[0]!, { changedTouches: [{ clientX: 120, clientY: 400 }] });
    swipe(columns()[0]!, 120);
    await waitFor(() => expect(columns().map((column) => column.dataset.stage)).toEqual(['initiation']));
  });

  it('moves a card through its menu, then the card leaves the column shown', async () => {
    const { requests } = setup();
    await screen.findByText('Second early deal');
    const card = document.querySelector('[data-testid="board-card"][data-id="2"]') as HTMLElement;
    fireEvent.click(within(card).getByTestId('card-move-menu'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Move to Project initiation' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ id: 2, stage: 'initiation' }));
    await waitFor(() => expect(screen.queryByText('Second early deal')).toBeNull());
    fireEvent.click(tab('initiation'));
    await screen.findByText('Second early deal');
  });
});
