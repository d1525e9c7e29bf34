/**
 * The document chain through the screens: a qualified lead converted by its action button (the
 * opportunity opens next), an order's delivery requested by the action and the order's figures
 * following the delivery, a collection past its date shown overdue, the board's weighted amounts.
 * The default (demo) user is the administrator; state changes the test is not about go through the API.
 */
import assert from 'node:assert/strict';
import type { State } from './run.js';
import { actAs, apiClient } from './harness.js';
import { byTestId, hashUrl, poll } from './ui.js';

type Row = Record<string, unknown> & { id: number };

type Api = State['api'];

/** The answer of a call that must succeed (as the demo's administrator, or as `state` says). */
async function ok<T = Row>(state: State | { api: Api }, path: string, method: string, body?: unknown): Promise<T> {
  const answer = await state.api<T>(path, { method, body });
  assert.ok(answer.status >= 200 && answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json;
}

async function runAction(state: State, path: string, action: string, resource: string): Promise<number> {
  const { page, base } = state;
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `${path}/show`));
  const button = byTestId(page, `action-${action}`);
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  await byTestId(page, 'action-confirm').waitFor();
  await page.waitForTimeout(400); // the dialog's fade-in, for the screenshot
  await state.shot(`action-${action}-dialog`);
  await byTestId(page, 'action-confirm').click();
  await page.waitForURL(new RegExp(`#/${resource}/\\d+/show`), { timeout: 20_000 });
  return Number(/#\/[a-z_]+\/(\d+)\/show/.exec(page.url())![1]);
}

async function person(state: State, role: string): Promise<Row> {
  const rows = await ok<Row[]>(
    state,
    `/salespeople?filter=${encodeURIComponent(JSON.stringify({ role, status: 'active' }))}&range=[0,9]`,
    'GET',
  );
  assert.ok(rows.length > 0, `the demo has a ${role}`);
  return rows[0]!;
}

/** PUT of changes over the record as it is now. */
async function change(who: { api: Api }, path: string, changes: Record<string, unknown>): Promise<Row> {
  return ok(who, path, 'PUT', { ...(await ok(who, path, 'GET')), ...changes });
}

async function showPage(state: State, path: string, text: RegExp, shot: string): Promise<void> {
  const { page, base } = state;
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `${path}/show`));
  await page.getByText(text).first().waitFor({ timeout: 20_000 });
  await state.shot(shot);
}

export const documentChainSteps: [string, (state: State) => Promise<void>][] = [
  [
    'one deal from the lead to its last collection, each next document made by its button',
    async (state) => {
      const manager = state.manager!;
      const as = (user: Row) => ({ api: apiClient(state.base, user.id) as Api });
      const [m, legal, finance] = [as(manager), as(await person(state, 'legal')), as(await person(state, 'finance'))];
      await actAs(state.page, manager.id);
      const lead = await ok(m, '/leads', 'POST', {
        company_name: `E2E Whole Chain ${state.stamp}`,
        source: 'exhibition',
        contact_name: 'Ms. Sun',
        need: 'Plant ERP',
        budget: 500_000,
        timeline: 'Q2',
      });
      await change(m, `/leads/${lead.id}`, { status: 'contacted' });
      await change(m, `/leads/${lead.id}`, { status: 'qualified' });
      const opportunityId = await runAction(state, `/leads/${lead.id}`, 'convert', 'opportunities');
      const opportunity = `/opportunities/${opportunityId}`;
      for (const changes of [
        {
          need: 'Plant ERP',
          budget: 500_000,
          expected_sign_date: '2031-03-31',
          competitors: 'Two',
          decision_process: 'Board',
          stage: 'initiation',
        },
        {
          project_number: `PRJ-${state.stamp}`,
          customer_owner_name: 'Ms. Sun',
          expected_amount: 120_000,
          gross_margin: 30,
          expense_budget: 5_000,
          category: 'software',
          importance: 'N',
          stage: 'proposal',
        },
        { key_contacts: 'CIO', criteria_influenced: true, stage: 'bidding' },
        { bid_price: 125_000, bid_submitted: true, stage: 'negotiation' },
        { final_price: 120_000 },
      ])
        await change(m, opportunity, changes);

      const quoteId = await runAction(state, opportunity, 'create_quote', 'quotes');
      await change(m, `/quotes/${quoteId}`, {
        lines: [{ product_id: 1, quantity: 12, unit_price: 10_000 }],
        payment_terms: '30% on signing',
      });
      for (const status of ['review', 'sent', 'accepted']) await change(m, `/quotes/${quoteId}`, { status });

      const contractId = await runAction(state, `/quotes/${quoteId}`, 'create_contract', 'contracts');
      const contract = `/contracts/${contractId}`;
      await change(m, contract, {
        payment_method: 'full',
        delivery_date: '2031-04-30',
        after_sales_terms: 'One year',
        status: 'legal_review',
      });
      await change(legal, contract, { legal_opinion: 'No objection', status: 'manager_approval' });
      await change(m, contract, { status: 'signed' });
      assert.equal((await ok(m, opportunity, 'GET')).stage, 'won', 'the signed contract wins the opportunity');

      const orderId = await runAction(state, contract, 'create_order', 'sales_orders');
      const deliveryId = await runAction(state, `/sales_orders/${orderId}`, 'create_delivery', 'deliveries');
      for (const changes of [
        { status: 'approved' },
        { outbound_note_number: `CK-${state.stamp}`, status: 'outbound' },
        { carrier: 'SF', shipped_date: '2031-04-20', status: 'shipped' },
        { customer_confirmed: true, confirmation_date: '2031-04-22', status: 'confirmed' },
      ])
        await change(m, `/deliveries/${deliveryId}`, changes);
      assert.equal((await ok(m, `/sales_orders/${orderId}`, 'GET')).status, 'completed');

      const invoiceId = await runAction(state, contract, 'create_invoice_request', 'invoice_requests');
      await change(m, `/invoice_requests/${invoiceId}`, {
        invoice_type: 'vat_special',
        tax_number: '91310000MA1K00000X',
        status: 'finance_review',
      });
      await change(finance, `/invoice_requests/${invoiceId}`, {
        invoice_number: `FP-${state.stamp}`,
        issued_date: '2031-04-25',
        status: 'issued',
      });
      const collectionId = await runAction(state, `/invoice_requests/${invoiceId}`, 'create_collection', 'collections');
      const collection = await ok(m, `/collections/${collectionId}`, 'GET');
      assert.equal(collection.amount, 120_000);
      const received = await change(finance, `/collections/${collectionId}`, { received_amount: 120_000, received_date: '2031-05-20' });
      assert.equal(received.status, 'received');
      const paid = await ok(m, contract, 'GET');
      assert.deepEqual(
        [paid.invoiced_amount, paid.received_amount, paid.outstanding_amount, paid.payment_status],
        [120_000, 120_000, 0, 'paid'],
      );
      await actAs(state.page, null);
      await showPage(state, contract, /已收齐|Paid/, 'contract-paid-in-full');
      await showPage(state, opportunity, /结项（成功）|Closed – won/, 'opportunity-won-by-its-contract');
    },
  ],
  [
    'convert a qualified lead with its action button; the opportunity opens',
    async (state) => {
      let lead = await ok(state, '/leads', 'POST', {
        company_name: `E2E Chain Foods ${state.stamp}`,
        source: 'online',
        contact_name: 'Mr. Zhao',
        need: 'Cold chain',
        budget: 100_000,
        timeline: 'Q1',
      });
      lead = await ok(state, `/leads/${lead.id}`, 'PUT', { ...lead, status: 'contacted' });
      lead = await ok(state, `/leads/${lead.id}`, 'PUT', { ...lead, status: 'qualified' });
      const opportunityId = await runAction(state, `/leads/${lead.id}`, 'convert', 'opportunities');
      await state.shot('lead-converted-opportunity');
      const converted = await ok(state, `/leads/${lead.id}`, 'GET');
      assert.equal(converted.status, 'converted');
      const opportunity = await ok(state, `/opportunities/${opportunityId}`, 'GET');
      assert.equal(opportunity.lead_id, lead.id);
      assert.equal(opportunity.customer_id, converted.customer_id);
    },
  ],
  [
    'request a delivery from an order; the order follows its delivery to completed',
    async (state) => {
      // The manager's own order: their moves of its delivery need no one else's approval.
      const asManager = { api: apiClient(state.base, state.manager!.id) as Api };
      await actAs(state.page, state.manager!.id);
      const product = await ok(state, '/products', 'POST', {
        code: `E2E-${state.stamp}`.slice(0, 30),
        name: 'E2E unit',
        unit: 'set',
        list_price: 1_000,
        stock: 50,
      });
      const customer = await ok(asManager, '/customers', 'POST', { name: `E2E Chain Buyer ${state.stamp}`, grade: 'B' });
      const order = await ok(asManager, '/sales_orders', 'POST', {
        customer_id: customer.id,
        requested_delivery_date: '2031-01-10',
        lines: [{ product_id: product.id, quantity: 5, unit_price: 1_000 }],
      });
      const deliveryId = await runAction(state, `/sales_orders/${order.id}`, 'create_delivery', 'deliveries');
      let delivery = await ok(state, `/deliveries/${deliveryId}`, 'GET');
      assert.deepEqual(delivery.items, [{ product_id: product.id, quantity: 5 }]);
      for (const changes of [
        { status: 'approved' },
        { outbound_note_number: 'CK-E2E', status: 'outbound' },
        { carrier: 'SF', shipped_date: '2030-12-20', status: 'shipped' },
        { customer_confirmed: true, confirmation_date: '2030-12-22', status: 'confirmed' },
      ])
        delivery = await ok(asManager, `/deliveries/${deliveryId}`, 'PUT', { ...delivery, ...changes });
      await actAs(state.page, null);
      const done = await poll(
        () => ok(state, `/sales_orders/${order.id}`, 'GET'),
        (o) => o.status === 'completed',
      );
      assert.equal(done.delivered_qty, 5);
      assert.equal((await ok(state, `/products/${product.id}`, 'GET')).stock_on_hand, 45);
      const { page, base } = state;
      await page.goto('about:blank');
      await page.goto(hashUrl(base, `/sales_orders/${order.id}/show`));
      await page
        .getByText(/已完成|Completed/)
        .first()
        .waitFor({ timeout: 20_000 });
      await state.shot('order-completed-by-its-delivery');
    },
  ],
  [
    'a collection past its date is overdue on the list',
    async (state) => {
      const customer = await ok(state, '/customers', 'POST', { name: `E2E Late Payer ${state.stamp}`, grade: 'C' });
      const late = await ok(state, '/collections', 'POST', {
        name: `E2E overdue ${state.stamp}`,
        customer_id: customer.id,
        amount: 30_000,
        expected_date: '2020-08-01',
      });
      assert.equal(late.status, 'overdue');
      const { page, base } = state;
      const filter = encodeURIComponent(JSON.stringify({ customer_id: customer.id }));
      await page.goto('about:blank');
      await page.goto(hashUrl(base, `/collections?filter=${filter}`));
      const row = page.locator('tr', { hasText: `E2E overdue ${state.stamp}` });
      await row.waitFor({ timeout: 20_000 });
      await row
        .getByText(/逾期|Overdue/)
        .first()
        .waitFor();
      await state.shot('collection-overdue');
    },
  ],
  [
    'the board shows each column weighted by its probability',
    async ({ page, base, shot }) => {
      await page.goto('about:blank');
      await page.goto(hashUrl(base, '/board/opportunities'));
      const weighted = page.locator('[data-testid="column-weighted"]');
      await weighted.first().waitFor({ timeout: 20_000 });
      assert.ok((await weighted.count()) > 0);
      await shot('board-weighted');
    },
  ],
];
