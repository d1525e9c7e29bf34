import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { WorkflowInfo } from '../../src/workflow/api.js';
import { StageHistory } from '../../src/workflow/StageHistory.js';
import { StageStepper } from '../../src/workflow/StageStepper.js';
import { API, renderInAdmin, restHandlers, testModel, type Db, type Request } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const record = { id: 7, name: 'Harbour bridge sensors', stage: 'development', need: 'Monitoring', version: 2 };

const info: WorkflowInfo = {
  stage: 'development',
  next: [
    {
      to: 'initiation',
      allowed: false,
      missing: [
        { field: 'budget', label: { en: 'Customer budget', 'zh-CN': '客户预算' }, message: 'must be filled in' },
        { field: 'competitors', label: 'Competitors', message: 'must be filled in' },
      ],
      approvalRoles: [],
    },
    { to: 'lost', allowed: true, missing: [], approvalRoles: [] },
    { to: 'abandoned', allowed: true, missing: [], approvalRoles: [] },
  ],
  pending: [
    {
      id: 3,
      resource: 'opportunities',
      record_id: 7,
      from_stage: 'initiation',
      to_stage: 'proposal',
      role: 'sales_manager',
      rule_index: 0,
      status: 'pending',
      label: { en: 'Pre-sales initiation approval' },
    },
  ],
};

function setup() {
  const db: Db = {
    opportunities: [{ ...record }],
    history: [
      {
        id: 1,
        resource: 'opportunities',
        record_id: 7,
        from_stage: null,
        to_stage: 'development',
        user_id: 1,
        comment: null,
        created_at: '2026-01-02T10:00:00Z',
      },
      {
        id: 2,
        resource: 'opportunities',
        record_id: 7,
        from_stage: 'development',
        to_stage: 'initiation',
        user_id: 1,
        comment: 'budget confirmed',
        created_at: '2026-01-05T10:00:00Z',
      },
      {
        id: 3,
        resource: 'opportunities',
        record_id: 8,
        from_stage: 'development',
        to_stage: 'lost',
        user_id: 1,
        comment: 'other record',
        created_at: '2026-01-06T10:00:00Z',
      },
    ],
    salespeople: [{ id: 1, name: 'Li Lei' }],
  };
  const requests: Request[] = [];
  server.use(...restHandlers(db, requests, [http.get(`${API}/opportunities/7/workflow`, () => HttpResponse.json(info))]));
  return { db, requests };
}

describe('StageStepper', () => {
  it('shows the open stages, the gate checklist from the workflow endpoint, the moves and pending approvals', async () => {
    setup();
    renderInAdmin(<StageStepper model={testModel()} resource="opportunities" record={record} />);
    const checklist = await screen.findByTestId('gate-checklist');
    const items = [...checklist.querySelectorAll('[data-field]')];
    expect(items.map((item) => item.getAttribute('data-field'))).toEqual([
      'need',
      'budget',
      'expected_sign_date',
      'competitors',
      'decision_process',
    ]);
    const done = Object.fromEntries(items.map((item) => [item.getAttribute('data-field'), item.getAttribute('data-done')]));
    expect(done).toMatchObject({ need: 'true', budget: 'false', competitors: 'false' });
    expect(within(checklist).getAllByText('must be filled in')).toHaveLength(2);

    for (const label of ['Customer development', 'Project initiation', 'Proposal', 'Implementation'])
      expect(screen.getByText(label)).toBeTruthy();
    expect(screen.getByTestId('move-initiation').textContent).toBe('Move to Project initiation');
    expect(screen.getByTestId('move-lost').textContent).toBe('Move to Lost');
    expect(
      within(screen.getByTestId('pending-approvals')).getByText(/Pre-sales initiation approval · Awaiting Sales manager/),
    ).toBeTruthy();
  });

  it('asks the reason when abandoning from the stepper', async () => {
    const { requests } = setup();
    renderInAdmin(<StageStepper model={testModel()} resource="opportunities" record={record} />);
    fireEvent.click(await screen.findByTestId('move-abandoned'));
    const dialog = await screen.findByTestId('text-prompt-dialog');
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Customer froze the budget' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    await waitFor(() =>
      expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({
        stage: 'abandoned',
        close_reason: 'Customer froze the budget',
      }),
    );
  });
});

describe('StageHistory', () => {
  it('lists the record’s stage changes, newest first', async () => {
    const { requests } = setup();
    renderInAdmin(<StageHistory model={testModel()} resource="opportunities" record={record} />);
    await screen.findByText('Customer development → Project initiation');
    const rows = screen.getAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('budget confirmed');
    expect(rows[1]!.textContent).toContain('Created in Customer development');
    const list = requests.find((r) => r.path === '/history');
    expect(list).toBeTruthy();
  });
});
