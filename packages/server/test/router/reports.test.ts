/** Reports: aggregates in SQL, within the user's read scope, in the shapes the dashboard reads. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase, withStatements } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName, createAs } from './support/server.js';

const TODAY = new Date().toISOString().slice(0, 10);
const THIS_MONTH = TODAY.slice(0, 7);

const STANDARD_STAGES = ['development', 'initiation', 'proposal', 'bidding', 'negotiation', 'implementation', 'won', 'lost', 'abandoned'];

forEachDatabase('router reports', (database) => {
  let server: TestServer;
  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);
  const report = async (as: UserName, path: string, headers: Record<string, string> = {}) => {
    const answer = await server.request('GET', `/reports/${path}`, { as, headers });
    expect(answer.status, answer.text).toBe(200);
    return answer.json;
  };
  /** Rows straight into the table: records in won, archived or paid stages, past the gates and approvals the API would ask for. */
  const insert = async (table: string, row: Record<string, unknown>) => {
    const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Array.isArray(v) ? JSON.stringify(v) : v]));
    const [inserted] = await database.db(table).insert(values).returning('id');
    return Number(inserted.id);
  };
  const pick = (rows: Record<string, unknown>[], ...keys: string[]) => rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
  let u: Record<UserName, number>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = await startTestServer(database.db);
    u = server.users;
    const customerA = await create('repA', 'customers', { name: 'Customer of A', grade: 'A' });
    const customerSouth = await create('repSouth', 'customers', { name: 'Customer in the south', grade: 'B' });
    await create('repA', 'opportunities', { name: 'ERP A1', customer_id: customerA.id, expected_amount: 100 });
    await create('repA', 'opportunities', { name: 'ERP A2', customer_id: customerA.id, expected_amount: 250 });
    await create('repSouth', 'opportunities', { name: 'ERP S', customer_id: customerSouth.id, expected_amount: 1000 });
    // The received amount is finance's to record (x-write); the admin stands in for finance here.
    await create('admin', 'collections', {
      name: 'First payment',
      customer_id: customerA.id,
      expected_date: '2026-09-01',
      amount: 500,
      received_amount: 100,
      owner_id: server.users.repA,
    });
    await create('repA', 'collections', { name: 'Second payment', customer_id: customerA.id, expected_date: '2026-11-20', amount: 300 });
    await create('repA', 'collections', { name: 'Not due yet', customer_id: customerA.id, expected_date: '2026-12-31', amount: 300 });

    // Territories, products and the customers' regions.
    const east = await insert('territories', { name: 'East' });
    const west = await insert('territories', { name: 'West' });
    Object.assign(ids, { east, west, custA: customerA.id, custSouth: customerSouth.id });
    await database.db('customers').where('id', customerA.id).update({ territory_id: east });
    await database.db('customers').where('id', customerSouth.id).update({ territory_id: west });
    const custB = await insert('customers', {
      name: 'Customer of B',
      grade: 'C',
      status: 'customer',
      owner_id: u.repB,
      territory_id: east,
    });
    ids.router = await insert('products', { code: 'P1', name: 'Router' });
    ids.switch = await insert('products', { code: 'P2', name: 'Switch' });

    // Won opportunities (2021 unless said), dated by the moment they entered the won stage (accepted that day).
    const won = (
      name: string,
      owner: UserName,
      customer: number,
      amount: number,
      acceptance: string | null,
      source: string | null,
      more: Record<string, unknown> = {},
    ) =>
      insert('opportunities', {
        name,
        stage: 'won',
        owner_id: u[owner],
        customer_id: customer,
        expected_amount: amount,
        acceptance_date: acceptance,
        source,
        ...(acceptance ? { stage_entered_at: `${acceptance}T10:00:00Z` } : {}),
        ...more,
      });
    await won('Won A March', 'repA', customerA.id, 1000, '2021-03-10', 'referral');
    await won('Won A April', 'repA', customerA.id, 500, '2021-04-05', 'online');
    await won('Won B March', 'repB', custB, 300, '2021-03-20', 'referral');
    await won('Won South March', 'repSouth', customerSouth.id, 2000, '2021-03-15', 'exhibition');
    // Won without an acceptance date (its contract signed): dated by the moment it entered the won stage.
    await won('Won A 1999', 'repA', customerA.id, 700, null, null, {
      expected_sign_date: '2021-03-15',
      stage_entered_at: '1999-01-15T08:00:00Z',
    });
    await won('Lost A', 'repA', customerA.id, 999, '2021-03-01', 'referral', { stage: 'lost', close_reason: 'Price too high' });
    await won('Won A today', 'repA', customerA.id, 400, TODAY, 'online');
    // repB's win for a customer repB may not read (repA's): no region for repB.
    await won('Won B May', 'repB', customerA.id, 50, '2021-05-01', 'other');

    // Contracts: products come from the lines of archived (won) contracts, dated by their signing date.
    const contract = (
      name: string,
      owner: UserName,
      customer: number,
      status: string,
      sign: string | null,
      lines: Record<string, unknown>[],
    ) =>
      insert('contracts', {
        contract_number: `HT-${name.replace(/\W/g, '')}`,
        name,
        owner_id: u[owner],
        customer_id: customer,
        status,
        sign_date: sign,
        lines,
      });
    ids.c1 = await contract('Contract A', 'repA', customerA.id, 'archived', '2021-03-12', [
      { product_id: ids.router, quantity: 2, unit_price: 100, amount: 200 },
      { product_id: ids.switch, quantity: 1, unit_price: 50, amount: 50 },
    ]);
    // A line without its stored amount: quantity × unit price less the discount (90).
    ids.c2 = await contract('Contract South', 'repSouth', customerSouth.id, 'archived', '2021-05-01', [
      { product_id: ids.router, quantity: 1, unit_price: 100, discount: 10 },
    ]);
    await contract('Contract draft', 'repA', customerA.id, 'draft', null, [
      { product_id: ids.router, quantity: 10, unit_price: 100, amount: 1000 },
    ]);
    await contract('Contract 2020', 'repA', customerA.id, 'archived', '2020-12-31', [
      { product_id: ids.switch, quantity: 1, unit_price: 80, amount: 80 },
    ]);

    // Quotas, one month each.
    const quota = (owner: UserName, period: string | null, target: number) =>
      insert('quotas', { name: `Quota ${owner} ${period}`, salesperson_id: u[owner], period, target_amount: target, status: 'approved' });
    await quota('repA', '1999-01', 1000);
    await quota('repA', '2021-03', 800);
    await quota('repSouth', '2021-03', 2500);
    await quota('repB', null, 100);
    await quota('repA', THIS_MONTH, 500);

    // Sales plans.
    const north = (await database.db('salespeople').where('id', u.repA).first()).team_id;
    ids.north = Number(north);
    const plan = (row: Record<string, unknown>) => insert('sales_plans', { status: 'approved', strategy: 'Grow', ...row });
    ids.planNorth = await plan({
      name: 'North March',
      plan_type: 'monthly',
      year: 2021,
      month: '2021-03',
      team_id: north,
      owner_id: u.managerNorth,
      total_target: 2000,
    });
    ids.planA = await plan({ name: 'Rep A 2021', plan_type: 'annual', year: 2021, owner_id: u.repA, total_target: 3000 });
    await plan({
      name: 'Withdrawn',
      plan_type: 'monthly',
      year: 2021,
      month: '2021-03',
      team_id: north,
      owner_id: u.managerNorth,
      total_target: 5000,
      status: 'withdrawn',
    });
    ids.planCompany = await plan({
      name: 'Company April',
      plan_type: 'monthly',
      year: 2021,
      month: '2021-04',
      owner_id: null,
      total_target: 100,
    });

    // Forecasts.
    const forecast = (owner: UserName, period: string, amount: number) =>
      insert('forecasts', {
        name: `Forecast ${owner} ${period} ${amount}`,
        owner_id: u[owner],
        period,
        forecast_amount: amount,
        status: 'approved',
      });
    await forecast('repA', '2021-03', 500);
    await forecast('repA', '2021-03', 300);
    await forecast('repSouth', '2021-03', 2500);
    await forecast('repB', '2021-06', 100);

    // Expense claims: only paid ones count.
    const claim = (owner: UserName, amount: number, date: string, status = 'paid') =>
      insert('expense_claims', {
        claim_number: `BX-${owner}-${amount}`,
        owner_id: u[owner],
        expense_type: 'travel',
        amount,
        expense_date: date,
        description: 'Trip',
        status,
      });
    await claim('repA', 150, '2021-03-05');
    await claim('repA', 50, '2021-04-01');
    await claim('repA', 999, '2021-03-06', 'submitted');
    await claim('repSouth', 100, '2021-03-10');
    await claim('repB', 35, '2021-07-01');

    // Satisfaction surveys: the engineer is the survey's, else its service request's.
    const request = await insert('service_requests', {
      request_number: 'FW-1',
      customer_id: customerA.id,
      problem: 'Broken',
      engineer_id: u.presales,
      status: 'archived',
    });
    const survey = (
      n: number,
      engineer: UserName | null,
      date: string,
      ratings: Record<string, string>,
      more: Record<string, unknown> = {},
    ) =>
      insert('satisfaction_surveys', {
        survey_number: `DC-${n}`,
        engineer_id: engineer ? u[engineer] : null,
        survey_date: date,
        ...ratings,
        ...more,
      });
    await survey(1, 'repB', '2021-05-01', {
      attitude: 'very_satisfied',
      skill: 'satisfied',
      arrival_time: 'satisfied',
      promises_kept: 'poor',
    });
    await survey(2, 'repB', '2021-05-02', { attitude: 'average' });
    const best = { attitude: 'very_satisfied', skill: 'very_satisfied', arrival_time: 'very_satisfied', promises_kept: 'very_satisfied' };
    await survey(3, null, '2021-05-03', best, { service_request_id: request });
    await survey(4, 'repB', '2020-01-01', { attitude: 'poor', skill: 'poor', arrival_time: 'poor', promises_kept: 'poor' });

    // Overdue: stale statuses, a written-off collection, instalments (one tracked by a collection).
    const collection = (row: Record<string, unknown>) => insert('collections', { received_amount: 0, ...row });
    await collection({
      name: 'Stale received',
      owner_id: u.repA,
      customer_id: customerA.id,
      status: 'received',
      expected_date: '2026-10-15',
      amount: 200,
      received_amount: 150,
    });
    await collection({
      name: 'Written off',
      owner_id: u.repA,
      customer_id: customerA.id,
      status: 'written_off',
      expected_date: '2026-01-01',
      amount: 1000,
      write_off_reason: 'Bankrupt',
    });
    await collection({
      name: 'South instalment 1',
      owner_id: u.repSouth,
      customer_id: customerSouth.id,
      contract_id: ids.c2,
      instalment_number: 1,
      status: 'pending',
      expected_date: '2026-10-01',
      amount: 80,
    });
    await insert('instalment_plans', {
      agreement_number: 'FQ-A',
      owner_id: u.repA,
      customer_id: customerA.id,
      contract_id: ids.c1,
      status: 'active',
      total_amount: 400,
      instalments: [
        { due_date: '2026-07-01', amount: 100, paid_amount: 100, status: 'overdue' }, // paid in full, whatever its status says
        { due_date: '2026-08-01', amount: 100, paid_amount: 40, status: 'paid' }, // 121 days, 60 owed
        { due_date: '2026-11-01', amount: 100, status: 'pending' }, // 29 days, 100 owed
        { due_date: '2026-12-15', amount: 100 }, // not due
      ],
    });
    await insert('instalment_plans', {
      agreement_number: 'FQ-S',
      owner_id: u.repSouth,
      customer_id: customerSouth.id,
      contract_id: ids.c2,
      status: 'active',
      total_amount: 80,
      instalments: [{ due_date: '2026-10-01', amount: 80, paid_amount: 0 }], // tracked by "South instalment 1"
    });
    await insert('instalment_plans', {
      agreement_number: 'FQ-D',
      owner_id: u.repA,
      customer_id: customerA.id,
      status: 'defaulted',
      total_amount: 500,
      close_reason: 'Defaulted',
      instalments: [{ due_date: '2026-01-01', amount: 500 }], // a lost stage: closed
    });
  });
  afterAll(() => server?.close());

  it('stage-totals: every stage in order, counts and amounts within the read scope', async () => {
    const all = await report('admin', 'stage-totals?resource=opportunities');
    expect(all[0]).toMatchObject({ stage: 'development', count: 3, amount: 1350 });
    // Every stage of every pipeline; the stages of one pipeline when the filter names it (the board).
    expect(all.map((r: { stage: string }) => r.stage).slice(0, 9)).toEqual(STANDARD_STAGES);
    expect(all.some((r: { stage: string }) => r.stage === 'ma_customer_analysis')).toBe(true);
    const standard = await report(
      'admin',
      `stage-totals?resource=opportunities&filter=${encodeURIComponent(JSON.stringify({ pipeline: 'standard' }))}`,
    );
    expect(standard.map((r: { stage: string }) => r.stage)).toEqual(STANDARD_STAGES);
    expect(standard[0]).toMatchObject({ stage: 'development', count: 3, amount: 1350 });
    const own = await report('repA', 'stage-totals?resource=opportunities');
    expect(own[0]).toMatchObject({ stage: 'development', count: 2, amount: 350 });
    const filtered = await report(
      'admin',
      `stage-totals?resource=opportunities&filter=${encodeURIComponent(JSON.stringify({ expected_amount_gte: 200 }))}`,
    );
    expect(filtered[0]).toMatchObject({ stage: 'development', count: 2, amount: 1250 });
  });

  it('overdue-collections: collections and instalments still owed past their date, by age, whatever their stored status', async () => {
    const bucket = (name: string, c: [number, number], i: [number, number]) => ({
      bucket: name,
      count: c[0] + i[0],
      amount: c[1] + i[1],
      collections: { count: c[0], amount: c[1] },
      instalments: { count: i[0], amount: i[1] },
    });
    expect(await report('admin', 'overdue-collections?as_of=2026-11-30')).toEqual([
      bucket('0-30', [1, 300], [1, 100]),
      bucket('31-60', [2, 130], [0, 0]), // "Stale received" (50 of 200 left) and the south collection; its instalment counted once, as the collection
      bucket('61-90', [1, 400], [0, 0]),
      bucket('90+', [0, 0], [1, 60]),
    ]);
    expect(await report('repA', 'overdue-collections?as_of=2026-11-30')).toEqual([
      bucket('0-30', [1, 300], [1, 100]),
      bucket('31-60', [1, 50], [0, 0]),
      bucket('61-90', [1, 400], [0, 0]),
      bucket('90+', [0, 0], [1, 60]),
    ]);
    const south = await report('repSouth', 'overdue-collections?as_of=2026-11-30');
    expect(pick(south, 'bucket', 'count', 'amount')).toEqual([
      { bucket: '0-30', count: 0, amount: 0 },
      { bucket: '31-60', count: 1, amount: 80 },
      { bucket: '61-90', count: 0, amount: 0 },
      { bucket: '90+', count: 0, amount: 0 },
    ]);
    // A month earlier: the 2026-11-01 instalment is not due yet, the August one is 61 days late.
    const earlier = await report('admin', 'overdue-collections?as_of=2026-10-01');
    expect(pick(earlier, 'bucket', 'count', 'amount')).toEqual([
      { bucket: '0-30', count: 1, amount: 400 },
      { bucket: '31-60', count: 0, amount: 0 },
      { bucket: '61-90', count: 1, amount: 60 },
      { bucket: '90+', count: 0, amount: 0 },
    ]);
  });

  it('sales-by salesperson: won amounts and counts by owner, names joined, within the period and the read scope', async () => {
    const year = 'from=2021-01-01&to=2021-12-31';
    expect(await report('admin', `sales-by?by=salesperson&${year}`)).toEqual([
      { key: u.repSouth, label: 'repSouth', amount: 2000, count: 1 },
      { key: u.repA, label: 'repA', amount: 1500, count: 2 },
      { key: u.repB, label: 'repB', amount: 350, count: 2 },
    ]);
    expect(await report('repA', `sales-by?by=salesperson&${year}`)).toEqual([{ key: u.repA, label: 'repA', amount: 1500, count: 2 }]);
    expect(await report('managerNorth', `sales-by?${year}`)).toEqual([
      { key: u.repA, label: 'repA', amount: 1500, count: 2 },
      { key: u.repB, label: 'repB', amount: 350, count: 2 },
    ]);
    // Months as bounds: March 2021 only.
    expect(pick(await report('admin', 'sales-by?from=2021-03&to=2021-03'), 'label', 'amount')).toEqual([
      { label: 'repSouth', amount: 2000 },
      { label: 'repA', amount: 1000 },
      { label: 'repB', amount: 300 },
    ]);
    // No period: every win, the one dated by its expected signing date (1999) and today's included; the lost one never.
    expect(pick(await report('admin', 'sales-by'), 'label', 'amount', 'count')).toEqual([
      { label: 'repA', amount: 2600, count: 4 },
      { label: 'repSouth', amount: 2000, count: 1 },
      { label: 'repB', amount: 350, count: 2 },
    ]);
    expect(pick(await report('admin', 'sales-by?to=1999-12-31'), 'label', 'amount')).toEqual([{ label: 'repA', amount: 700 }]);
  });

  it('sales-by region: the customer territory, through the customers the caller may read', async () => {
    expect(await report('admin', 'sales-by?by=region&from=2021-01&to=2021-12')).toEqual([
      { key: ids.west, label: 'West', amount: 2000, count: 1 },
      { key: ids.east, label: 'East', amount: 1850, count: 4 },
    ]);
    // repB reads their own customer, not repA's: that win has no region for them.
    expect(await report('repB', 'sales-by?by=region&from=2021-01&to=2021-12')).toEqual([
      { key: ids.east, label: 'East', amount: 300, count: 1 },
      { key: null, label: null, amount: 50, count: 1 },
    ]);
  });

  it('sales-by, the wins by month, per salesperson and beside expenses read the won sales the database keeps; a customer moved to another territory takes its past wins along', async () => {
    await withStatements(database.db, async (statements) => {
      for (const as of ['admin', 'managerNorth', 'repA', 'repB'] as const) {
        const paths = [
          'sales-by?by=region&from=2021-01&to=2021-12',
          'sales-by?by=salesperson',
          'quota-attainment',
          'expense-ratio',
          'plan-vs-actual',
        ];
        for (const path of [...paths, 'forecast-vs-quota?from=2021-01&to=2021-12']) {
          statements.length = 0;
          await report(as, path);
          expect(statements.filter((sql) => sql.includes('sales_won_totals__opportunities')).length, `${as} ${path}`).toBe(1);
          // The forecast's open pipeline is read from the records; the wins of every report are not.
          const records = paths.includes(path) ? 0 : 1;
          expect(statements.filter((sql) => /from "opportunities"/.test(sql)).length, `${as} ${path}`).toBe(records);
        }
      }
    });
    // A period ending inside a month counts the records; its halves add up to the kept month.
    const halves = await withStatements(database.db, async (statements) => {
      const answers = [];
      for (const period of ['from=2021-03-01&to=2021-03-14', 'from=2021-03-15&to=2021-03-31']) {
        statements.length = 0;
        answers.push(await report('repB', `sales-by?by=region&${period}`), await report('admin', `sales-by?by=salesperson&${period}`));
        expect(statements.filter((sql) => sql.includes('sales_won_totals__opportunities'))).toEqual([]);
        expect(statements.filter((sql) => /from "opportunities"/.test(sql)).length).toBe(2);
      }
      return answers;
    });
    const added = (...answers: { key: unknown; amount: number; count: number }[][]) => {
      const sums = new Map<unknown, { amount: number; count: number }>();
      for (const row of answers.flat()) {
        const sum = sums.get(row.key) ?? { amount: 0, count: 0 };
        sums.set(row.key, { amount: sum.amount + row.amount, count: sum.count + row.count });
      }
      return Object.fromEntries([...sums].map(([key, sum]) => [String(key), sum]));
    };
    expect(added(halves[0], halves[2])).toEqual(added(await report('repB', 'sales-by?by=region&from=2021-03&to=2021-03')));
    expect(added(halves[1], halves[3])).toEqual(added(await report('admin', 'sales-by?by=salesperson&from=2021-03&to=2021-03')));
    expect(Object.keys(added(halves[1], halves[3])).length).toBe(3);

    await database.db('customers').where('id', ids.custSouth).update({ territory_id: ids.east });
    try {
      expect(await report('admin', 'sales-by?by=region&from=2021-01&to=2021-12')).toEqual([
        { key: ids.east, label: 'East', amount: 3850, count: 5 },
      ]);
    } finally {
      await database.db('customers').where('id', ids.custSouth).update({ territory_id: ids.west });
    }
  });

  it('sales-by product: lines of won contracts signed in the period, named by product', async () => {
    expect(await report('admin', 'sales-by?by=product&from=2021-01-01&to=2021-12-31')).toEqual([
      { key: ids.router, label: 'Router', amount: 290, count: 2 },
      { key: ids.switch, label: 'Switch', amount: 50, count: 1 },
    ]);
    expect(await report('repA', 'sales-by?by=product&from=2021-01-01&to=2021-12-31')).toEqual([
      { key: ids.router, label: 'Router', amount: 200, count: 1 },
      { key: ids.switch, label: 'Switch', amount: 50, count: 1 },
    ]);
    expect(pick(await report('admin', 'sales-by?by=product'), 'label', 'amount', 'count')).toEqual([
      { label: 'Router', amount: 290, count: 2 },
      { label: 'Switch', amount: 130, count: 2 },
    ]);
  });

  it('sales-by channel: the opportunity source, labelled in the caller’s language', async () => {
    expect(await report('admin', 'sales-by?by=channel&from=2021-01-01&to=2021-12-31')).toEqual([
      { key: 'exhibition', label: 'Exhibition', amount: 2000, count: 1 },
      { key: 'referral', label: 'Referral', amount: 1300, count: 2 },
      { key: 'online', label: 'Online', amount: 500, count: 1 },
      { key: 'other', label: 'Other', amount: 50, count: 1 },
    ]);
    const zh = await report('admin', 'sales-by?by=channel&from=2021-03&to=2021-03', { 'Accept-Language': 'zh-CN' });
    expect(pick(zh, 'key', 'label', 'amount')).toEqual([
      { key: 'exhibition', label: '展会', amount: 2000 },
      { key: 'referral', label: '介绍', amount: 1300 },
    ]);
  });

  it('quota-attainment: each quota against the wins of its own month, with the salesperson name', async () => {
    expect(await report('admin', 'quota-attainment')).toEqual([
      { salesperson_id: u.repSouth, salesperson_name: 'repSouth', quota: 2500, won: 2000, count: 1 },
      { salesperson_id: u.repA, salesperson_name: 'repA', quota: 2300, won: 2100, count: 3 },
      { salesperson_id: u.repB, salesperson_name: 'repB', quota: 100, won: 0, count: 0 },
    ]);
    // January 1999: that quota and that month's win only, never this year's.
    const january1999 = [{ salesperson_id: u.repA, salesperson_name: 'repA', quota: 1000, won: 700, count: 1 }];
    expect(await report('admin', 'quota-attainment?from=1999-01&to=1999-01')).toEqual(january1999);
    expect(await report('admin', 'quota-attainment?from=1999-01-01&to=1999-01-31')).toEqual(january1999);
    expect(await report('admin', `quota-attainment?filter=${encodeURIComponent(JSON.stringify({ period: '1999-01' }))}`)).toEqual(
      january1999,
    );
    expect(await report('admin', `quota-attainment?from=${THIS_MONTH}`)).toEqual([
      { salesperson_id: u.repA, salesperson_name: 'repA', quota: 500, won: 400, count: 1 },
    ]);
    expect(pick(await report('repA', 'quota-attainment'), 'salesperson_name', 'quota', 'won')).toEqual([
      { salesperson_name: 'repA', quota: 2300, won: 2100 },
    ]);
    expect(pick(await report('managerNorth', 'quota-attainment'), 'salesperson_name')).toEqual([
      { salesperson_name: 'repA' },
      { salesperson_name: 'repB' },
    ]);
  });

  it('plan-vs-actual: targets against the wins of the plan period, for its team, its owner or everyone', async () => {
    const row = (
      plan: number,
      name: string,
      type: string,
      period: string,
      team: number | null,
      owner: number | null,
      target: number,
      actual: number,
      count: number,
    ) => ({
      plan_id: plan,
      name,
      plan_type: type,
      period,
      team_id: team,
      team_name: team ? 'Team north' : null,
      owner_id: owner,
      owner_name: owner === u.repA ? 'repA' : owner === u.managerNorth ? 'managerNorth' : null,
      target,
      actual,
      count,
    });
    expect(await report('admin', 'plan-vs-actual')).toEqual([
      row(ids.planA, 'Rep A 2021', 'annual', '2021', null, u.repA, 3000, 1500, 2),
      row(ids.planNorth, 'North March', 'monthly', '2021-03', ids.north, u.managerNorth, 2000, 1300, 2),
      row(ids.planCompany, 'Company April', 'monthly', '2021-04', null, null, 100, 500, 1),
    ]);
    // A rep reads every plan but only their own wins.
    expect(pick(await report('repA', 'plan-vs-actual'), 'name', 'actual')).toEqual([
      { name: 'Rep A 2021', actual: 1500 },
      { name: 'North March', actual: 1000 },
      { name: 'Company April', actual: 500 },
    ]);
    expect(pick(await report('admin', 'plan-vs-actual?from=2021-04&to=2021-04'), 'name')).toEqual([
      { name: 'Rep A 2021' },
      { name: 'Company April' },
    ]);
  });

  it('forecast-accuracy: forecasts of a salesperson and month against their wins of that month', async () => {
    expect(await report('admin', 'forecast-accuracy')).toEqual([
      {
        salesperson_id: u.repA,
        salesperson_name: 'repA',
        period: '2021-03',
        forecasts: 2,
        forecast: 800,
        actual: 1000,
        error: -200,
        accuracy: 0.8,
      },
      {
        salesperson_id: u.repSouth,
        salesperson_name: 'repSouth',
        period: '2021-03',
        forecasts: 1,
        forecast: 2500,
        actual: 2000,
        error: 500,
        accuracy: 0.75,
      },
      {
        salesperson_id: u.repB,
        salesperson_name: 'repB',
        period: '2021-06',
        forecasts: 1,
        forecast: 100,
        actual: 0,
        error: 100,
        accuracy: null,
      },
    ]);
    expect(pick(await report('repA', 'forecast-accuracy'), 'salesperson_name', 'accuracy')).toEqual([
      { salesperson_name: 'repA', accuracy: 0.8 },
    ]);
    expect(pick(await report('admin', 'forecast-accuracy?from=2021-06-15'), 'salesperson_name', 'period')).toEqual([
      { salesperson_name: 'repB', period: '2021-06' },
    ]);
  });

  it('expense-ratio: paid claims against won sales per salesperson, then the total', async () => {
    const year = 'from=2021-01-01&to=2021-12-31';
    const rows = await report('admin', `expense-ratio?${year}`);
    expect(rows).toEqual([
      { salesperson_id: u.repSouth, salesperson_name: 'repSouth', expenses: 100, won: 2000, ratio: 0.05, total: false },
      { salesperson_id: u.repA, salesperson_name: 'repA', expenses: 200, won: 1500, ratio: expect.closeTo(200 / 1500, 10), total: false },
      { salesperson_id: u.repB, salesperson_name: 'repB', expenses: 35, won: 350, ratio: 0.1, total: false },
      { salesperson_id: null, salesperson_name: null, expenses: 335, won: 3850, ratio: expect.closeTo(335 / 3850, 10), total: true },
    ]);
    expect(pick(await report('repA', `expense-ratio?${year}`), 'salesperson_name', 'expenses', 'won', 'total')).toEqual([
      { salesperson_name: 'repA', expenses: 200, won: 1500, total: false },
      { salesperson_name: null, expenses: 200, won: 1500, total: true },
    ]);
    expect(await report('admin', 'expense-ratio?from=2021-07&to=2021-07')).toEqual([
      { salesperson_id: u.repB, salesperson_name: 'repB', expenses: 35, won: 0, ratio: null, total: false },
      { salesperson_id: null, salesperson_name: null, expenses: 35, won: 0, ratio: null, total: true },
    ]);
    expect(await report('admin', 'expense-ratio?from=1990-01&to=1990-01')).toEqual([
      { salesperson_id: null, salesperson_name: null, expenses: 0, won: 0, ratio: null, total: true },
    ]);
  });

  it('satisfaction-by-engineer: average scores (4 very satisfied … 1 poor) per engineer, the service request’s engineer when the survey names none', async () => {
    expect(await report('admin', 'satisfaction-by-engineer?from=2021-01-01')).toEqual([
      {
        engineer_id: u.presales,
        engineer_name: 'presales',
        surveys: 1,
        score: 4,
        attitude: 4,
        skill: 4,
        arrival_time: 4,
        promises_kept: 4,
      },
      { engineer_id: u.repB, engineer_name: 'repB', surveys: 2, score: 2.6, attitude: 3, skill: 3, arrival_time: 3, promises_kept: 1 },
    ]);
    const all = await report('repA', 'satisfaction-by-engineer');
    expect(pick(all, 'engineer_name', 'surveys')).toEqual([
      { engineer_name: 'presales', surveys: 1 },
      { engineer_name: 'repB', surveys: 3 },
    ]);
    expect(all[1].score).toBeCloseTo(17 / 9, 10);
  });

  it('refuses an unknown report, a resource without workflow and bad parameters', async () => {
    expect((await server.request('GET', '/reports/toString', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/nope', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/stage-totals?resource=products', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/stage-totals?resource=nowhere', { as: 'admin' })).status).toBe(404);
    expect((await server.request('GET', '/reports/overdue-collections?as_of=tomorrow', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/overdue-collections?as_of=2026-11', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/stage-totals?resource=opportunities', { as: null })).status).toBe(401);
    const by = await server.request('GET', '/reports/sales-by?by=weather', { as: 'admin' });
    expect(by.status).toBe(400);
    expect(by.json.errors).toEqual({ by: 'must be one of: salesperson, region, product, channel' });
    const zh = await server.request('GET', '/reports/sales-by?by=weather', { as: 'admin', headers: { 'Accept-Language': 'zh-CN' } });
    expect(zh.json.message).toContain('以下之一');
    for (const bad of ['from=2021-13', 'to=2021-02-30', 'from=yesterday', 'from=2021-05-01&to=2021-04-30']) {
      expect((await server.request('GET', `/reports/sales-by?${bad}`, { as: 'admin' })).status, bad).toBe(400);
    }
    expect((await server.request('GET', '/reports/quota-attainment?from=1999', { as: 'admin' })).status).toBe(400);
    expect((await server.request('GET', '/reports/plan-vs-actual?filter=[1]', { as: 'admin' })).status).toBe(400);
  });
});
