/**
 * The refusal dialog asks for the fields a gate misses: "Save and move" saves them on the record
 * (its version sent) and asks for the move again; a second refusal shows its reasons in the same
 * dialog, and a move that passes closes it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { RaRecord } from 'react-admin';
import type { WorkflowInfo } from '../../src/workflow/api.js';
import { StageStepper } from '../../src/workflow/StageStepper.js';
import { API, renderInAdmin, testModel } from './support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const info: WorkflowInfo = {
  stage: 'development',
  next: [{ to: 'initiation', allowed: true, missing: [], approvalRoles: [] }],
  pending: [],
};

/** A server holding one opportunity whose move to `initiation` needs a budget and the competitors. */
function gateServer() {
  let stored: RaRecord = { id: 7, name: 'Harbour sensors', stage: 'development', customer_id: 1, version: 2 };
  const puts: Record<string, unknown>[] = [];
  server.use(
    http.get(`${API}/opportunities/7/workflow`, () => HttpResponse.json(info)),
    http.get(`${API}/opportunities/7/history`, () => HttpResponse.json([])),
    http.get(`${API}/approvals`, () => HttpResponse.json([], { headers: { 'Content-Range': 'approvals 0-0/0' } })),
    http.get(`${API}/me`, () => HttpResponse.json({ id: 1, roles: ['admin'], teamId: null, fullName: 'Admin' })),
    http.put(`${API}/opportunities/7`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      puts.push(body);
      if (body.version !== stored.version) return HttpResponse.json({ message: 'changed meanwhile' }, { status: 409 });
      const next = { ...stored, ...body };
      if (next.stage === 'initiation' && stored.stage !== 'initiation') {
        const missing = (['budget', 'competitors'] as const).filter((field) => next[field] == null || next[field] === '');
        if (missing.length)
          return HttpResponse.json(
            { message: 'The stage is not reached yet', errors: Object.fromEntries(missing.map((field) => [field, 'must be filled in'])) },
            { status: 422 },
          );
      }
      stored = { ...next, version: Number(stored.version) + 1 };
      return HttpResponse.json(stored);
    }),
  );
  return { puts, stored: () => stored };
}

describe('RefusalDialog with the missing fields', () => {
  it('saves the values, asks again, shows the second refusal, then moves', async () => {
    const { puts, stored } = gateServer();
    renderInAdmin(<StageStepper model={testModel()} resource="opportunities" record={stored()} />);
    fireEvent.click(await screen.findByTestId('move-initiation'));
    const dialog = await screen.findByTestId('refusal-dialog');
    const form = await within(dialog).findByTestId('fields-dialog-form');
    // One input per missing field, labelled as on the form, the gate's reason beside it.
    expect([...dialog.querySelectorAll('[data-field]')].map((item) => item.getAttribute('data-field'))).toEqual(['budget', 'competitors']);
    expect(within(form).getByLabelText(/Competitors/)).toBeTruthy();
    expect(form.querySelector('input[name="budget"]')).toBeTruthy();
    expect(within(dialog).getAllByText('must be filled in')).toHaveLength(2);

    fireEvent.change(within(form).getByLabelText(/Competitors/), { target: { value: 'Two integrators' } });
    fireEvent.click(within(dialog).getByTestId('fields-dialog-submit'));
    // Saved with the record's version, the move asked again and refused for the budget alone.
    await waitFor(() =>
      expect([...screen.getByTestId('refusal-dialog').querySelectorAll('[data-field]')].map((i) => i.getAttribute('data-field'))).toEqual([
        'budget',
      ]),
    );
    expect(puts[1]).toMatchObject({ stage: 'development', competitors: 'Two integrators', version: 2 });
    expect(puts[2]).toMatchObject({ stage: 'initiation', version: 3 });
    expect(stored()).toMatchObject({ competitors: 'Two integrators', stage: 'development', version: 3 });

    const budget = screen.getByTestId('refusal-dialog').querySelector('input[name="budget"]') as HTMLInputElement;
    fireEvent.change(budget, { target: { value: '560000' } });
    fireEvent.blur(budget);
    fireEvent.click(within(screen.getByTestId('refusal-dialog')).getByTestId('fields-dialog-submit'));
    await waitFor(() => expect(stored()).toMatchObject({ stage: 'initiation', budget: 560000, version: 5 }));
    expect(puts.at(-2)).toMatchObject({ budget: 560000, version: 3 });
    await waitFor(() => expect(screen.queryByTestId('refusal-dialog')).toBeNull());
  });

  it('without a fillable field, the dialog only says why', async () => {
    gateServer();
    server.use(
      http.put(`${API}/opportunities/7`, () =>
        HttpResponse.json(
          { message: 'Approval pending', errors: { root: { serverError: 'A manager must approve first' } } },
          { status: 422 },
        ),
      ),
    );
    renderInAdmin(<StageStepper model={testModel()} resource="opportunities" record={{ id: 7, stage: 'development', version: 2 }} />);
    fireEvent.click(await screen.findByTestId('move-initiation'));
    const dialog = await screen.findByTestId('refusal-dialog');
    expect(within(dialog).getByText('A manager must approve first')).toBeTruthy();
    expect(within(dialog).queryByTestId('fields-dialog-form')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('refusal-dialog')).toBeNull());
  });
});
