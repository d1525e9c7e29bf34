/**
 * One sale from lead to cash through the API, as the people of the seeds do it: every next
 * document created by an action, every figure the server derives checked on the way, and the
 * reconciliation limits attacked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { forEachDatabase } from '../support/databases.js';
import { apiOf } from './support/api.js';
import { DEVELOPMENT_GATE, INITIATION_GATE } from './support/opportunityGates.js';
import { startTestServer, type TestServer, type UserName } from './support/server.js';
import { sweepDatedRecords } from '../../src/index.js';
import { defaultDomain } from './support/model.js';

const YEAR = new Date().getFullYear();
const NEXT = YEAR + 1;

forEachDatabase('document chain', (database) => {
  let server: TestServer;
  let db: Knex;
  let product: Record<string, any>;
  const { call, post, put, read, created, ok, refused, approveAll } = apiOf(
    () => server,
    () => db,
  );
  const act = (resource: string, record: Record<string, any>, name: string, as: UserName = 'repA', language = 'en') =>
    call('POST', `/${resource}/${record.id}/actions/${name}`, as, {}, language);
  const opened = async (answer: Awaited<ReturnType<typeof act>>) => {
    const result = created(answer);
    return read(result.opens.resource, result.opens.id);
  };
  const history = (resource: string, id: number) => db('sales_history').where({ resource, record_id: id }).orderBy('id');

  beforeAll(async () => {
    server = await startTestServer(database.db);
    db = database.db;
    product = created(
      await post('products', 'admin', { code: 'CC-1', name: 'Cold-chain unit', unit: 'set', list_price: 10_000, stock: 100 }),
    );
  });
  afterAll(() => server?.close());

  it('walks one deal from lead to its last collection, every derived figure checked', async () => {
    // Lead → customer + contact + opportunity.
    let lead = created(
      await post('leads', 'repA', {
        company_name: 'Blue River Foods',
        source: 'advertising',
        contact_name: 'Mr. Zhao',
        contact_phone: '13800000000',
      }),
    );
    await refused(['leads', 'customers', 'opportunities'], 409, [], () => act('leads', lead, 'convert'));
    lead = ok(await put('leads', lead, 'repA', { status: 'contacted' }));
    lead = ok(await put('leads', lead, 'repA', { status: 'qualified', need: 'Cold-chain ERP', budget: 300_000, timeline: 'Q1' }));
    const conversion = created(await act('leads', lead, 'convert'));
    expect(conversion.created.map((c: any) => c.resource)).toEqual(['customers', 'contacts', 'opportunities']);
    expect(conversion.record).toMatchObject({ status: 'converted', customer_id: conversion.created[0].id });
    expect(conversion.opens).toEqual({ resource: 'opportunities', id: conversion.created[2].id });
    const customer = await read('customers', conversion.created[0].id);
    expect(customer).toMatchObject({ name: 'Blue River Foods', source: 'other', open_receivables: 0 });
    expect(await read('contacts', conversion.created[1].id)).toMatchObject({ name: 'Mr. Zhao', customer_id: customer.id });
    let opportunity = await read('opportunities', conversion.opens.id);
    expect(opportunity).toMatchObject({
      customer_id: customer.id,
      contact_id: conversion.created[1].id,
      lead_id: lead.id,
      stage: 'development',
      contract_signed: false,
    });
    await refused(['leads', 'customers'], 409, [], () => act('leads', conversion.record, 'convert'));

    // Opportunity to negotiation; a quote from it, accepted.
    opportunity = ok(await put('opportunities', opportunity, 'repA', { ...DEVELOPMENT_GATE, stage: 'initiation' }));
    opportunity = ok(await put('opportunities', opportunity, 'managerNorth', { ...INITIATION_GATE, stage: 'proposal' }));
    opportunity = ok(await put('opportunities', opportunity, 'repA', { key_contacts: 'CIO', criteria_influenced: true, stage: 'bidding' }));
    opportunity = ok(
      await put('opportunities', opportunity, 'managerNorth', { bid_price: 110_000, bid_submitted: true, stage: 'negotiation' }),
    );
    opportunity = ok(await put('opportunities', opportunity, 'repA', { final_price: 100_000 }));
    let quote = await opened(await act('opportunities', opportunity, 'create_quote'));
    expect(quote).toMatchObject({ customer_id: customer.id, opportunity_id: opportunity.id, status: 'draft' });
    quote = ok(
      await put('quotes', quote, 'repA', {
        lines: [{ product_id: product.id, quantity: 10, unit_price: 10_000 }],
        payment_terms: '30% on signing',
      }),
    );
    for (const status of ['review', 'sent', 'accepted']) quote = ok(await put('quotes', quote, 'managerNorth', { status }));

    // Accepted quote → contract: legal review, manager approval, signed → the opportunity is won.
    let contract = await opened(await act('quotes', quote, 'create_contract'));
    expect(contract).toMatchObject({
      quote_id: quote.id,
      opportunity_id: opportunity.id,
      amount: 100_000,
      current_amount: 100_000,
      payment_status: 'unpaid',
      outstanding_amount: 100_000,
    });
    expect(contract.lines).toEqual([
      expect.objectContaining({ product_id: product.id, quantity: 10, unit_price: 10_000, amount: 100_000 }),
    ]);
    contract = ok(
      await put('contracts', contract, 'repA', {
        payment_method: 'full',
        delivery_date: `${NEXT}-03-01`,
        after_sales_terms: 'One year',
        status: 'legal_review',
      }),
    );
    contract = ok(await put('contracts', contract, 'legal', { legal_opinion: 'No objection', status: 'manager_approval' }));
    contract = ok(await put('contracts', contract, 'managerNorth', { status: 'signed' }));
    opportunity = await read('opportunities', opportunity.id);
    expect(opportunity).toMatchObject({ stage: 'won', contract_signed: true });
    expect((await history('opportunities', opportunity.id)).at(-1)).toMatchObject({
      from_stage: 'negotiation',
      to_stage: 'won',
      comment: 'Moved by the server: the conditions of the stage hold',
    });

    // An approved amendment changes the contract's amount and date; the original stays.
    let amendment = created(
      await post('contract_amendments', 'repA', {
        name: 'More units',
        contract_id: contract.id,
        amendment_type: 'supplement',
        content: 'Five more units',
        effective_date: `${YEAR}-12-15`,
        amount_change: 50_000,
        new_delivery_date: `${NEXT}-04-01`,
      }),
    );
    amendment = ok(await put('contract_amendments', amendment, 'repA', { status: 'approved' }), 202);
    expect((await read('contracts', contract.id)).current_amount).toBe(100_000);
    await approveAll('contract_amendments', amendment.id, { legal: 'legal', sales_manager: 'managerNorth' });
    contract = await read('contracts', contract.id);
    expect(contract).toMatchObject({
      amount: 100_000,
      current_amount: 150_000,
      delivery_date: `${NEXT}-03-01`,
      current_delivery_date: `${NEXT}-04-01`,
      outstanding_amount: 150_000,
    });

    // Contract → order → delivery; the order and the stock follow the deliveries.
    let order = await opened(await act('contracts', contract, 'create_order'));
    expect(order).toMatchObject({
      contract_id: contract.id,
      total: 100_000,
      ordered_qty: 10,
      shipped_qty: 0,
      requested_delivery_date: `${NEXT}-04-01`,
      status: 'open',
    });
    const tooMany = await refused(['deliveries', 'sales_orders'], 400, ['lines'], () =>
      post('deliveries', 'repA', {
        sales_order_id: order.id,
        customer_id: customer.id,
        requested_date: `${NEXT}-01-10`,
        items: [{ product_id: product.id, quantity: 999_999 }],
      }),
    );
    expect(tooMany.json.message).toContain('999,999');
    expect(tooMany.json.message).toContain('(10)');
    let delivery = await opened(await act('sales_orders', order, 'create_delivery'));
    expect(delivery.items).toEqual([{ product_id: product.id, quantity: 10 }]);
    expect((await read('sales_orders', order.id)).shipped_qty).toBe(10);
    await refused(['deliveries'], 400, ['lines'], () => act('sales_orders', order, 'create_delivery'));
    delivery = ok(await put('deliveries', delivery, 'managerNorth', { status: 'approved' }));
    delivery = ok(await put('deliveries', delivery, 'repA', { outbound_note_number: 'CK-1', status: 'outbound' }));
    expect((await read('products', product.id)).stock_on_hand).toBe(90);
    delivery = ok(await put('deliveries', delivery, 'repA', { carrier: 'SF', shipped_date: `${YEAR}-12-02`, status: 'shipped' }));
    delivery = ok(
      await put('deliveries', delivery, 'repA', { customer_confirmed: true, confirmation_date: `${YEAR}-12-03`, status: 'confirmed' }),
    );
    order = await read('sales_orders', order.id);
    expect(order).toMatchObject({ delivered_qty: 10, fully_delivered: true, status: 'completed' });

    // Returns: never more than delivered; a return received puts the goods back in stock.
    await refused(['sales_returns', 'sales_orders'], 400, ['lines'], () =>
      post('sales_returns', 'repA', {
        return_number: 'TH-T-1',
        customer_id: customer.id,
        sales_order_id: order.id,
        delivery_id: delivery.id,
        items: [{ product_id: product.id, quantity: 2_000_000 }],
      }),
    );
    let ret = created(
      await post('sales_returns', 'repA', {
        return_number: 'TH-T-2',
        customer_id: customer.id,
        sales_order_id: order.id,
        delivery_id: delivery.id,
        items: [{ product_id: product.id, quantity: 2 }],
        reason: 'quality',
        reason_detail: 'Two units dented',
      }),
    );
    expect((await read('sales_orders', order.id)).returned_qty).toBe(2);
    ret = ok(await put('sales_returns', ret, 'managerNorth', { status: 'approved' }));
    ret = ok(await put('sales_returns', ret, 'repA', { received_date: `${YEAR}-12-05`, status: 'received' }));
    expect((await read('products', product.id)).stock_on_hand).toBe(92);

    // Invoice for what the contract still lacks; no more than the contract.
    await refused(['invoice_requests'], 400, ['amount'], () =>
      post('invoice_requests', 'repA', {
        invoice_title: 'Blue River Foods',
        contract_id: contract.id,
        customer_id: customer.id,
        amount: 99_999_999,
      }),
    );
    let invoice = await opened(await act('contracts', contract, 'create_invoice_request'));
    expect(invoice).toMatchObject({ contract_id: contract.id, amount: 150_000, invoice_title: 'Blue River Foods' });
    invoice = ok(
      await put('invoice_requests', invoice, 'repA', {
        invoice_type: 'vat_special',
        tax_number: '91310000MA1K00000X',
        status: 'finance_review',
      }),
    );
    invoice = ok(
      await put('invoice_requests', invoice, 'finance', { invoice_number: 'FP-1', issued_date: `${YEAR}-12-06`, status: 'issued' }),
    );
    expect((await read('contracts', contract.id)).invoiced_amount).toBe(150_000);
    // The order's own invoice would pass the contract, already invoiced in full.
    await refused(['invoice_requests'], 400, ['amount'], () => act('sales_orders', order, 'create_invoice_request'));

    // Invoice → collection; the money received settles the collection, the contract and the customer.
    let collection = await opened(await act('invoice_requests', invoice, 'create_collection'));
    expect(collection).toMatchObject({
      amount: 150_000,
      contract_id: contract.id,
      expected_date: `${NEXT}-01-05`,
      status: 'pending',
      past_due: false,
    });
    expect((await read('customers', customer.id)).open_receivables).toBe(150_000);
    collection = ok(await put('collections', collection, 'finance', { received_amount: 50_000, received_date: `${YEAR}-12-20` }));
    expect(collection.status).toBe('partially_received');
    expect(await read('contracts', contract.id)).toMatchObject({
      received_amount: 50_000,
      outstanding_amount: 100_000,
      payment_status: 'partially_paid',
    });
    collection = ok(await put('collections', collection, 'finance', { received_amount: 150_000 }));
    expect(collection.status).toBe('received');
    expect(await read('contracts', contract.id)).toMatchObject({ received_amount: 150_000, outstanding_amount: 0, payment_status: 'paid' });
    expect((await read('customers', customer.id)).open_receivables).toBe(0);
  });

  it('a rep recording a receipt asks finance: the collection waits for the approval, then settles', async () => {
    const customer = created(await post('customers', 'repA', { name: 'Pending Pay Ltd', grade: 'C' }));
    const collection = created(
      await post('collections', 'repA', { name: 'Deposit', customer_id: customer.id, amount: 1_000, expected_date: `${NEXT}-01-01` }),
    );
    const recorded = ok(await put('collections', collection, 'finance', { received_amount: 1_000, received_date: `${YEAR}-12-01` }));
    expect(recorded.status).toBe('received');
  });

  it('a collection past its date is overdue on its own: at once when saved, and by the sweep when the date passes', async () => {
    const customer = created(await post('customers', 'repA', { name: 'Late Payer Co', grade: 'D' }));
    const late = created(
      await post('collections', 'repA', {
        name: 'Old balance',
        customer_id: customer.id,
        amount: 30_000,
        expected_date: `${YEAR - 1}-08-01`,
      }),
    );
    expect(late).toMatchObject({ past_due: true, status: 'overdue' });
    // A row whose date passed since it was saved (written straight to the table, as time does).
    const [{ id }] = await db('collections')
      .insert({
        name: 'Due yesterday',
        customer_id: customer.id,
        amount: 500,
        expected_date: `${YEAR - 1}-12-31`,
        status: 'pending',
        past_due: false,
        owner_id: server.users.repA,
      })
      .returning('id');
    const result = await sweepDatedRecords({ knex: db, ...defaultDomain() });
    expect(result.refused).toEqual([]);
    expect(await read('collections', Number(id))).toMatchObject({ past_due: true, status: 'overdue' });
    expect((await history('collections', Number(id))).at(-1)).toMatchObject({ from_stage: 'pending', to_stage: 'overdue' });
    expect(Number((await history('collections', Number(id))).at(-1).user_id)).toBe(0);
    const again = await sweepDatedRecords({ knex: db, ...defaultDomain() });
    expect(again.changed).toBe(0);
  });

  it("the monthly review computes its five metrics from the month's data; the manager scores, once per person and month", async () => {
    const now = new Date();
    const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const rep = server.users.repB;
    const customer = created(await post('customers', 'repB', { name: 'Review Month Co', grade: 'B' }));
    created(await post('customers', 'repB', { name: 'Review Month Two', grade: 'C' }));
    await db('contracts').insert([
      {
        contract_number: 'HT-R-1',
        name: 'In month',
        customer_id: customer.id,
        status: 'signed',
        sign_date: `${month}-02`,
        owner_id: rep,
        amount: 80_000,
        current_amount: 80_000,
        gross_profit: 24_000,
      },
      {
        contract_number: 'HT-R-2',
        name: 'Archived in month',
        customer_id: customer.id,
        status: 'archived',
        sign_date: `${month}-03`,
        owner_id: rep,
        amount: 20_000,
        current_amount: 20_000,
        gross_profit: 5_000,
      },
      {
        contract_number: 'HT-R-3',
        name: 'Last year',
        customer_id: customer.id,
        status: 'signed',
        sign_date: `${YEAR - 1}-01-05`,
        owner_id: rep,
        amount: 999_000,
        current_amount: 999_000,
        gross_profit: 1,
      },
      {
        contract_number: 'HT-R-4',
        name: 'Draft',
        customer_id: customer.id,
        status: 'draft',
        sign_date: `${month}-04`,
        owner_id: rep,
        amount: 5_000,
        current_amount: 5_000,
      },
    ]);
    created(await post('quotas', 'managerNorth', { name: 'Quota', salesperson_id: rep, period: month, target_amount: 200_000 }));
    const service = created(await post('service_requests', 'repB', { customer_id: customer.id, service_type: 'A' }));
    const survey = {
      service_request_id: service.id,
      customer_id: customer.id,
      survey_date: `${month}-05`,
      attitude: 'very_satisfied',
      skill: 'satisfied',
      promises_kept: 'very_satisfied',
      arrival_time: 'satisfied',
    };
    expect(created(await post('satisfaction_surveys', 'managerNorth', { ...survey, survey_number: 'MY-R-1' }))).toMatchObject({
      score: 3.5,
      account_owner_id: rep,
    });
    created(
      await post('satisfaction_surveys', 'managerNorth', {
        ...survey,
        survey_number: 'MY-R-2',
        attitude: 'poor',
        skill: 'poor',
        promises_kept: 'poor',
        arrival_time: 'poor',
      }),
    );

    await refused(['performance_reviews'], 400, ['sales_amount'], () =>
      post('performance_reviews', 'repB', { salesperson_id: rep, month, sales_amount: 10_000_000 }),
    );
    let review = created(await post('performance_reviews', 'repB', { salesperson_id: rep, month, self_report: 'Two contracts signed' }));
    expect(review).toMatchObject({
      sales_amount: 100_000,
      sales_profit: 29_000,
      new_customers: 2,
      satisfaction_score: 2.25,
      quota_completion: 50,
      period_start: `${month}-01`,
    });
    await refused(['performance_reviews'], 403, ['manager_score'], () =>
      put('performance_reviews', review, 'repB', { manager_score: 100 }),
    );
    await refused(['performance_reviews'], 409, ['salesperson_id', 'month'], () =>
      post('performance_reviews', 'managerNorth', { salesperson_id: rep, month }),
    );
    review = ok(await put('performance_reviews', review, 'managerNorth', { manager_score: 88 }));
    expect(review.manager_score).toBe(88);
  });

  describe('reconciliation limits', () => {
    it('instalments add up to the plan; the plan is paid off only when every instalment is, and then on its own', async () => {
      const customer = created(await post('customers', 'repA', { name: 'Instalment Buyer', grade: 'B' }));
      const base = { agreement_number: 'FQ-T-1', customer_id: customer.id, total_amount: 100_000, down_payment: 20_000 };
      const wrong = await refused(['instalment_plans'], 400, ['instalments', 'total_amount'], () =>
        post('instalment_plans', 'repA', {
          ...base,
          instalments: [
            { due_date: `${NEXT}-01-31`, amount: 5 },
            { due_date: `${NEXT}-02-28`, amount: 7 },
          ],
        }),
      );
      expect(wrong.json.message).toBe('The instalments (12) and the down payment (20,000) must add up to the total (100,000)');
      const zh = await post('instalment_plans', 'repA', { ...base, instalments: [{ due_date: `${NEXT}-01-31`, amount: 5 }] });
      expect(zh.status).toBe(400);
      let plan = created(
        await post('instalment_plans', 'repA', {
          ...base,
          instalments: [
            { due_date: `${NEXT}-01-31`, amount: 40_000 },
            { due_date: `${YEAR - 1}-02-28`, amount: 40_000 },
          ],
        }),
      );
      expect(plan.instalments.map((i: any) => i.status)).toEqual(['pending', 'overdue']);
      await db('instalment_plans').where('id', plan.id).update({ status: 'active' });
      plan = await read('instalment_plans', plan.id);
      const schedule = created(await act('instalment_plans', plan, 'create_collections'));
      expect(schedule.created).toHaveLength(2);
      const first = await read('collections', schedule.created[0].id);
      expect(first).toMatchObject({ amount: 40_000, expected_date: `${NEXT}-01-31`, instalment_number: 1, name: 'FQ-T-1 #1' });
      await refused(['instalment_plans'], 422, ['instalments'], () => put('instalment_plans', plan, 'repA', { status: 'completed' }));
      plan = ok(
        await put('instalment_plans', plan, 'repA', { instalments: plan.instalments.map((i: any) => ({ ...i, paid_amount: i.amount })) }),
      );
      expect(plan.status).toBe('completed');
    });

    it('claims against a budget stay within it; what is paid is spent', async () => {
      const budget = created(
        await post('budgets', 'admin', { name: 'Travel Q1', period: `${NEXT}-01`, category: 'travel', amount: 1_000 }),
      );
      const over = await refused(['expense_claims', 'budgets'], 400, ['amount'], () =>
        post('expense_claims', 'repA', {
          expense_type: 'travel',
          amount: 50_000,
          budget_id: budget.id,
          invoices_attached: 1,
          description: 'Trip',
        }),
      );
      expect(over.json.message).toContain('50,000');
      expect(over.json.message).toContain('1,000');
      const zh = await call(
        'POST',
        '/expense_claims',
        'repA',
        { expense_type: 'travel', amount: 50_000, budget_id: budget.id, invoices_attached: 1 },
        'zh-CN',
      );
      expect(zh.json.message).toMatch(/预算项下报销 50,000 超过预算金额 1,000/);
      const claim = created(
        await post('expense_claims', 'repA', {
          expense_type: 'travel',
          amount: 800,
          budget_id: budget.id,
          invoices_attached: 1,
          description: 'Trip',
        }),
      );
      expect(await read('budgets', budget.id)).toMatchObject({ committed: 800, remaining: 200, spent: 0 });
      ok(await put('expense_claims', claim, 'repA', { status: 'manager_approved' }), 202);
      await approveAll('expense_claims', claim.id, { sales_manager: 'managerNorth' });
      let current = await read('expense_claims', claim.id);
      current = ok(await put('expense_claims', current, 'finance', { status: 'finance_approved' }));
      ok(await put('expense_claims', current, 'finance', { status: 'paid', paid_date: `${YEAR}-12-10` }));
      expect(await read('budgets', budget.id)).toMatchObject({ spent: 800, remaining: 200 });
    });

    it('a sales plan total equals its product targets', async () => {
      const bad = await refused(['sales_plans'], 400, ['total_target'], () =>
        post('sales_plans', 'managerNorth', {
          name: 'Plan',
          plan_type: 'annual',
          year: NEXT,
          total_target: 1,
          product_targets: [{ product_id: product.id, target_amount: 1_000_000 }],
        }),
      );
      expect(bad.json.message).toContain('(1)');
      created(
        await post('sales_plans', 'managerNorth', {
          name: 'Plan',
          plan_type: 'annual',
          year: NEXT,
          total_target: 1_000_000,
          product_targets: [{ product_id: product.id, target_amount: 1_000_000 }],
        }),
      );
    });

    it('an action names what it could not create, in the request language, and creates nothing', async () => {
      const customer = created(await post('customers', 'repA', { name: 'Acme Steel Works', grade: 'A' }));
      let lead = created(
        await post('leads', 'repA', {
          company_name: 'Acme Steel Works',
          source: 'online',
          contact_name: 'Ms. Qian',
          need: 'x',
          budget: 1,
          timeline: 'now',
        }),
      );
      lead = ok(await put('leads', lead, 'repA', { status: 'contacted' }));
      lead = ok(await put('leads', lead, 'repA', { status: 'qualified' }));
      const duplicate = await refused(['leads', 'customers', 'contacts', 'opportunities'], 409, ['name'], () =>
        act('leads', lead, 'convert', 'repA', 'zh-CN'),
      );
      expect(duplicate.json.message).toMatch(/^无法创建客户：/);
      // Linked to the existing customer, the lead converts without creating another.
      lead = ok(await put('leads', lead, 'repA', { customer_id: customer.id }));
      const conversion = created(await act('leads', lead, 'convert'));
      expect(conversion.created.map((c: any) => c.resource)).toEqual(['contacts', 'opportunities']);
      expect(await call('POST', `/leads/${lead.id}/actions/explode`, 'repA', {})).toMatchObject({ status: 404 });
    });

    it('a complaint under investigation becomes a free service request', async () => {
      const customer = created(await post('customers', 'repA', { name: 'Complaining Co', grade: 'C' }));
      let complaint = created(await post('complaints', 'repA', { subject: 'Unit too warm', customer_id: customer.id, channel: 'phone' }));
      await refused(['complaints', 'service_requests'], 409, [], () => act('complaints', complaint, 'create_service_request'));
      complaint = ok(
        await put('complaints', complaint, 'repA', {
          category: 'product_quality',
          severity: 'high',
          assignee_id: server.users.repA,
          description: 'Reads 9°C',
          status: 'investigating',
        }),
      );
      const service = await opened(await act('complaints', complaint, 'create_service_request'));
      expect(service).toMatchObject({
        customer_id: customer.id,
        service_type: 'C',
        problem: 'Unit too warm: Reads 9°C',
        status: 'registered',
      });
    });
  });
});
