/**
 * A workflow with several pipelines on screen: the board shows one at a time (a tab each, the
 * main one first), asking the server for that pipeline's records and totals only; a record's
 * stepper shows the stages of its own pipeline.
 */
import { pipelineView } from '@ra-sales/schema';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StageStepper } from '../../src/workflow/StageStepper.js';
import { WorkflowBoard } from '../../src/workflow/WorkflowBoard.js';
import { API, type Db, type Request, renderInAdmin, restHandlers, testModel } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const workflow = () => testModel().entities.opportunities!.workflow!;
const columns = () => [...document.querySelectorAll('[data-testid="board-column"]')].map((el) => el.getAttribute('data-stage'));

function setup() {
  const db: Db = {
    opportunities: [
      { id: 1, name: 'Plant MES', pipeline: 'standard', stage: 'development', expected_amount: 1000, owner_id: 1, version: 1 },
      {
        id: 2,
        name: 'Harbour tower',
        pipeline: 'major_account',
        stage: 'ma_customer_analysis',
        expected_amount: 9000,
        owner_id: 1,
        version: 1,
      },
    ],
    salespeople: [{ id: 1, name: 'Li Lei' }],
  };
  const requests: Request[] = [];
  const totalsAsked: unknown[] = [];
  server.use(
    ...restHandlers(db, requests, [
      http.get(`${API}/reports/stage-totals`, ({ request }) => {
        totalsAsked.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}'));
        return HttpResponse.json([]);
      }),
    ]),
  );
  return { db, requests, totalsAsked };
}

describe('pipelines', () => {
  it('the board shows the main pipeline first, another by its tab, each with its own records and totals', async () => {
    const { totalsAsked } = setup();
    renderInAdmin(<WorkflowBoard model={testModel()} resource="opportunities" />);
    await screen.findByText('Plant MES');
    expect(columns()).toEqual(pipelineView(workflow(), 'standard').stages.map((s) => s.id));
    expect(screen.queryByText('Harbour tower')).toBeNull();
    expect(totalsAsked).toContainEqual({ pipeline: 'standard' });

    fireEvent.click(screen.getByRole('tab', { name: 'Major account (six-step selling)' }));
    await screen.findByText('Harbour tower');
    expect(columns()).toEqual(pipelineView(workflow(), 'major_account').stages.map((s) => s.id));
    expect(screen.queryByText('Plant MES')).toBeNull();
    await waitFor(() => expect(totalsAsked).toContainEqual({ pipeline: 'major_account' }));
  });

  it("a record's stepper shows the stages of its own pipeline", async () => {
    setup();
    server.use(
      http.get(`${API}/opportunities/2/workflow`, () => HttpResponse.json({ stage: 'ma_customer_analysis', next: [], pending: [] })),
    );
    renderInAdmin(
      <StageStepper
        model={testModel()}
        resource="opportunities"
        record={{ id: 2, pipeline: 'major_account', stage: 'ma_customer_analysis', version: 1 }}
      />,
    );
    await screen.findByText('Customer analysis');
    expect(screen.queryByText('Customer development')).toBeNull();
  });
});
