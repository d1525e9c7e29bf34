/**
 * Stage locks and approval freezes on the screens, in a real `<Admin>` against the mocked API: the
 * banner, hidden Edit/Delete, reversals with a reason, the lock's exception fields, frozen fields.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { RaRecord } from 'react-admin';
import { WorkflowBoard } from '../../src/workflow/WorkflowBoard.js';
import { dealRecord, fixtureModel, users } from './fixture.js';
import { dealIn, helperOf, openEditForm, putsIn } from './ruleForms.js';
import { API, apiHandlers, freshDb, mockApi, renderApp, renderInContext } from './support.js';

/** `GET /deals/1/workflow` offering the move back to Open. */
const backToOpen = http.get(`${API}/deals/1/workflow`, () =>
  HttpResponse.json({ stage: 'won', next: [{ to: 'open', allowed: true, missing: [], approvalRoles: [] }], pending: [] }),
);

const { server, seen } = mockApi();
const puts = () => putsIn(seen);

describe('stage locks', () => {
  it('shows the banner on a locked record and no Edit / Delete, even to an admin', async () => {
    server.use(...apiHandlers(dealIn('won'), seen, [backToOpen]));
    renderApp('/deals/1/show');
    const banner = await screen.findByTestId('lock-banner');
    expect(banner.textContent).toBe(
      'This record is locked in stage Won. Only Sales manager or Administrator can move it out of this stage, giving a reason.',
    );
    await screen.findByTestId('move-open');
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('offers Edit and Delete on the same record before it is locked', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1/show');
    await screen.findByRole('link', { name: 'Edit' });
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(screen.queryByTestId('lock-banner')).toBeNull();
  });

  it('lets a reversal role move the record out, asking the reason, sent as _comment', async () => {
    server.use(...apiHandlers(dealIn('won'), seen, [backToOpen], { user: users.manager }));
    renderApp('/deals/1/show');
    const move = await screen.findByTestId('move-open');
    expect(move.textContent).toBe('Reverse to Open');
    fireEvent.click(move);
    const dialog = await screen.findByTestId('text-prompt-dialog');
    expect(within(dialog).getByText('Why move it out of Won?')).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Signed by mistake' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse to Open' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toEqual({ stage: 'open', _comment: 'Signed by mistake', version: 3 });
  });

  it('does not let other roles reverse it', async () => {
    server.use(...apiHandlers(dealIn('won'), seen, [backToOpen], { user: users.rep }));
    renderApp('/deals/1/show');
    const move = (await screen.findByTestId('move-open')) as HTMLButtonElement;
    await waitFor(() => expect(move.disabled).toBe(true));
    expect(move.title).toBe('Won is locked: only Sales manager or Administrator can move a record out of it');
  });

  it('offers the reversal in the board card menu to a reversal role only', async () => {
    server.use(...apiHandlers(dealIn('won'), seen, [], { user: users.rep }));
    const view = renderInContext(<WorkflowBoard model={fixtureModel} resource="deals" title={false} />);
    fireEvent.click(await screen.findByTestId('card-move-menu'));
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Reverse to Open' }).getAttribute('aria-disabled')).toBe('true'));
    view.unmount();

    server.use(...apiHandlers(dealIn('won'), seen, [], { user: users.manager }));
    renderInContext(<WorkflowBoard model={fixtureModel} resource="deals" title={false} />);
    fireEvent.click(await screen.findByTestId('card-move-menu'));
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Reverse to Open' }).getAttribute('aria-disabled')).toBeNull());
    fireEvent.click(screen.getByRole('menuitem', { name: 'Reverse to Open' }));
    const dialog = await screen.findByTestId('text-prompt-dialog');
    fireEvent.change(within(dialog).getByTestId('text-prompt-input'), { target: { value: 'Reopened by the customer' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reverse to Open' }));
    await waitFor(() => expect(puts()[0]?.body).toEqual({ stage: 'open', _comment: 'Reopened by the customer', version: 3 }));
  });

  it("keeps the lock's exception fields editable, and sends only them", async () => {
    server.use(...apiHandlers(dealIn('lost'), seen, [], { user: users.manager }));
    const name = await openEditForm();
    expect((await screen.findByTestId('lock-banner')).textContent).toContain('locked in stage Lost');
    expect(name.readOnly).toBe(true);
    expect(helperOf(name)).toBe('Locked in stage Lost');
    const notes = screen.getByLabelText(/Notes/) as HTMLTextAreaElement;
    expect(notes.readOnly).toBe(false);
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    fireEvent.change(notes, { target: { value: 'Lost on price' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toEqual({ notes: 'Lost on price', version: 3 });
  });

  it('hides row Edit / Delete where the record is locked or outside the write scope', async () => {
    const db = freshDb();
    db.deals!.push(
      { ...(structuredClone(dealRecord) as RaRecord), id: 2, name: 'Won deal', stage: 'won', amount: 10 },
      { ...(structuredClone(dealRecord) as RaRecord), id: 3, name: 'Someone else’s deal', owner_id: 6, amount: 5 },
    );
    server.use(...apiHandlers(db, seen, [], { user: users.rep }));
    renderApp('/deals');
    const actions = (name: string) => within(screen.getByText(name).closest('tr')!).getByTestId('row-actions');
    await waitFor(() => expect(within(actions('Harbour upgrade')).queryByRole('link', { name: 'Edit' })).toBeTruthy());
    expect(within(actions('Harbour upgrade')).getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(actions('Won deal').childElementCount).toBe(0);
    expect(actions('Someone else’s deal').childElementCount).toBe(0);
    expect(screen.getByRole('link', { name: 'Create' })).toBeTruthy();
  });

  it('hides Create from a user whose write scope is none', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.viewer }));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Create' })).toBeNull());
    expect(within(screen.getByText('Harbour upgrade').closest('tr')!).getByTestId('row-actions').childElementCount).toBe(0);
  });

  it('reloads the record when the server refuses an edit because it is locked (409 { lock })', async () => {
    const db = freshDb();
    const locked = http.put(`${API}/deals/1`, () => {
      db.deals![0]!.stage = 'won'; // someone else closed it meanwhile
      return HttpResponse.json(
        { message: 'deals 1 is locked in stage Won', lock: { stage: 'won', reversibleBy: ['sales_manager'] } },
        { status: 409 },
      );
    });
    server.use(...apiHandlers(db, seen, [locked]));
    const name = await openEditForm();
    fireEvent.change(name, { target: { value: 'Too late' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('deals 1 is locked in stage Won');
    await screen.findByTestId('lock-banner');
  });
});

describe('approval freezes', () => {
  it('freezes the fields a pending approval decides', async () => {
    const pending = http.get(`${API}/deals/1/workflow`, () =>
      HttpResponse.json({
        stage: 'open',
        next: [],
        pending: [
          {
            id: 4,
            resource: 'deals',
            record_id: 1,
            from_stage: 'open',
            to_stage: 'won',
            role: 'sales_manager',
            rule_index: 0,
            status: 'pending',
          },
        ],
      }),
    );
    server.use(...apiHandlers(freshDb(), seen, [pending], { user: users.rep }));
    await openEditForm();
    const amount = screen.getByLabelText(/Amount/) as HTMLInputElement;
    await waitFor(() => expect(amount.readOnly).toBe(true));
    expect(helperOf(amount)).toBe('Frozen while waiting for the approval of Sales manager or Administrator');
    expect((screen.getByLabelText(/Seats/) as HTMLInputElement).readOnly).toBe(false);
  });
});
