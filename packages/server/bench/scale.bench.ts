/**
 * Scale bench: do the reads a sales team makes all day keep their latency as the opportunities grow
 * from one size to the next (by default 1 million, then 10 million)?
 *
 *   pnpm --filter @ra-sales/server bench:scale
 *
 * One database (a fresh one on DATABASE_URL, or a throwaway PostgreSQL from the local binaries) is
 * migrated once, given the API bench's sales force, and grown through SCALE_SIZES: at each size
 * seedBulk adds the missing opportunities and customers (a tenth as many, at most
 * SCALE_MAX_CUSTOMERS), the report data follows (bench/reports.ts: territories and instalment plans
 * once, then the new customers' territory and the new won opportunities' won date), VACUUM (ANALYZE).
 * Then, with SCALE_CONNECTIONS keep-alive clients in a worker thread, each scenario runs for
 * SCALE_DURATION_MS after a SCALE_WARMUP_MS warm-up, as an admin (no scope) and as a sales manager
 * (team scope):
 *   list            the API bench's list page: an owner's fullest stage, sorted by expected_amount DESC
 *   board column    a stage's first cards as the board asks for them (an early, a middle and a won stage)
 *   board totals    the board's stage-totals report, read from the totals the database keeps
 *                   and, as the baseline, counted from the records (a filter every record passes)
 *   reports         sales by region over the last twelve whole months and this one (and, as its baseline, the
 *                   won records counted by hand-written SQL), overdue ageing as of today
 *   getOne          random ids (admin)
 * Printed per size: the seeding (time, rows/s), the database's size, and per scenario req/s,
 * p50/p95/p99, errors and the total the answer carried; at the end one table of every scenario
 * across the sizes with the largest size's p95 and req/s over the smallest's, and
 * EXPLAIN (ANALYZE, BUFFERS) of the board column, the board totals and sales by region at the largest size.
 *
 * Settings (environment): SCALE_SIZES (1000000,10000000), SCALE_MAX_CUSTOMERS (1000000),
 * SCALE_DURATION_MS (5000), SCALE_WARMUP_MS (1000), SCALE_CONNECTIONS (8), SCALE_POOL (10),
 * SCALE_PREPARED (1; 0: the router's statements sent unnamed, `preparedStatements: false`);
 * BENCH_TERRITORIES and BENCH_INSTALMENT_PLANS as in the API bench.
 */
import type { Server } from 'node:http';
import os from 'node:os';
import express from 'express';
import type { Knex } from 'knex';
import type pg from 'pg';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';
import { pipelineView, type Validators } from '@ra-sales/schema';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter } from '../src/router/index.js';
import { seedBulk } from '../src/seed/bulk.js';
import { baselinePool } from './baseline.js';
import { addSalesForce, benchUsers, openDatabase, type SalesForce } from './database.js';
import { benchAuth, type BenchUser, call, close, listen } from './http.js';
import { listPageRequest } from './listPage.js';
import { type BenchRequest, type Measured, runOnce, summarize } from './load.js';
import {
  dateWonOpportunities,
  mountReportBaseline,
  reportScenarios,
  seedReportData,
  spreadOverTerritories,
  wonDateSql,
} from './reports.js';
import { capture, explainAnalyze, inline } from './sql.js';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SIZES = [...new Set((process.env.SCALE_SIZES ?? '1000000,10000000').split(',').map(Number))].sort((a, b) => a - b);
const MAX_CUSTOMERS = env('SCALE_MAX_CUSTOMERS', 1_000_000);
const DURATION_MS = env('SCALE_DURATION_MS', 5_000);
const WARMUP_MS = env('SCALE_WARMUP_MS', 1_000);
const CONNECTIONS = env('SCALE_CONNECTIONS', 8);
const POOL = env('SCALE_POOL', 10);
const RESOURCE = 'opportunities';
/** Cards a board column asks for at first (CARDS_PER_PAGE of packages/ui/src/workflow/BoardColumn.tsx). */
const BOARD_CARDS = 20;
const USERS: BenchUser[] = ['admin', 'manager'];

const log = (message: string) => process.stderr.write(`[scale] ${message}\n`);
const customersAt = (opportunities: number) => Math.min(Math.ceil(opportunities / 10), MAX_CUSTOMERS);

interface Scenario {
  name: string;
  requests: BenchRequest[];
}

const as = (user: BenchUser, path: string): BenchRequest => ({ path, headers: { 'x-bench-user': user } });
const byUser = (name: string, path: string): Scenario[] =>
  USERS.map((user) => ({ name: `${name} · ${user === 'admin' ? 'admin' : 'sales manager (team)'}`, requests: [as(user, path)] }));

/** The board's own requests (packages/ui/src/workflow): its first pipeline, a stage's first cards in the entity's sort, the stage totals. */
function board() {
  const entity = model.entities[RESOURCE];
  const workflow = entity.workflow!;
  const pipeline = workflow.pipelines?.list[0]?.id;
  const pipelineFilter = pipeline && workflow.pipelines ? { [workflow.pipelines.field]: pipeline } : {};
  const stages = pipelineView(workflow, pipeline).stages;
  const open = stages.filter((stage) => stage.kind === 'open');
  const won = stages.find((stage) => stage.kind === 'won');
  const shown = [open[0], open[Math.floor(open.length / 2)], won].filter((stage) => stage !== undefined).map((stage) => stage.id);
  const sort = entity.sort ?? { field: 'id', order: 'ASC' };
  const column = (stage: string) =>
    `/api/${RESOURCE}?${new URLSearchParams({
      sort: JSON.stringify([sort.field, sort.order]),
      range: JSON.stringify([0, BOARD_CARDS - 1]),
      filter: JSON.stringify({ ...pipelineFilter, [workflow.field]: stage }),
    })}`;
  const totalsOf = (filter: Record<string, unknown>) =>
    `/api/reports/stage-totals?${new URLSearchParams({ resource: RESOURCE, filter: JSON.stringify(filter) })}`;
  // A filter every record passes, on a field the kept totals lack: the same answer, counted from the records.
  return {
    columns: shown.map((stage) => ({ stage, path: column(stage) })),
    totals: totalsOf(pipelineFilter),
    counted: totalsOf({ ...pipelineFilter, id_gt: 0 }),
  };
}

/** Random ids over the opportunities there are, the same sequence at every size. */
async function randomIds(db: Knex): Promise<BenchRequest[]> {
  const { min, max } = (await db.raw(`select min(id)::int as min, max(id)::int as max from ??`, [RESOURCE])).rows[0];
  let state = 12345;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: 20_000 }, () => as('admin', `/api/${RESOURCE}/${min + Math.floor(random() * (max - min + 1))}`));
}

async function scenariosOf(db: Knex, force: SalesForce): Promise<Scenario[]> {
  const list = await listPageRequest(db, RESOURCE, force.teamReps[0]);
  const { columns, totals, counted } = board();
  return [
    ...byUser(`list · stage ${list.stage}, owner ${list.owner}`, list.path),
    ...columns.flatMap(({ stage, path }) => byUser(`board column · ${stage}`, path)),
    ...byUser('board totals · stage-totals', totals),
    ...byUser('board totals counted from the records', counted),
    ...reportScenarios().flatMap((r) => [
      { name: r.name, requests: [as(r.user, r.path)] },
      // The won sales counted from the records, for the report the kept totals answer.
      ...(r.path.includes('sales-by') ? [{ name: `${r.name}${COUNTED}`, requests: [as(r.user, `${BASELINE_PREFIX}${r.path}`)] }] : []),
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------
// Growing the database

interface Growth {
  opportunities: number;
  customers: number;
  /** seedBulk's time for the rows added at this step, its index rebuilds and ANALYZE included. */
  seedMs: number;
  rowsAdded: number;
  reportDataMs: number;
  vacuumMs: number;
  vacuumPasses: number;
}

const MAX_VACUUM_PASSES = 3;
/** Share of all-visible pages taken as done: another pass over a large table for the last percent would cost minutes. */
const ALL_VISIBLE_ENOUGH = 0.99;

/**
 * VACUUM (ANALYZE) until every page of the opportunities is all-visible: one pass right after the
 * won rows' update left the pages of their new versions unmarked (81% of the pages at 100,000
 * rows), and the report's index-only scans then read the heap as well. Answers the passes made.
 */
async function vacuumUntilAllVisible(db: Knex): Promise<number> {
  for (let pass = 1; ; pass++) {
    await db.raw('VACUUM (ANALYZE)');
    if (pass === MAX_VACUUM_PASSES || (await sizesOf(db)).allVisible >= ALL_VISIBLE_ENOUGH) return pass;
  }
}

/** Adds what `size` opportunities lack (and their customers), the report data of the new rows, then VACUUM (ANALYZE). */
async function growTo(db: Knex, size: number, force: SalesForce): Promise<Growth> {
  const count = async (table: string) => Number((await db(table).count({ n: '*' }))[0].n);
  const [haveOpportunities, haveCustomers] = [await count(RESOURCE), await count('customers')];
  const lastIds = (
    await db.raw(
      `select (select coalesce(max(id), 0) from customers)::int as customers, (select coalesce(max(id), 0) from ??)::int as opportunities`,
      [RESOURCE],
    )
  ).rows[0];
  const adding = { customers: Math.max(0, customersAt(size) - haveCustomers), [RESOURCE]: Math.max(0, size - haveOpportunities) };
  log(`growing to ${size} opportunities: adding ${adding.customers} customers and ${adding[RESOURCE]} opportunities …`);
  const seedStarted = performance.now();
  await seedBulk(db, model, adding);
  const seedMs = performance.now() - seedStarted;
  const reportStarted = performance.now();
  if (haveOpportunities === 0) await seedReportData(db, model, force.reps);
  else {
    await spreadOverTerritories(db, lastIds.customers);
    await dateWonOpportunities(db, lastIds.opportunities);
  }
  const reportDataMs = performance.now() - reportStarted;
  log('VACUUM (ANALYZE) …');
  const vacuumStarted = performance.now();
  const vacuumPasses = await vacuumUntilAllVisible(db);
  return {
    opportunities: await count(RESOURCE),
    customers: await count('customers'),
    seedMs,
    rowsAdded: adding.customers + adding[RESOURCE],
    reportDataMs,
    vacuumMs: performance.now() - vacuumStarted,
    vacuumPasses,
  };
}

interface Sizes {
  database: number;
  table: number;
  indexes: number;
  /** Share of the table's pages VACUUM marked all-visible: below 1, index-only scans read the heap too. */
  allVisible: number;
}

async function sizesOf(db: Knex): Promise<Sizes> {
  const row = (
    await db.raw(
      `select pg_database_size(current_database())::float8 as database, pg_table_size(c.oid)::float8 as table,
              pg_indexes_size(c.oid)::float8 as indexes, c.relallvisible::float8 / greatest(c.relpages, 1) as all_visible
         from pg_class c where c.oid = ?::regclass`,
      [RESOURCE],
    )
  ).rows[0];
  return { database: row.database, table: row.table, indexes: row.indexes, allVisible: row.all_visible };
}

// ---------------------------------------------------------------------------------------------
// Measuring

/** Under `/baseline`, the reports' hand-written SQL over the records (reports.ts), the same users: what the kept totals are measured against. */
const BASELINE_PREFIX = '/baseline';
const COUNTED = ', counted from the records';

async function serve(db: Knex, pool: pg.Pool, force: SalesForce): Promise<{ origin: string; server: Server }> {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    '/api',
    createSalesRouter({
      knex: db,
      model,
      validators: validators as Validators,
      auth: benchAuth(benchUsers(force)),
      preparedStatements: process.env.SCALE_PREPARED !== '0',
    }),
  );
  const baseline = express();
  const users = { admin: { id: force.adminId, teamId: null }, manager: { id: force.managerId, teamId: force.teamId } };
  mountReportBaseline(baseline, pool, users, await wonDateSql(db));
  app.use(BASELINE_PREFIX, baseline);
  return listen(app);
}

interface Measurement extends Measured {
  /** X-Total-Count (and whether exact) of the answer before the run; '-' for a report. */
  total: string;
  /** One request with nothing else running (the second one: the first may fill the router's caches). */
  aloneMs: number;
}

async function measure(origin: string, scenario: Scenario): Promise<Measurement> {
  await call(origin, scenario.requests[0]);
  const sent = performance.now();
  const probe = await call(origin, scenario.requests[0]);
  const aloneMs = performance.now() - sent;
  const count = probe.headers.get('x-total-count');
  const total = count === null ? '-' : `${count}${probe.headers.get('x-total-count-exact') === 'false' ? ' (estimate)' : ''}`;
  log(`${scenario.name} …`);
  const run = await runOnce(origin, scenario.requests, { connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
  return { ...summarize([run]), total, aloneMs };
}

/** Scenarios whose answer differs from that of their `…, counted from the records` twin. */
async function countedDisagreements(origin: string, scenarios: Scenario[]): Promise<string[]> {
  const differing: string[] = [];
  for (const counted of scenarios.filter((s) => s.name.endsWith(COUNTED))) {
    const kept = scenarios.find((s) => s.name === counted.name.slice(0, -COUNTED.length))!;
    const [a, b] = [await call(origin, kept.requests[0]), await call(origin, counted.requests[0])];
    if (JSON.stringify(a.json) !== JSON.stringify(b.json)) differing.push(kept.name);
  }
  return differing;
}

/** The plans of every statement a request runs (the router's statements as knex sends them; its cached estimates excepted). */
async function explainRequest(db: Knex, pool: pg.Pool, origin: string, label: string, request: BenchRequest): Promise<string[]> {
  const seen = await capture(db, () => call(origin, request));
  const lines: string[] = [];
  for (const statement of seen.filter((s) => !/^explain /i.test(s.sql))) {
    lines.push(`-- ${label}`, inline(statement), ...(await explainAnalyze(pool, statement)), '');
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const count = (n: number) => n.toLocaleString('en-US');
const bytes = (n: number) => (n >= 2 ** 30 ? `${fmt(n / 2 ** 30, 2)} GB` : `${fmt(n / 2 ** 20, 0)} MB`);

/** A markdown table, numbers right-aligned. */
function markdown(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function sizeTable(results: Map<string, Measurement>): string {
  return markdown(
    ['scenario', 'alone ms', 'answers', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'X-Total-Count'],
    [...results].map(([name, m]) => [
      name,
      fmt(m.aloneMs, 1),
      String(m.requests),
      fmt(m.rps, 0),
      fmt(m.p50, 2),
      fmt(m.p95, 2),
      fmt(m.p99, 2),
      String(m.errors),
      m.total,
    ]),
  );
}

function growthTable(steps: { growth: Growth; sizes: Sizes }[]): string {
  return markdown(
    [
      'opportunities',
      'customers',
      'seeding s',
      'rows/s',
      'report data s',
      'VACUUM s',
      'database',
      'opportunities table',
      'its indexes',
      'all-visible',
    ],
    steps.map(({ growth: g, sizes: s }) => [
      count(g.opportunities),
      count(g.customers),
      fmt(g.seedMs / 1000),
      count(Math.round(g.rowsAdded / (g.seedMs / 1000))),
      fmt(g.reportDataMs / 1000),
      `${fmt(g.vacuumMs / 1000)}${g.vacuumPasses > 1 ? ` (${g.vacuumPasses} passes)` : ''}`,
      bytes(s.database),
      bytes(s.table),
      bytes(s.indexes),
      `${fmt(s.allVisible * 100, 0)}%`,
    ]),
  );
}

function acrossSizes(bySize: Map<number, Map<string, Measurement>>): string {
  const sizes = [...bySize.keys()];
  const [smallest, largest] = [sizes[0], sizes[sizes.length - 1]];
  const names = [...bySize.get(smallest)!.keys()];
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1_000}k`);
  return markdown(
    ['scenario', ...sizes.map((s) => `p95 ms ${label(s)}`), ...sizes.map((s) => `req/s ${label(s)}`), 'p95 ×', 'req/s ×'],
    names.map((name) => {
      const at = (size: number) => bySize.get(size)!.get(name)!;
      return [
        name,
        ...sizes.map((s) => fmt(at(s).p95, 2)),
        ...sizes.map((s) => fmt(at(s).rps, 0)),
        fmt(at(largest).p95 / at(smallest).p95, 2),
        fmt(at(largest).rps / at(smallest).rps, 2),
      ];
    }),
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!SIZES.length || SIZES.some((size) => !Number.isInteger(size) || size <= 0))
    throw new Error(`SCALE_SIZES: positive integers, got ${process.env.SCALE_SIZES}`);
  const started = performance.now();
  const database = await openDatabase({ poolMax: POOL, prefix: 'ra_sales_scale', log });
  const { db } = database;
  const servers: Server[] = [];
  const pool = baselinePool(database.url, 1);
  pool.on('error', () => {});
  const reportsPool = baselinePool(database.url, POOL);
  reportsPool.on('error', () => {});
  const out = (text = '') => process.stdout.write(`${text}\n`);
  try {
    const settings = (
      await db.raw(
        `select current_setting('server_version') as version, current_setting('shared_buffers') as buffers, current_setting('work_mem') as work_mem`,
      )
    ).rows[0];
    out(`ra-sales scale bench — ${new Date().toISOString()}`);
    out(
      `machine: ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${settings.version} (shared_buffers ${settings.buffers}, work_mem ${settings.work_mem}); load average ${fmt(os.loadavg()[0])}`,
    );
    out(
      `load: ${CONNECTIONS} keep-alive clients (worker thread), each scenario ${DURATION_MS / 1000} s after a ${WARMUP_MS / 1000} s warm-up; pool ${POOL}`,
    );
    await applyMigrations(db, model);
    const force = await addSalesForce(db);
    let origin = '';

    const steps: { growth: Growth; sizes: Sizes }[] = [];
    const bySize = new Map<number, Map<string, Measurement>>();
    const disagreements: string[] = [];
    let scenarios: Scenario[] = [];
    for (const size of SIZES) {
      const growth = await growTo(db, size, force);
      const sizes = await sizesOf(db);
      steps.push({ growth, sizes });
      // A router of its own per size: none of the previous size's cached count estimates.
      const serving = await serve(db, reportsPool, force);
      servers.push(serving.server);
      origin = serving.origin;
      // The list request is chosen once, on the first data, and kept: the same request at every size.
      if (!scenarios.length) scenarios = await scenariosOf(db, force);
      const atSize = [...scenarios, { name: 'getOne · admin, random ids', requests: await randomIds(db) }];
      const results = new Map<string, Measurement>();
      for (const scenario of atSize) results.set(scenario.name, await measure(origin, scenario));
      disagreements.push(...(await countedDisagreements(origin, atSize)).map((name) => `at ${count(size)}: ${name}`));
      bySize.set(size, results);
      out('');
      out(`## ${count(size)} opportunities, ${count(growth.customers)} customers`);
      out('');
      out(growthTable([{ growth, sizes }]));
      out('');
      out(sizeTable(results));
    }

    out('');
    out(`## Across the sizes (${SIZES.map(count).join(' → ')} opportunities; × = largest size / smallest)`);
    out('');
    out(growthTable(steps));
    out('');
    out(acrossSizes(bySize));
    const failed = [...bySize.entries()].flatMap(([size, results]) =>
      [...results.entries()]
        .filter(([, m]) => m.errors)
        .map(([name, m]) => `ERRORS at ${count(size)}: ${name}: ${m.errors} (${m.firstError})`),
    );
    out('');
    out(failed.length ? failed.join('\n') : 'every request of every scenario answered 2xx');
    out(
      disagreements.length
        ? `ANSWERS DIFFER from the records counted: ${disagreements.join('; ')}`
        : 'every report read from the kept totals answered what counting the records answered',
    );

    out('');
    out(`## EXPLAIN (ANALYZE, BUFFERS) at ${count(SIZES[SIZES.length - 1])} opportunities (after the runs: warm cache)`);
    out('');
    const { columns, totals } = board();
    const salesBy = reportScenarios().find((r) => r.path.includes('sales-by'))!.path;
    const explained = USERS.flatMap((user): [string, BenchRequest][] => [
      [`board column ${columns[0].stage} as ${user}`, as(user, columns[0].path)],
      [`board totals as ${user}`, as(user, totals)],
      [`sales-by region as ${user}`, as(user, salesBy)],
    ]);
    for (const [label, request] of explained) out((await explainRequest(db, pool, origin, label, request)).join('\n'));
    out(`total bench time ${fmt((performance.now() - started) / 1000, 0)} s`);
    if (failed.length || disagreements.length) process.exitCode = 1;
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    for (const server of servers) await close(server);
    await pool.end().catch(() => {});
    await reportsPool.end().catch(() => {});
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
