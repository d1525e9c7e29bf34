/** The stage stepper on a phone: the current stage and how far along, the next step as a button, the other moves in a menu. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { WorkflowInfo } from '../../src/workflow/api.js';
import { StageStepper } from '../../src/workflow/StageStepper.js';
import { onPhone } from '../support/phone.js';
import { API, renderInAdmin, restHandlers, testModel, type Db, type Request } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
onPhone();

const record = { id: 7, name: 'Harbour bridge sensors', stage: 'initiation', version: 2 };
const info: WorkflowInfo = {
  stage: 'initiation',
  next: [
    { to: 'development', allowed: true, missing: [], approvalRoles: [] },
    { to: 'proposal', allowed: true, missing: [], approvalRoles: [] },
    { to: 'lost', allowed: true, missing: [], approvalRoles: [] },
  ],
  pending: [],
};

function setup() {
  const db: Db = { opportunities: [{ ...record }], history: [], salespeople: [] };
  const requests: Request[] = [];
  server.use(...restHandlers(db, requests, [http.get(`${API}/opportunities/7/workflow`, () => HttpResponse.json(info))]));
  renderInAdmin(<StageStepper model={testModel()} resource="opportunities" record={record} />);
  return { requests };
}

describe('StageStepper on a phone', () => {
  it('shows the current stage with its place among the open stages instead of every step', async () => {
    setup();
    const compact = await screen.findByTestId('compact-stages');
    expect(within(compact).getByTestId('current-stage').textContent).toBe('Project initiation');
    expect(within(compact).getByText('Stage 2 of 6')).toBeTruthy();
    expect(screen.queryByText('Implementation')).toBeNull();
    expect(document.querySelector('.MuiStepper-root')).toBeNull();
  });

  it('offers the forward move as a button and the others in a menu, which moves the record', async () => {
    const { requests } = setup();
    expect((await screen.findByTestId('move-proposal')).textContent).toBe('Move to Proposal');
    expect(screen.queryByTestId('move-development')).toBeNull();
    fireEvent.click(screen.getByTestId('stage-moves-menu'));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(['Back to Customer development', 'Move to Lost']);
    fireEvent.click(items[0]!);
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ id: 7, stage: 'development' }));
  });
});
