/**
 * The seeds' control points, attacked as the rep who wants around them: every attack is refused
 * with a 4xx and changes nothing, while the legitimate path (the approver, finance, legal, the
 * manager, the reversal role) goes through. Each rule is a keyword of the default schema files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { forEachDatabase } from '../support/databases.js';
import { apiOf } from './support/api.js';
import { startTestServer, type TestServer } from './support/server.js';

const YEAR = new Date().getFullYear();

forEachDatabase('control points', (database) => {
  let server: TestServer;
  let db: Knex;
  let customerA: Record<string, any>;
  let customerSouth: Record<string, any>;
  let product: Record<string, any>;

  const { call, post, put, read, created, ok, refused, pendingApprovals, approveAll } = apiOf(
    () => server,
    () => db,
  );

  beforeAll(async () => {
    server = await startTestServer(database.db);
    db = database.db;
    customerA = created(await post('customers', 'repA', { name: 'Acme Steel', grade: 'A' }));
    customerSouth = created(await post('customers', 'repSouth', { name: 'Southern Foods', grade: 'B' }));
    product = created(await post('products', 'admin', { code: 'ERP-1', name: 'ERP licence', unit: 'set', list_price: 700 }));
  });
  afterAll(() => server?.close());

  describe('quotes: computed totals and discount approvals that hold', () => {
    const lines = (discount?: number) => [
      { product_id: product.id, quantity: 10, unit_price: 700, ...(discount === undefined ? {} : { discount }) },
    ];
    const quoteBody = (extra: Record<string, unknown> = {}) => ({
      customer_id: customerA.id,
      lines: lines(),
      payment_terms: '30% on signing',
      valid_until: `${YEAR + 1}-01-31`,
      ...extra,
    });

    it('computes line amounts and the total; a total typed by hand is refused, naming the computed one', async () => {
      await refused(['quotes'], 400, ['total'], () => post('quotes', 'repA', quoteBody({ total: 1 })));
      const quote = created(await post('quotes', 'repA', quoteBody({ discount_rate: 5 })));
      expect(quote.lines[0].amount).toBe(7000);
      expect(quote.total).toBe(6650);
      expect(quote.quote_number).toMatch(new RegExp(`^BJ-${YEAR}-\\d{5}$`));
      const wrong = await put('quotes', quote, 'repA', { total: 1 });
      expect(wrong.status).toBe(400);
      expect(wrong.json.errors.total).toBe('computed by the server: 6650');
      // A new line left without a discount is a line with no discount, not a refused null.
      const more = ok(
        await put('quotes', quote, 'repA', {
          lines: [...quote.lines, { product_id: product.id, quantity: 1, unit_price: 100, discount: null }],
        }),
      );
      expect(more.total).toBe(6745);
      expect(more.lines[1]).toEqual({ product_id: product.id, quantity: 1, unit_price: 100, amount: 100 });
    });

    it('a discount raised while the approval is pending is refused; one raised after approval voids it and sends the quote back', async () => {
      const quote = created(await post('quotes', 'repA', quoteBody({ discount_rate: 15 })));
      expect(quote.discount_authority).toBe('sales_director');
      const inReview = ok(await put('quotes', quote, 'repA', { status: 'review' }));
      const waiting = ok(await put('quotes', inReview, 'repA', { status: 'sent' }), 202);
      expect((await pendingApprovals('quotes', quote.id)).map((a) => a.role).sort()).toEqual(['sales_director', 'sales_manager']);

      const frozen = await refused(['quotes', 'sales_approvals', 'sales_history'], 409, ['discount_rate', 'max_discount', 'total'], () =>
        put('quotes', waiting, 'repA', { discount_rate: 45 }),
      );
      expect(frozen.json.errors.discount_rate).toMatch(/pending/);
      const chinese = await put('quotes', waiting, 'repA', { discount_rate: 45 }, 'zh-CN');
      expect(chinese.json.errors.discount_rate).toMatch(/审批中/);

      await approveAll('quotes', quote.id, { sales_manager: 'managerNorth', sales_director: 'director' });
      const sent = await read('quotes', quote.id);
      expect(sent.status).toBe('sent');

      // After sending: 60% voids the approvals, and the quote needs them again (now up to the GM).
      const raised = ok(await put('quotes', sent, 'repA', { discount_rate: 60 }));
      expect(raised.status).toBe('review');
      expect(raised.discount_authority).toBe('general_manager');
      const history = await db('sales_history').where({ resource: 'quotes', record_id: quote.id }).orderBy('id');
      expect(history.at(-1)).toMatchObject({ from_stage: 'sent', to_stage: 'review' });
      expect(history.at(-1).comment).toMatch(/voided/);
      const rows = await db('sales_approvals').where({ resource: 'quotes', record_id: quote.id }).orderBy('id');
      expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);

      ok(await put('quotes', raised, 'repA', { status: 'sent' }), 202);
      expect((await pendingApprovals('quotes', quote.id)).map((a) => a.role).sort()).toEqual([
        'general_manager',
        'sales_director',
        'sales_manager',
      ]);
      await approveAll('quotes', quote.id, {
        sales_manager: 'managerNorth',
        sales_director: 'director',
        general_manager: 'generalManager',
      });
      expect((await read('quotes', quote.id)).status).toBe('sent');
    });

    it('an approval already given stays frozen while the rest of its request is pending, and the workflow says so', async () => {
      const quote = created(await post('quotes', 'repA', quoteBody({ discount_rate: 15 })));
      const review = ok(await put('quotes', quote, 'repA', { status: 'review' }));
      ok(await put('quotes', review, 'repA', { status: 'sent' }), 202);
      const managerReview = (await pendingApprovals('quotes', quote.id)).find((a) => a.role === 'sales_manager');
      ok(await call('PUT', `/approvals/${managerReview.id}`, 'managerNorth', { status: 'approved' }));
      const status = ok(await call('GET', `/quotes/${quote.id}/workflow`, 'repA'));
      expect(status.pending.map((a: any) => a.role)).toEqual(['sales_director']);
      expect(status.inFlight.map((a: any) => [a.role, a.status])).toEqual([
        ['sales_manager', 'approved'],
        ['sales_director', 'pending'],
      ]);
      await refused(['quotes'], 409, ['payment_terms'], async () =>
        put('quotes', await read('quotes', quote.id), 'repA', { payment_terms: 'All on delivery' }),
      );
    });

    it('a move and a change that voids an approval are not accepted in one save', async () => {
      const quote = created(await post('quotes', 'managerNorth', quoteBody()));
      const review = ok(await put('quotes', quote, 'managerNorth', { status: 'review' }));
      const sent = ok(await put('quotes', review, 'managerNorth', { status: 'sent' }));
      expect(sent.status).toBe('sent');
      await refused(['quotes', 'sales_approvals'], 409, ['lines', 'total'], () =>
        put('quotes', sent, 'managerNorth', { status: 'accepted', lines: lines(5) }),
      );
    });

    it('an accepted quote is locked: no edit, no delete; the director reverses it with a reason', async () => {
      const quote = created(await post('quotes', 'managerNorth', quoteBody()));
      const review = ok(await put('quotes', quote, 'managerNorth', { status: 'review' }));
      const sent = ok(await put('quotes', review, 'managerNorth', { status: 'sent' }));
      const accepted = ok(await put('quotes', sent, 'managerNorth', { status: 'accepted' }));
      const locked = await refused(['quotes'], 409, ['payment_terms'], () =>
        put('quotes', accepted, 'managerNorth', { payment_terms: 'all later' }),
      );
      expect(locked.json.lock).toEqual({ stage: 'accepted', reversibleBy: ['sales_director'] });
      expect(locked.json.message).toBe('This Quote is locked in Accepted; only Administrator, Sales director can reverse it');
      await refused(['quotes'], 409, [], () => call('DELETE', `/quotes/${quote.id}`, 'managerNorth'));
      await refused(['quotes', 'sales_history'], 403, ['status'], () =>
        put('quotes', accepted, 'managerNorth', { status: 'sent', _comment: 'reopen' }),
      );
      await refused(['quotes', 'sales_history'], 422, ['_comment'], () => put('quotes', accepted, 'director', { status: 'sent' }));
      const reopened = ok(await put('quotes', accepted, 'director', { status: 'sent', _comment: 'Customer asked for a new date' }));
      expect(reopened.status).toBe('sent');
      const last = await db('sales_history').where({ resource: 'quotes', record_id: quote.id }).orderBy('id', 'desc').first();
      expect(last).toMatchObject({
        from_stage: 'accepted',
        to_stage: 'sent',
        comment: 'Customer asked for a new date',
        user_id: server.users.director,
      });
    });
  });

  describe('contracts: legal opinion by legal, numbers by the server, archived for good', () => {
    it('walks the legitimate path and refuses every shortcut', async () => {
      await refused(['contracts'], 400, ['contract_number'], () =>
        post('contracts', 'repA', { contract_number: 'HT-MINE-1', name: 'ERP contract', customer_id: customerA.id }),
      );
      const contract = created(
        await post('contracts', 'repA', {
          name: 'ERP contract',
          customer_id: customerA.id,
          lines: [{ product_id: product.id, quantity: 2, unit_price: 50_000 }],
          payment_method: 'full',
          delivery_date: `${YEAR + 1}-03-01`,
          after_sales_terms: 'One year of support',
        }),
      );
      expect(contract.contract_number).toMatch(new RegExp(`^HT-${YEAR}-\\d{5}$`));
      expect(contract.amount).toBe(100_000);
      const review = ok(await put('contracts', contract, 'repA', { status: 'legal_review' }));
      await refused(['contracts'], 403, ['legal_opinion'], () => put('contracts', review, 'repA', { legal_opinion: 'Fine by me' }));
      const opinion = ok(await put('contracts', review, 'legal', { legal_opinion: 'Clauses 4 and 7 checked' }));
      ok(await put('contracts', opinion, 'repA', { status: 'manager_approval' }), 202);
      await approveAll('contracts', contract.id, { legal: 'legal' });
      const approval = await read('contracts', contract.id);
      ok(await put('contracts', approval, 'repA', { status: 'signed' }), 202);
      await approveAll('contracts', contract.id, { sales_manager: 'managerNorth' });
      const signed = await read('contracts', contract.id);
      expect(signed.status).toBe('signed');
      const archived = ok(
        await put('contracts', signed, 'repA', {
          status: 'archived',
          sign_date: `${YEAR}-02-01`,
          stamped: true,
          archived_date: `${YEAR}-02-01`,
        }),
      );
      expect(archived.status).toBe('archived');

      await refused(['contracts'], 409, ['lines'], () =>
        put('contracts', archived, 'repA', { lines: [{ product_id: product.id, quantity: 1, unit_price: 1 }] }),
      );
      await refused(['contracts'], 409, [], () => call('DELETE', `/contracts/${contract.id}`, 'repA'));
      await refused(['contracts'], 409, [], () => call('DELETE', `/contracts/${contract.id}`, 'managerNorth'));

      const second = created(await post('contracts', 'repA', { name: 'Second contract', customer_id: customerA.id }));
      expect(second.contract_number).not.toBe(contract.contract_number);
    });

    it('skips past numbers typed before the sequence existed', async () => {
      const counter = await db('sales_sequences')
        .where({ resource: 'contracts', field: 'contract_number', period: `HT-${YEAR}-` })
        .first();
      const next = Number(counter?.last_value ?? 0) + 1;
      const number = (n: number) => `HT-${YEAR}-${String(n).padStart(5, '0')}`;
      for (const n of [next, next + 1]) {
        await db('contracts').insert({
          contract_number: number(n),
          name: 'Imported contract',
          customer_id: customerA.id,
          status: 'draft',
          owner_id: server.users.repA,
        });
      }
      const contract = created(await post('contracts', 'repA', { name: 'After the import', customer_id: customerA.id }));
      expect(contract.contract_number).toBe(number(next + 2));
    });

    it('never hands out the same number to concurrent creates', async () => {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => post('contracts', 'repA', { name: `Parallel contract ${i}`, customer_id: customerA.id })),
      );
      const numbers = answers.map((a) => created(a).contract_number);
      expect(new Set(numbers).size).toBe(12);
    });
  });

  describe('document numbers drawn ahead of the transaction (not gapless)', () => {
    it('concurrent quotes get distinct numbers; a refused create leaves a gap, never a repeat', async () => {
      const body = { customer_id: customerA.id, payment_terms: 'Net 30', valid_until: `${YEAR + 1}-01-31` };
      const answers = await Promise.all(Array.from({ length: 12 }, () => post('quotes', 'repA', body)));
      const numbers = answers.map((a) => created(a).quote_number);
      expect(new Set(numbers).size).toBe(12);
      expect((await post('quotes', 'repA', { ...body, customer_id: 999_999 })).status).toBe(400);
      const next = created(await post('quotes', 'repA', body)).quote_number;
      expect(numbers).not.toContain(next);
    });
  });

  describe('finance decides money: credit, receipts, claims', () => {
    it('a credit sale over the limit needs the general manager; the rep cannot tick the checks', async () => {
      const customer = await read('customers', customerA.id);
      await refused(['customers'], 403, ['credit_limit'], () => put('customers', customer, 'repA', { credit_limit: 9_000_000 }));
      ok(await put('customers', customer, 'director', { credit_limit: 100_000 }));
      await refused(['credit_sales'], 403, ['credit_assessment'], () =>
        post('credit_sales', 'repA', { customer_id: customerA.id, amount: 5_000_000, credit_assessment: 'approved' }),
      );
      await refused(['credit_sales'], 400, ['within_credit_limit'], () =>
        post('credit_sales', 'repA', { customer_id: customerA.id, amount: 5_000_000, within_credit_limit: true }),
      );
      const sale = created(
        await post('credit_sales', 'repA', {
          customer_id: customerA.id,
          amount: 5_000_000,
          due_date: `${YEAR + 1}-06-30`,
          agreement_terms: 'Net 90',
        }),
      );
      expect(sale).toMatchObject({ credit_limit: 100_000, within_credit_limit: false, credit_assessment: 'pending' });
      const review = ok(await put('credit_sales', sale, 'repA', { status: 'credit_review' }));
      const assessed = ok(await put('credit_sales', review, 'finance', { credit_assessment: 'approved', assessment_notes: 'Good payer' }));
      ok(await put('credit_sales', assessed, 'repA', { status: 'approved' }), 202);
      expect((await pendingApprovals('credit_sales', sale.id)).map((a) => a.role).sort()).toEqual([
        'finance',
        'general_manager',
        'sales_manager',
      ]);

      const small = created(
        await post('credit_sales', 'repA', {
          customer_id: customerA.id,
          amount: 1_000,
          due_date: `${YEAR + 1}-06-30`,
          agreement_terms: 'Net 30',
        }),
      );
      // The 5,000,000 under review counts as an open receivable of the customer.
      expect(small.within_credit_limit).toBe(false);
    });

    it("a received collection is finance's: the rep may not record money or delete it; finance reverses with a reason", async () => {
      const collection = created(
        await post('collections', 'repA', {
          name: 'Instalment 1',
          customer_id: customerA.id,
          amount: 30_000,
          expected_date: `${YEAR + 1}-01-15`,
        }),
      );
      await refused(['collections'], 403, ['received_amount'], () => put('collections', collection, 'repA', { received_amount: 500_000 }));
      const recorded = ok(await put('collections', collection, 'finance', { received_amount: 30_000, received_date: `${YEAR}-12-01` }));
      const received = ok(await put('collections', recorded, 'finance', { status: 'received' }));
      expect(received.status).toBe('received');
      await refused(['collections'], 409, [], () => call('DELETE', `/collections/${collection.id}`, 'repA'));
      await refused(['collections', 'sales_history'], 403, ['status'], () =>
        put('collections', received, 'repA', { status: 'partially_received', _comment: 'oops' }),
      );
      // The stage follows the money: a reversal to "partially received" says how much really arrived.
      await refused(['collections'], 422, ['fully_received'], () =>
        put('collections', received, 'finance', { status: 'partially_received', _comment: 'Bank returned the transfer' }),
      );
      const back = ok(
        await put('collections', received, 'finance', {
          status: 'partially_received',
          received_amount: 10_000,
          _comment: 'Bank returned part of the transfer',
        }),
      );
      expect(back.status).toBe('partially_received');
    });

    it('validation rules: no more received than due, no more invoiced than the order', async () => {
      const collection = created(
        await post('collections', 'repA', {
          name: 'Instalment 2',
          customer_id: customerA.id,
          amount: 30_000,
          expected_date: `${YEAR + 1}-02-15`,
        }),
      );
      const over = await refused(['collections'], 400, ['received_amount'], () =>
        put('collections', collection, 'finance', { received_amount: 500_000 }),
      );
      expect(over.json.errors.received_amount).toBe('The amount received cannot exceed the amount due');
      const zh = await put('collections', collection, 'finance', { received_amount: 500_000 }, 'zh-CN');
      expect(zh.json.errors.received_amount).toBe('实收金额不能超过应收金额');

      const order = created(
        await post('sales_orders', 'repA', {
          customer_id: customerA.id,
          lines: [{ product_id: product.id, quantity: 100, unit_price: 1000 }],
        }),
      );
      expect(order.total).toBe(100_000);
      const first = created(
        await post('invoice_requests', 'repA', {
          invoice_title: 'Acme Steel',
          sales_order_id: order.id,
          customer_id: customerA.id,
          amount: 60_000,
        }),
      );
      await refused(['invoice_requests'], 400, ['amount'], () =>
        post('invoice_requests', 'repA', {
          invoice_title: 'Acme Steel',
          sales_order_id: order.id,
          customer_id: customerA.id,
          amount: 99_999_999,
        }),
      );
      // 60,000 already requested: 40,001 more would pass the order's 100,000.
      await refused(['invoice_requests'], 400, ['amount'], () =>
        post('invoice_requests', 'repA', {
          invoice_title: 'Acme Steel',
          sales_order_id: order.id,
          customer_id: customerA.id,
          amount: 40_001,
        }),
      );
      created(
        await post('invoice_requests', 'repA', {
          invoice_title: 'Acme Steel',
          sales_order_id: order.id,
          customer_id: customerA.id,
          amount: 40_000,
        }),
      );
      ok(await put('invoice_requests', first, 'repA', { amount: 59_000 }));
    });

    it('a paid expense claim cannot be deleted or changed', async () => {
      const claim = created(
        await post('expense_claims', 'repA', { expense_type: 'travel', amount: 800, invoices_attached: 2, description: 'Visit to Acme' }),
      );
      expect(claim.claim_number).toMatch(/^BX-\d{6}-\d{4}$/);
      ok(await put('expense_claims', claim, 'repA', { status: 'manager_approved' }), 202);
      await refused(['expense_claims'], 409, ['amount'], async () =>
        put('expense_claims', await read('expense_claims', claim.id), 'repA', { amount: 50_000 }),
      );
      await approveAll('expense_claims', claim.id, { sales_manager: 'managerNorth' });
      const approved = await read('expense_claims', claim.id);
      ok(await put('expense_claims', approved, 'repA', { status: 'finance_approved' }), 202);
      await approveAll('expense_claims', claim.id, { finance: 'finance' });
      const checked = await read('expense_claims', claim.id);
      await refused(['expense_claims'], 403, ['paid_date'], () => put('expense_claims', checked, 'repA', { paid_date: `${YEAR}-12-01` }));
      const paid = ok(await put('expense_claims', checked, 'finance', { paid_date: `${YEAR}-12-01`, status: 'paid' }));
      await refused(['expense_claims'], 409, [], () => call('DELETE', `/expense_claims/${claim.id}`, 'repA'));
      await refused(['expense_claims'], 409, ['amount'], () => put('expense_claims', paid, 'finance', { amount: 1 }));
    });
  });

  describe('people: scores, roles, one review a month', () => {
    it('the reviewee cannot score their own review; their manager can; one review per person per month', async () => {
      const month = `${YEAR}-03`;
      const review = created(await post('performance_reviews', 'repA', { salesperson_id: server.users.repA, month }));
      await refused(['performance_reviews'], 403, ['manager_score'], () =>
        put('performance_reviews', review, 'repA', { manager_score: 200 }),
      );
      const own = created(await post('performance_reviews', 'managerNorth', { salesperson_id: server.users.managerNorth, month }));
      const ownScore = await refused(['performance_reviews'], 403, ['manager_score'], () =>
        put('performance_reviews', own, 'managerNorth', { manager_score: 100 }),
      );
      expect(ownScore.json.errors.manager_score).toBe('cannot be set on your own record');
      ok(await put('performance_reviews', review, 'managerNorth', { manager_score: 88 }));
      const duplicate = await refused(['performance_reviews'], 409, ['month', 'salesperson_id'], () =>
        post('performance_reviews', 'managerNorth', { salesperson_id: server.users.repA, month }),
      );
      expect(duplicate.json.message).toMatch(/already used by Performance review/);
    });

    it('only HR changes a role (which decides access); emptying a required field is refused, not reset to its default', async () => {
      const me = await read('salespeople', server.users.repA);
      await refused(['salespeople'], 403, [], () => put('salespeople', me, 'repA', { role: 'admin' }));
      const byManager = await refused(['salespeople'], 403, ['role'], () =>
        put('salespeople', me, 'managerNorth', { role: 'sales_director' }),
      );
      expect(byManager.json.errors.role).toBe('only HR may set this field');
      const promoted = ok(await put('salespeople', me, 'hr', { role: 'presales' }));
      ok(await put('salespeople', promoted, 'hr', { role: 'sales_rep' }));
      await refused(['salespeople'], 400, ['role'], () => call('PUT', `/salespeople/${me.id}`, 'admin', { role: null }));
      await refused(['customers'], 400, ['grade'], () => call('PUT', `/customers/${customerA.id}`, 'repA', { grade: null }));
    });
  });

  describe('records that must agree with each other', () => {
    it('a contact of another customer cannot be chosen', async () => {
      const theirs = created(await post('contacts', 'repSouth', { name: 'Ms. Zhao', customer_id: customerSouth.id }));
      const mine = created(await post('contacts', 'repA', { name: 'Mr. Li', customer_id: customerA.id }));
      const wrong = await refused(['opportunities'], 400, ['contact_id'], () =>
        post('opportunities', 'admin', { name: 'Mixed up', customer_id: customerA.id, contact_id: theirs.id, owner_id: server.users.repA }),
      );
      expect(wrong.json.errors.contact_id).toBe('this Contact does not match the Customer of this record');
      const zh = await call(
        'POST',
        '/opportunities',
        'admin',
        { name: 'Mixed up', customer_id: customerA.id, contact_id: theirs.id },
        'zh-CN',
      );
      expect(zh.json.errors.contact_id).toBe('所选联系人与本记录的客户不符');
      const opportunity = created(
        await post('opportunities', 'repA', { name: 'Right contact', customer_id: customerA.id, contact_id: mine.id }),
      );
      // Changing the customer alone makes the contact wrong too.
      await refused(['opportunities'], 400, ['contact_id'], () =>
        put('opportunities', opportunity, 'admin', { customer_id: customerSouth.id }),
      );
    });

    it('the same customer twice is refused, naming who already has it', async () => {
      const again = await refused(['customers'], 409, ['name'], () => post('customers', 'repSouth', { name: 'Acme Steel', grade: 'B' }));
      expect(again.json.message).toBe('Name already used by Customer Acme Steel (owner: repA)');
      expect(again.json.duplicate).toEqual({ resource: 'customers', id: customerA.id });
      const zh = await call('POST', '/customers', 'repSouth', { name: 'Acme Steel', grade: 'B' }, 'zh-CN');
      expect(zh.json.message).toBe('客户名称已被客户「Acme Steel」使用（归属：repA）');
    });
  });
});
