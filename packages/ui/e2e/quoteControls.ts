/**
 * Control points through the screens: a rep's quote waits for the manager's review and the
 * director's discount approval; while it waits the discount is frozen on the form (and refused by
 * the API); after approval the rep raises the discount, which voids the approvals and sends the
 * quote back to review; the re-approval lets it through.
 */
import assert from 'node:assert/strict';
import { actAs, apiClient } from './harness.js';
import type { State } from './run.js';
import { approveInInbox, fieldInput, fill, hashUrl, poll, save } from './ui.js';

type Row = Record<string, unknown> & { id: number };

interface QuoteState {
  rep: Row;
  manager: Row;
  approvers: Record<string, Row>;
  quoteId: number;
}

const quotes = new WeakMap<State, QuoteState>();
const quoteOf = (state: State) => quotes.get(state)!;

async function person(state: State, filter: Record<string, unknown>): Promise<Row> {
  const rows = (
    await state.api<Row[]>(`/salespeople?filter=${encodeURIComponent(JSON.stringify({ status: 'active', ...filter }))}&range=[0,49]`)
  ).json;
  assert.ok(rows.length > 0, `the demo has a salesperson with ${JSON.stringify(filter)}`);
  return rows[0]!;
}

async function quote(state: State): Promise<Row> {
  return (await state.api<Row>(`/quotes/${quoteOf(state).quoteId}`)).json;
}

async function pending(state: State): Promise<Row[]> {
  const filter = encodeURIComponent(JSON.stringify({ resource: 'quotes', record_id: quoteOf(state).quoteId, status: 'pending' }));
  return (await state.api<Row[]>(`/approvals?filter=${filter}`)).json;
}

/** The manager approves in the inbox; the other approvals are given through the API by their roles. */
async function approveAll(state: State, comment: string): Promise<void> {
  const { page, base, shot } = state;
  const { manager, approvers } = quoteOf(state);
  const waiting = await pending(state);
  assert.ok(
    waiting.some((a) => a.role === 'sales_manager'),
    'the manager reviews the quote',
  );
  await actAs(page, manager.id);
  await approveInInbox(
    page,
    base,
    waiting.filter((a) => a.role === 'sales_manager').map((a) => a.id),
    comment,
    () => shot('quote-inbox-as-manager'),
  );
  await actAs(page, null);
  for (const approval of waiting.filter((a) => a.role !== 'sales_manager')) {
    const approver = approvers[String(approval.role)];
    assert.ok(approver, `the demo has a ${approval.role}`);
    const answer = await apiClient(base, approver.id)(`/approvals/${approval.id}`, {
      method: 'PUT',
      body: { status: 'approved', comment },
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
  }
}

async function openEdit(state: State): Promise<void> {
  const { page, base } = state;
  await actAs(page, quoteOf(state).rep.id);
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `/quotes/${quoteOf(state).quoteId}`));
}

export const quoteControlSteps: [string, (state: State) => Promise<void>][] = [
  [
    'a rep sends a discounted quote: it waits for the manager and the director',
    async (state) => {
      const manager = await person(state, { role: 'sales_manager' });
      const rep = await person(state, { role: 'sales_rep', team_id: manager.team_id });
      const approvers = {
        sales_director: await person(state, { role: 'sales_director' }),
        general_manager: await person(state, { role: 'general_manager' }),
      };
      const asRep = apiClient(state.base, rep.id);
      const customer = await asRep<Row>('/customers', { method: 'POST', body: { name: `E2E Quote Buyer ${state.stamp}`, grade: 'B' } });
      assert.equal(customer.status, 201, JSON.stringify(customer.json));
      // A product no price policy covers: the rep decides up to 10 %, the director up to 20 %.
      const product = await state.api<Row>('/products', {
        method: 'POST',
        body: { code: `E2E-${state.stamp}`, name: `E2E sensor kit ${state.stamp}`, unit: 'set', list_price: 1000 },
      });
      assert.equal(product.status, 201, JSON.stringify(product.json));
      const created = await asRep<Row>('/quotes', {
        method: 'POST',
        body: {
          customer_id: customer.json.id,
          lines: [{ product_id: product.json.id, quantity: 10, unit_price: 1000 }],
          discount_rate: 15,
          payment_terms: '30% on signing, 70% on acceptance',
          valid_until: '2027-06-30',
        },
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      assert.equal(created.json.total, 8500);
      assert.equal(created.json.discount_authority, 'sales_director');
      quotes.set(state, { rep, manager, approvers, quoteId: created.json.id });
      const review = await asRep<Row>(`/quotes/${created.json.id}`, { method: 'PUT', body: { status: 'review' } });
      assert.equal(review.status, 200, JSON.stringify(review.json));
      const send = await asRep<Row>(`/quotes/${created.json.id}`, { method: 'PUT', body: { status: 'sent' } });
      assert.equal(send.status, 202, JSON.stringify(send.json));
      assert.deepEqual((await pending(state)).map((a) => a.role).sort(), ['sales_director', 'sales_manager']);
    },
  ],
  [
    'while the approvals are pending the discount is frozen',
    async (state) => {
      const { page, shot } = state;
      await openEdit(state);
      const discount = await fieldInput(page, 'discount_rate');
      await discount.waitFor({ timeout: 20_000 });
      assert.equal(await discount.isDisabled(), true, 'the frozen discount is read-only on the form');
      await shot('quote-discount-frozen');
      const attack = await apiClient(state.base, quoteOf(state).rep.id)(`/quotes/${quoteOf(state).quoteId}`, {
        method: 'PUT',
        body: { discount_rate: 45 },
      });
      assert.equal(attack.status, 409, 'the API refuses it too');
      assert.equal((await quote(state)).discount_rate, 15);
      await actAs(page, null);
    },
  ],
  [
    'the manager and the director approve: the quote is sent',
    async (state) => {
      await approveAll(state, "Within this quarter's pricing");
      const sent = await poll(
        () => quote(state),
        (q) => q.status === 'sent',
      );
      assert.equal(sent.status, 'sent');
    },
  ],
  [
    'the rep raises the approved discount: the approvals are void and the quote is back in review',
    async (state) => {
      const { page, base, shot } = state;
      await openEdit(state);
      await fill(page, 'discount_rate', 45);
      await shot('quote-discount-raised');
      await save(page);
      const back = await poll(
        () => quote(state),
        (q) => q.status === 'review',
      );
      assert.equal(back.status, 'review', 'the raise sends the quote back for approval');
      assert.equal(back.discount_authority, 'general_manager');
      const history = (
        await state.api<Row[]>(
          `/history?filter=${encodeURIComponent(JSON.stringify({ resource: 'quotes', record_id: quoteOf(state).quoteId }))}&sort=["id","DESC"]&range=[0,0]`,
        )
      ).json;
      assert.match(String(history[0]?.comment), /作废|voided/);
      await page.goto(hashUrl(base, `/quotes/${quoteOf(state).quoteId}/show`));
      await page
        .getByText(/作废|voided/)
        .first()
        .waitFor({ timeout: 15_000 });
      await shot('quote-approvals-voided');
      await actAs(page, null);
    },
  ],
  [
    'sent again, the re-approval (now up to the general manager) lets it through',
    async (state) => {
      const { page, base, shot } = state;
      const send = await apiClient(base, quoteOf(state).rep.id)<Row>(`/quotes/${quoteOf(state).quoteId}`, {
        method: 'PUT',
        body: { status: 'sent' },
      });
      assert.equal(send.status, 202, JSON.stringify(send.json));
      assert.deepEqual((await pending(state)).map((a) => a.role).sort(), ['general_manager', 'sales_director', 'sales_manager']);
      await approveAll(state, 'Strategic account: approved at 45%');
      const sent = await poll(
        () => quote(state),
        (q) => q.status === 'sent',
      );
      assert.equal(sent.status, 'sent');
      await page.goto(hashUrl(base, `/quotes/${quoteOf(state).quoteId}/show`));
      await page.locator('.RaLayout-appFrame, #main-content').first().waitFor();
      await shot('quote-reapproved');
    },
  ],
];
