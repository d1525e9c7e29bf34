/**
 * Import benchmark, on PostgreSQL and on PGlite in one run (`pnpm --filter @ra-sales/server bench:import`):
 * - `POST /customers/import` of a CSV of ROWS customers (name, grade by its Chinese label, industry,
 *   phone, owner by name) and `POST /opportunities/import` of ROWS opportunities (name, customer by
 *   name, owner by name, amount, sign date) as the administrator, batched, timed end to end over HTTP;
 * - the per-row path (`createWithin` in a savepoint per row, as before batching) on a SAMPLE of
 *   rows of each, extrapolated to ROWS and labelled so;
 * - a bare multi-row INSERT of the same rows (1,000 a statement; enums, owners and customers
 *   already resolved, no rule, no audit), rolled back afterwards, as the baseline.
 * Each database is fresh and migrated. PostgreSQL: DATABASE_URL, or a throwaway local server
 * (test/support/postgres.ts). `ROWS=10000 SAMPLE=500` for a quicker run, `ONLY=postgres|pglite`.
 */
import { request } from 'node:http';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { connectDatabase } from '../src/db/index.js';
import { Counter } from '../src/router/counting.js';
import { importRows } from '../src/router/import/run.js';
import { describeResources } from '../src/router/resources.js';
import { startPostgres } from '../test/support/postgres.js';
import { defaultDomain } from '../test/router/support/model.js';
import { startTestServer, type TestServer } from '../test/router/support/server.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const SAMPLE = Number(process.env.SAMPLE ?? 2_000);
const ONLY = process.env.ONLY;
const GRADES: Record<string, string> = { 'A 类（重点）': 'A', 'B 类（重要）': 'B', 'C 类（一般）': 'C', 'D 类（低）': 'D' };
const OWNERS = ['repA', 'repB', 'managerNorth'] as const;

interface Figures {
  database: string;
  entity: string;
  rows: number;
  batchedSeconds: number;
  perRowSeconds: number;
  perRowSample: number;
  baselineSeconds: number;
}

const customerRow = (i: number, prefix: string) => ({
  name: `${prefix} ${i + 1}`,
  grade: Object.keys(GRADES)[i % 4],
  industry: ['制造业', '物流', '零售'][i % 3],
  contact_phone: `138${String(i).padStart(8, '0')}`,
  owner: OWNERS[i % 3],
});

const opportunityRow = (i: number, prefix: string, customers: number) => ({
  name: `${prefix} ${i + 1}`,
  customer: `客户 ${(i % customers) + 1}`,
  owner: OWNERS[i % 3],
  expected_amount: 10_000 + (i % 997) * 100,
  expected_sign_date: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
});

const customerCsv = (rows: ReturnType<typeof customerRow>[]) =>
  ['客户名称,客户等级,所属行业,电话,客户归属', ...rows.map((r) => [r.name, r.grade, r.industry, r.contact_phone, r.owner].join(','))].join(
    '\n',
  );

const opportunityCsv = (rows: ReturnType<typeof opportunityRow>[]) =>
  [
    'name,customer_id,owner_id,expected_amount,expected_sign_date',
    ...rows.map((r) => [r.name, r.customer, r.owner, r.expected_amount, r.expected_sign_date].join(',')),
  ].join('\n');

/** node:http rather than fetch, whose client gives up after 5 minutes without response headers. */
function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, (performance.now() - started) / 1000];
}

async function importOverHttp(app: TestServer, resource: string, csv: string, rows: number): Promise<number> {
  const [response, seconds] = await timed(() =>
    post(`${app.url}/${resource}/import`, csv, { 'Content-Type': 'text/csv', 'X-Sales-User': String(app.users.admin) }),
  );
  const answer = JSON.parse(response.text) as { created: number; mode: string };
  if (response.status !== 200 || answer.created !== rows || answer.mode !== 'batched')
    throw new Error(`${resource} import failed: ${response.text.slice(0, 500)}`);
  return seconds;
}

/** The per-row path on `csv`, through the import itself (all or nothing), committed. */
async function importRowByRow(db: Knex, app: TestServer, resource: string, csv: string, rows: number): Promise<number> {
  const { model, validators } = defaultDomain();
  const resources = describeResources(model);
  const team = (await db('salespeople').where({ id: app.users.admin }).first()) as { team_id: number | null };
  const ctx = {
    knex: db,
    model,
    validators,
    resources,
    counter: new Counter(100_000),
    user: { id: app.users.admin, roles: ['admin'], teamId: team.team_id },
    locale: 'en',
  };
  const [answer, seconds] = await timed(() => importRows(ctx, resources.get(resource)!, 'csv', Readable.from([csv]), false, true));
  if (answer.created !== rows || answer.mode !== 'row by row')
    throw new Error(`${resource} per-row import failed: ${JSON.stringify(answer)}`);
  return seconds;
}

/** A bare multi-row INSERT of `rows`, 1,000 a statement, timed, then rolled back. */
async function bareInsert(db: Knex, table: string, rows: Record<string, unknown>[]): Promise<number> {
  let seconds = 0;
  const rollback = new Error('rollback');
  await db
    .transaction(async (trx) => {
      const started = performance.now();
      for (let i = 0; i < rows.length; i += 1000) await trx(table).insert(rows.slice(i, i + 1000));
      seconds = (performance.now() - started) / 1000;
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return seconds;
}

async function run(kind: 'postgres' | 'pglite', url: string | undefined): Promise<Figures[]> {
  const db = url ? connectDatabase({ url }) : connectDatabase({ dataDir: 'memory://' });
  try {
    await db.raw('DROP SCHEMA IF EXISTS public CASCADE');
    await db.raw('CREATE SCHEMA public');
    const app = await startTestServer(db);
    try {
      const owners = Object.fromEntries(OWNERS.map((name) => [name, app.users[name]]));
      const customers = Array.from({ length: ROWS }, (_, i) => customerRow(i, '客户'));
      const customersBatched = await importOverHttp(app, 'customers', customerCsv(customers), ROWS);
      const opportunities = Array.from({ length: ROWS }, (_, i) => opportunityRow(i, '商机', ROWS));
      const opportunitiesBatched = await importOverHttp(app, 'opportunities', opportunityCsv(opportunities), ROWS);

      const customerSample = Array.from({ length: SAMPLE }, (_, i) => customerRow(i, '样本客户'));
      const customersPerRow = await importRowByRow(db, app, 'customers', customerCsv(customerSample), SAMPLE);
      const opportunitySample = Array.from({ length: SAMPLE }, (_, i) => opportunityRow(i, '样本商机', ROWS));
      const opportunitiesPerRow = await importRowByRow(db, app, 'opportunities', opportunityCsv(opportunitySample), SAMPLE);

      const customerIds = new Map(
        ((await db('customers').select('id', 'name')) as { id: number; name: string }[]).map((c) => [c.name, Number(c.id)]),
      );
      const customersBaseline = await bareInsert(
        db,
        'customers',
        customers.map((r) => ({
          name: `${r.name} (baseline)`,
          grade: GRADES[r.grade],
          industry: r.industry,
          contact_phone: r.contact_phone,
          owner_id: owners[r.owner],
          status: 'potential',
        })),
      );
      const opportunitiesBaseline = await bareInsert(
        db,
        'opportunities',
        opportunities.map((r) => ({
          name: r.name,
          customer_id: customerIds.get(r.customer),
          owner_id: owners[r.owner],
          expected_amount: r.expected_amount,
          expected_sign_date: r.expected_sign_date,
          stage: 'development',
        })),
      );
      return [
        {
          database: kind,
          entity: 'customers',
          rows: ROWS,
          batchedSeconds: customersBatched,
          perRowSeconds: customersPerRow,
          perRowSample: SAMPLE,
          baselineSeconds: customersBaseline,
        },
        {
          database: kind,
          entity: 'opportunities',
          rows: ROWS,
          batchedSeconds: opportunitiesBatched,
          perRowSeconds: opportunitiesPerRow,
          perRowSample: SAMPLE,
          baselineSeconds: opportunitiesBaseline,
        },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.destroy();
  }
}

const perSecond = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString('en');
const secondsOf = (seconds: number) => seconds.toFixed(1);

function table(figures: Figures[]): string {
  const lines = [
    '| database | entity | rows | batched s | batched rows/s | per row, extrapolated s | per row rows/s | bare INSERT s | bare INSERT rows/s | batched / bare INSERT time | per row / batched time |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const f of figures) {
    const perRow = (f.perRowSeconds * f.rows) / f.perRowSample;
    lines.push(
      `| ${f.database} | ${f.entity} | ${f.rows.toLocaleString('en')} | ${secondsOf(f.batchedSeconds)} | ${perSecond(f.rows, f.batchedSeconds)} | ${secondsOf(perRow)} (${f.perRowSample.toLocaleString('en')} rows in ${secondsOf(f.perRowSeconds)} s) | ${perSecond(f.perRowSample, f.perRowSeconds)} | ${secondsOf(f.baselineSeconds)} | ${perSecond(f.rows, f.baselineSeconds)} | ${(f.batchedSeconds / f.baselineSeconds).toFixed(1)}× | ${(perRow / f.batchedSeconds).toFixed(0)}× |`,
    );
  }
  return lines.join('\n');
}

const figures: Figures[] = [];
if (ONLY !== 'pglite') {
  const server = process.env.DATABASE_URL ? undefined : await startPostgres();
  try {
    figures.push(...(await run('postgres', server?.url ?? process.env.DATABASE_URL)));
  } finally {
    await server?.stop();
  }
  for (const f of figures) console.log(JSON.stringify(f));
}
if (ONLY !== 'postgres') {
  const pglite = await run('pglite', undefined);
  for (const f of pglite) console.log(JSON.stringify(f));
  figures.push(...pglite);
}
console.log(`\n${table(figures)}`);
