import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ApprovalsInbox } from '../../src/workflow/ApprovalsInbox.js';
import { API, renderInAdmin, restHandlers, testModel, type Db, type Request } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const approval = (id: number, role: string, status: string, extra: object = {}) => ({
  id,
  resource: 'opportunities',
  record_id: 7,
  from_stage: 'initiation',
  to_stage: 'proposal',
  role,
  status,
  label: { en: `Rule ${id}` },
  requested_by: 1,
  decided_by: null,
  comment: null,
  created_at: '2026-01-05T10:00:00Z',
  updated_at: `2026-01-0${id}T10:00:00Z`,
  ...extra,
});

function setup(roles: string[]) {
  const db: Db = {
    approvals: [
      approval(1, 'sales_manager', 'pending'),
      approval(2, 'general_manager', 'pending'),
      approval(3, 'sales_manager', 'approved', { decided_by: 2, comment: 'fine by me' }),
    ],
    opportunities: [{ id: 7, name: 'Harbour bridge sensors', stage: 'initiation' }],
    salespeople: [
      { id: 1, name: 'Li Lei' },
      { id: 2, name: 'Han Meimei' },
    ],
  };
  const requests: Request[] = [];
  server.use(...restHandlers(db, requests, [http.get(`${API}/me`, () => HttpResponse.json({ id: 2, roles, teamId: 1 }))]));
  renderInAdmin(<ApprovalsInbox model={testModel()} />);
  return { db, requests };
}

describe('ApprovalsInbox', () => {
  it('shows the pending approvals of my roles and the recently decided ones', async () => {
    setup(['sales_manager']);
    await waitFor(() => expect(screen.getAllByTestId('pending-approval')).toHaveLength(1));
    const row = screen.getByTestId('pending-approval');
    expect(row.getAttribute('data-id')).toBe('1');
    expect(within(row).getByText('Project initiation → Proposal')).toBeTruthy();
    expect(within(row).getByText('Sales manager')).toBeTruthy();
    const decided = await screen.findByTestId('decided-approval');
    expect(within(decided).getByText('fine by me')).toBeTruthy();
  });

  it('an administrator sees every pending approval', async () => {
    setup(['admin']);
    await waitFor(() => expect(screen.getAllByTestId('pending-approval')).toHaveLength(2));
  });

  it('approve sends PUT /approvals/:id with the status and the comment', async () => {
    const { requests, db } = setup(['sales_manager']);
    const row = await screen.findByTestId('pending-approval');
    fireEvent.click(within(row).getByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByTestId('text-prompt-dialog');
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Go ahead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')).toBeTruthy());
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/approvals/1');
    expect(put.body).toEqual({ status: 'approved', comment: 'Go ahead' });
    expect(db.approvals![0]!.status).toBe('approved');
    await waitFor(() => expect(screen.queryAllByTestId('pending-approval')).toHaveLength(0));
  });

  it('reject needs a comment', async () => {
    const { requests } = setup(['sales_manager']);
    const row = await screen.findByTestId('pending-approval');
    fireEvent.click(within(row).getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByTestId('text-prompt-dialog');
    const reject = within(dialog).getByRole('button', { name: 'Reject' }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Margin too low' } });
    fireEvent.click(reject);
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ status: 'rejected', comment: 'Margin too low' }));
  });
});
