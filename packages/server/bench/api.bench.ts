/**
 * API bench on real PostgreSQL: the sales router against a hand-written Express + `pg` baseline
 * that replays the very SQL the router runs (captured from knex's `query` event, same bindings).
 *
 *   pnpm --filter @ra-sales/server bench        (or `pnpm bench:server` at the root)
 *
 * Database: a fresh database on the server of DATABASE_URL (dropped afterwards), or a throwaway
 * PostgreSQL started from the local binaries (test/support/postgres.ts).
 *
 * Steps: migrate the default domain, add a sales force of 2 teams (a manager and 10 reps each,
 * plus the admin), bulk-seed customers and opportunities (seedBulk: stages along the funnel,
 * owners among the reps, amounts) and the records the write scenarios read (products, price
 * policies, quotes, sales orders, credit sales, collections; the last three spread over
 * BENCH_CREDIT_CUSTOMERS customers), VACUUM (ANALYZE); then, each with BENCH_CONNECTIONS keep-alive
 * clients, a warm-up and a fixed measured duration, ours and the baseline one after the other:
 *   list     25 rows filtered by stage and owner, sorted by expected_amount DESC, with the total,
 *            as a sales manager (team scope) and as an admin (no scope)
 *   getOne   random ids
 *   create   POST of a valid opportunity vs the router's INSERT … RETURNING alone, and vs the
 *            router's whole transaction replayed
 *   writes with rules, each vs its own transaction replayed (every request of a rotation of
 *   BENCH_ROTATION records is captured once; the baseline carries the version, the document
 *   number and the body's varying fields from statement to statement, as a hand-written handler would):
 *            create credit sale (sequence, lookups: the customer and two SUM aggregates, computed
 *            within_credit_limit, x-ref-where, unique pre-check), create customer (unique name,
 *            a fresh one per request), update opportunity (partial body, `need` changed),
 *            update quote lines (line amounts and total computed, min() lookups over price policies)
 * and prints requests/s and p50/p95/p99 latency, the ratios, the share of database connections
 * waiting on a lock, the targets of the list page, the writes one at a time with each statement's
 * round trip, a what-if of the credit sale with its number drawn last, and EXPLAIN ANALYZE of the
 * list and count queries and of the credit sale's reads.
 *
 * Settings (environment): BENCH_CUSTOMERS (100000), BENCH_OPPORTUNITIES (1000000),
 * BENCH_CONNECTIONS (8), BENCH_WARMUP_MS (1000), BENCH_DURATION_MS (10000), BENCH_ROUNDS (5),
 * BENCH_POOL (10), BENCH_WHAT_IF (1: afterwards, try candidate indexes for the list page, show their
 * plans and measure the list again with them; 0 to skip), BENCH_CREDIT_SALES (5000),
 * BENCH_COLLECTIONS (5000), BENCH_CREDIT_CUSTOMERS (500), BENCH_SALES_ORDERS (2000),
 * BENCH_PRODUCTS (200), BENCH_PRICE_POLICIES (1000), BENCH_QUOTES (2000), BENCH_ROTATION (200),
 * BENCH_SEQUENCE_WHAT_IF (1; 0 to skip), BENCH_PROFILE (a directory: a CPU profile of the servers' thread per run), BENCH_ONLY (only the scenarios whose name contains one of its comma-separated texts), BENCH_ROUTER_FROM (a copy of `src` whose router is measured instead of this tree's).
 * The measured duration of each side is split into BENCH_ROUNDS alternating runs so that a change
 * in the machine's background load does not fall on one side only.
 *
 * "cpu ms/req" is the CPU time of the main thread (the servers, knex and pg; the clients run in a
 * worker thread) per answered request: the Node-side cost of a request, apart from the database.
 * Read from /proc (Linux); elsewhere the event loop's busy time stands in for it.
 */
import type { Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import os from 'node:os';
import express from 'express';
import type { Knex } from 'knex';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';
import type { Validators } from '@ra-sales/schema';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter, DEFAULT_EXACT_COUNT_LIMIT } from '../src/router/index.js';
import { seedBulk } from '../src/seed/bulk.js';
import {
  baselinePool,
  createBaselineApp,
  runReplay,
  type BaselinePlan,
  type CarriedValue,
  type Replay,
  type Statement,
} from './baseline.js';
import { addSalesForce, benchUsers, openDatabase } from './database.js';
import { benchAuth, type BenchUser, call, close, listen } from './http.js';
import { PAGE, listPageRequest } from './listPage.js';
import { type BenchRequest, fill, type Measured, type Run, runOnce, summarize } from './load.js';
import { mountReportBaseline, reportBaselineSql, reportScenarios, seedReportData, wonDateSql } from './reports.js';
import { type Captured, capture, compactPlan, explainAnalyze, inline } from './sql.js';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const CUSTOMERS = env('BENCH_CUSTOMERS', 100_000);
const OPPORTUNITIES = env('BENCH_OPPORTUNITIES', 1_000_000);
const CONNECTIONS = env('BENCH_CONNECTIONS', 8);
const WARMUP_MS = env('BENCH_WARMUP_MS', 1_000);
const DURATION_MS = env('BENCH_DURATION_MS', 10_000);
const POOL = env('BENCH_POOL', 10);
/** Ours and the baseline alternate this many times per scenario (each run: a warm-up, then DURATION / ROUNDS). */
const ROUNDS = env('BENCH_ROUNDS', 5);
/** After the main runs: candidate indexes for the list page, their plans, and the list runs again with them. */
const WHAT_IF = process.env.BENCH_WHAT_IF !== '0';
/** Rows of the entities the write scenarios read and write; each seeded only where the model has the entity. */
const CREDIT_SALES = env('BENCH_CREDIT_SALES', 5_000);
const COLLECTIONS = env('BENCH_COLLECTIONS', 5_000);
/** Customers holding the credit sales, collections and sales orders (spread evenly over the customer ids). */
const CREDIT_CUSTOMERS = env('BENCH_CREDIT_CUSTOMERS', 500);
const SALES_ORDERS = env('BENCH_SALES_ORDERS', 2_000);
const PRODUCTS = env('BENCH_PRODUCTS', 200);
const PRICE_POLICIES = env('BENCH_PRICE_POLICIES', 1_000);
const QUOTES = env('BENCH_QUOTES', 2_000);
/** Distinct records per write scenario: each is captured once, and the baseline replays each one's own statements. */
const ROTATION = env('BENCH_ROTATION', 200);
/** Only the scenarios whose name contains one of these comma-separated texts (all when unset), e.g. `BENCH_ONLY=list,getOne`. */
const ONLY = process.env.BENCH_ONLY?.split(',').filter(Boolean);
/** 1: the credit sale create replayed by the baseline with its document number drawn last as well (0 to skip). */
const SEQUENCE_WHAT_IF = process.env.BENCH_SEQUENCE_WHAT_IF !== '0';
const PROFILE_DIR = process.env.BENCH_PROFILE;
/** A copy of `src` whose router to measure instead of this tree's (an earlier state of the code, for before/after runs in one session). */
const ROUTER_FROM = process.env.BENCH_ROUTER_FROM;
const selected = (name: string) => !ONLY?.length || ONLY.some((text) => name.includes(text));

/** The targets of the list page. */
const LIST_P95_MS = 20;
const LIST_THROUGHPUT_SHARE = 0.7;

const RESOURCE = 'opportunities';

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Database

interface UniqueIndex {
  table: string;
  name: string;
  def: string;
  columns: string[];
}

/**
 * The unique indexes (x-unique, x-sequence) of `tables`, dropped before the bulk load: seedBulk
 * draws customer names from a finite set of combinations (tens of thousands), and `customers.name`
 * is unique, so rebuilding the index would fail past a few thousand customers.
 */
async function dropUniqueIndexes(db: Knex, tables: string[]): Promise<UniqueIndex[]> {
  const { rows } = await db.raw(
    `select t.relname as "table", c.relname as name, pg_get_indexdef(c.oid) as def,
            array(select a.attname::text from unnest(x.indkey) with ordinality k(n, o)
                    join pg_attribute a on a.attrelid = t.oid and a.attnum = k.n order by k.o) as columns
       from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where x.indisunique and not x.indisprimary and t.relname = any(?)
        and t.relnamespace = current_schema()::regnamespace
        and not exists (select 1 from pg_constraint k where k.conindid = c.oid)`,
    [tables],
  );
  for (const index of rows as UniqueIndex[]) await db.raw(`DROP INDEX "${index.name}"`);
  return rows as UniqueIndex[];
}

/** Duplicates of a single-column unique text index made distinct (` #<id>` appended), then the index rebuilt. Answers the rows renamed. */
async function rebuildUniqueIndexes(db: Knex, indexes: UniqueIndex[]): Promise<Record<string, number>> {
  const renamed: Record<string, number> = {};
  for (const index of indexes) {
    if (index.columns.length === 1) {
      const column = index.columns[0];
      const result = await db.raw(
        `update ?? set ?? = ?? || ' #' || id
          where id in (select id from (select id, row_number() over (partition by ?? order by id) as n from ?? where ?? is not null) d where n > 1)`,
        [index.table, column, column, column, index.table, column],
      );
      if (result.rowCount) renamed[`${index.table}.${column}`] = result.rowCount;
    }
    await db.raw(index.def);
  }
  return renamed;
}

interface Seeded {
  summary: Awaited<ReturnType<typeof seedBulk>>;
  /** Rows made distinct for a unique index, per table.column. */
  renamed: Record<string, number>;
  /** The customers holding the credit sales, collections and sales orders. */
  creditCustomers: number[];
}

/**
 * seedBulk of the list's customers and opportunities, and of the records the write scenarios read:
 * products, price policies, quotes, sales orders, credit sales and collections. The credit sales,
 * collections and sales orders are then spread over CREDIT_CUSTOMERS customers (seedBulk picks a
 * customer per row at random among all, ~0.25 per customer), so that the credit check's aggregates
 * sum several rows of each customer, through the customer_id indexes of the migrations.
 */
async function seedData(db: Knex): Promise<Seeded> {
  const wanted: Record<string, number> = {
    customers: CUSTOMERS,
    opportunities: OPPORTUNITIES,
    products: PRODUCTS,
    price_policies: PRICE_POLICIES,
    quotes: QUOTES,
    sales_orders: SALES_ORDERS,
    credit_sales: CREDIT_SALES,
    collections: COLLECTIONS,
  };
  const counts = Object.fromEntries(Object.entries(wanted).filter(([resource, n]) => model.entities[resource] && n > 0));
  const uniques = await dropUniqueIndexes(db, Object.keys(counts));
  const summary = await seedBulk(db, model, counts);
  const holders = Math.max(1, Math.min(CREDIT_CUSTOMERS, CUSTOMERS));
  const step = Math.max(1, Math.floor(CUSTOMERS / holders));
  for (const table of ['credit_sales', 'collections', 'sales_orders']) {
    if (!counts[table]) continue;
    await db.raw(`update ?? set customer_id = ? * (1 + (id % ?))`, [table, step, holders]);
  }
  // seedBulk composes a document number as a sample plus ' <id>', which the number's pattern
  // (`^[A-Za-z0-9-]{3,30}$`) refuses, and an update validates the whole merged record.
  for (const resource of Object.keys(counts)) {
    const entity = model.entities[resource];
    const number = entity.fields.find((f) => f.name === entity.recordRepresentation && f.kind === 'string' && f.name.endsWith('_number'));
    if (number) await db.raw(`update ?? set ?? = 'BULK-' || id`, [resource, number.name]);
  }
  const renamed = await rebuildUniqueIndexes(db, uniques);
  return { summary, renamed, creditCustomers: Array.from({ length: holders }, (_, j) => step * (j + 1)) };
}

// ---------------------------------------------------------------------------------------------
// Load

/** With BENCH_PROFILE=<dir>: a CPU profile of the main thread (the servers) per run, for Chrome DevTools or `node --cpu-prof` readers. */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return fn();
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(PROFILE_DIR, { recursive: true });
    writeFileSync(join(PROFILE_DIR, `${name.replace(/[^\w.-]+/g, '_')}-${++profiles}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
let profiles = 0;

// ---------------------------------------------------------------------------------------------
// SQL capture

/** The page query, with or without the capped count as a column. */
const isPage = (s: Statement) =>
  /^select "opportunities"\.\*(, \(\(select count\(\*\).*\) as "__capped_total")? from "opportunities"/i.test(s.sql) &&
  / limit /i.test(s.sql);
const isCount = (s: Statement) => /^select count\(\*\)/i.test(s.sql);

/** The first words of a statement, for the report. */
const brief = (s: Statement) => s.sql.split(/\s+/).slice(0, 4).join(' ').replace(/,$/, '');

/**
 * A captured write as the baseline replays it: the statements verbatim, except the values a
 * hand-written transaction carries from one statement to the next (the version read by the
 * `SELECT … FOR UPDATE` into the `UPDATE … WHERE version = ?`; the number drawn by a sequence
 * upsert into the unique pre-check and the INSERT) and the body's varying fields (`{{seq}}`).
 */
function toReplay(
  seen: Captured[],
  answer: { status: number; json: any },
  template: BenchRequest,
  sent: BenchRequest,
  table: string,
): Replay {
  const statements: Statement[] = seen.map(({ sql, bindings }) => ({ sql, bindings }));
  const writes = new RegExp(`^(insert into|update) "${table}"`, 'i');
  const answerAt = statements.findIndex((s) => writes.test(s.sql) && / returning /i.test(s.sql));
  if (answerAt < 0) throw new Error(`no INSERT or UPDATE of ${table} … RETURNING seen:\n${statements.map((s) => s.sql).join('\n')}`);
  const carried: CarriedValue[] = [];
  const lockAt = statements.findIndex((s) => s.sql.startsWith(`select "${table}".*`) && / for update$/i.test(s.sql));
  const version = /"version" = \$(\d+)/.exec(statements[answerAt].sql);
  if (lockAt >= 0 && version) carried.push({ statement: answerAt, binding: Number(version[1]) - 1, from: lockAt, column: 'version' });
  const entity = Object.values(model.entities).find((e) => e.resource === table);
  statements.forEach((s, at) => {
    if (!/^insert into "?\w*sequences"?\s*\(/i.test(s.sql.trim())) return;
    const field = String(s.bindings[1]);
    const pattern = (entity?.fields.find((f) => f.name === field) as { sequence?: string } | undefined)?.sequence;
    const value = answer.json?.[field];
    if (!pattern || typeof value !== 'string')
      throw new Error(`sequence upsert for ${table}.${field} without a pattern or a number in the answer`);
    for (let j = at + 1; j < statements.length; j++) {
      statements[j].bindings.forEach((b, k) => {
        if (b === value) carried.push({ statement: j, binding: k, from: at, column: 'last_value', sequence: pattern });
      });
    }
  });
  const varying = Object.entries((template.body ?? {}) as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'string' && v.includes('{{seq}}'))
    .map(([field]) => field);
  for (const field of varying) {
    const value = (sent.body as Record<string, unknown>)[field];
    statements.forEach((s, j) =>
      s.bindings.forEach((b, k) => {
        if (b === value) carried.push({ statement: j, binding: k, body: field });
      }),
    );
  }
  return { statements, carried, answer: answerAt, status: answer.status };
}

interface WriteScenario {
  name: string;
  requests: BenchRequest[];
  baselineRequests: BenchRequest[];
  /** The statements of the first request, for the report. */
  statements: string[];
  replayKeys: string[];
}

/**
 * Sends each request of a write scenario's rotation once to ours, checks the status, captures its
 * statements as a replay of its own (`?tx=<key>` on the baseline's request).
 */
async function captureWrites(
  db: Knex,
  origin: string,
  name: string,
  table: string,
  requests: BenchRequest[],
  expectedStatus: number,
  replays: Record<string, Replay>,
): Promise<WriteScenario> {
  const baselineRequests: BenchRequest[] = [];
  const replayKeys: string[] = [];
  let statements: string[] = [];
  for (const [i, request] of requests.entries()) {
    const sent = fill(request, 'capture', i + 1);
    let answer: Awaited<ReturnType<typeof call>> | undefined;
    const seen = await capture(db, async () => (answer = await call(origin, sent)));
    if (answer!.status !== expectedStatus)
      throw new Error(`${name}: ${request.method} ${request.path} answered ${answer!.status}, not ${expectedStatus}`);
    const key = `${table}.${name.split(' ')[0]}.${i}`;
    replays[key] = toReplay(seen, answer!, request, sent, table);
    replayKeys.push(key);
    if (i === 0) statements = seen.map(brief);
    baselineRequests.push({ ...request, path: `${request.path}${request.path.includes('?') ? '&' : '?'}tx=${encodeURIComponent(key)}` });
  }
  return { name, requests, baselineRequests, statements, replayKeys };
}

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  scenario: string;
  ours: Measured;
  baseline: Measured;
  /** Share of the database's busy connections found waiting on a lock, sampled during the runs. */
  lockWaits?: { ours: number; baseline: number };
}

/**
 * Samples pg_stat_activity every 100 ms while `fn` runs: of the connections of the bench database
 * in a transaction or a statement, how many wait on a lock (a row lock held by another transaction).
 */
async function sampleLockWaits<T>(
  monitor: { query(sql: string): Promise<{ rows: any[] }> },
  fn: () => Promise<T>,
): Promise<{ value: T; busy: number; waiting: number }> {
  let busy = 0;
  let waiting = 0;
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const { rows } = await monitor.query(
        `select count(*)::int as busy, count(*) filter (where wait_event_type = 'Lock')::int as waiting
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`,
      );
      busy += rows[0].busy;
      waiting += rows[0].waiting;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return { value: await fn(), busy, waiting };
  } finally {
    stopped = true;
    await sampling;
  }
}

/**
 * The replay with its sequence upsert (and the statements right after it reading the number) moved
 * to just before the next statement using the number, the unique pre-check: the row lock on the
 * counter then spans the end of the transaction only.
 */
function drawnLate(replay: Replay): Replay | undefined {
  const numbered = replay.carried.find((c) => 'from' in c && c.sequence) as { from: number } | undefined;
  if (!numbered) return undefined;
  const upsert = numbered.from;
  const uses = new Set(replay.carried.filter((c) => 'from' in c && c.from === upsert).map((c) => c.statement));
  let end = upsert;
  while (uses.has(end + 1)) end++;
  const target = [...uses].filter((i) => i > end).sort((a, b) => a - b)[0] ?? replay.answer;
  const block = replay.statements.map((_, i) => i).filter((i) => i >= upsert && i <= end);
  const order = replay.statements.map((_, i) => i).filter((i) => i < upsert || i > end);
  order.splice(order.indexOf(target), 0, ...block);
  const at = new Map(order.map((old, i) => [old, i]));
  return {
    ...replay,
    statements: order.map((i) => replay.statements[i]),
    carried: replay.carried.map(
      (c) => ({ ...c, statement: at.get(c.statement)!, ...('from' in c ? { from: at.get(c.from)! } : {}) }) as CarriedValue,
    ),
    answer: at.get(replay.answer)!,
  };
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pad = (text: string, width: number) => text.padStart(width);
const W = 62;

function table(rows: Row[], labels: [string, string] = ['ours', 'baseline']): string {
  const lines: string[] = [];
  const header = `${'scenario'.padEnd(W)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('cpu ms/req', 13)}${pad('errors', 8)}`;
  lines.push(header, '-'.repeat(header.length));
  for (const { scenario, ours, baseline } of rows) {
    const line = (label: string, m: Measured) =>
      `${label.padEnd(W)}${pad(fmt(m.rps, 0), 9)}${pad(fmt(m.p50, 2), 9)}${pad(fmt(m.p95, 2), 9)}${pad(fmt(m.p99, 2), 9)}${pad(fmt(m.cpuMs, 3), 13)}${pad(String(m.errors), 8)}`;
    lines.push(line(`${scenario} · ${labels[0]}`, ours));
    lines.push(line(`${scenario} · ${labels[1]}`, baseline));
    lines.push(
      `${`${scenario} · ${labels[0]}/${labels[1]}`.padEnd(W)}${pad(fmt(ours.rps / baseline.rps, 2), 9)}${pad(fmt(ours.p50 / baseline.p50, 2), 9)}${pad(fmt(ours.p95 / baseline.p95, 2), 9)}${pad(fmt(ours.p99 / baseline.p99, 2), 9)}${pad(fmt(ours.cpuMs / baseline.cpuMs, 2), 13)}`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

function verdicts(rows: Row[]): string[] {
  const lines: string[] = [];
  for (const row of rows.filter((r) => r.scenario.startsWith('list'))) {
    const p95Met = row.ours.p95 < LIST_P95_MS;
    const share = row.ours.rps / row.baseline.rps;
    const shareMet = share >= LIST_THROUGHPUT_SHARE;
    lines.push(
      `${row.scenario}: p95 ${fmt(row.ours.p95, 2)} ms < ${LIST_P95_MS} ms: ${p95Met ? 'MET' : 'MISSED'} (baseline p95 ${fmt(row.baseline.p95, 2)} ms)`,
    );
    lines.push(
      `${row.scenario}: throughput ${(share * 100).toFixed(0)}% of the baseline >= ${LIST_THROUGHPUT_SHARE * 100}%: ${shareMet ? 'MET' : 'MISSED'}`,
    );
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const database = await openDatabase({ poolMax: POOL, prefix: 'ra_sales_bench', log });
  const { db } = database;
  const servers: Server[] = [];
  const pools: { end(): Promise<void> }[] = [];
  try {
    const version = (await db.raw('show server_version')).rows[0].server_version;
    log(`PostgreSQL ${version}`);
    await applyMigrations(db, model);
    const force = await addSalesForce(db);

    log(`seeding ${CUSTOMERS} customers, ${OPPORTUNITIES} opportunities and the records of the write scenarios …`);
    const seedStarted = performance.now();
    const { summary, renamed, creditCustomers } = await seedData(db);
    const seedMs = performance.now() - seedStarted;
    // The report scenarios' territories and instalment plans (bench/reports.ts), outside the seeding time.
    const reportData = await seedReportData(db, model, force.reps);
    // VACUUM as well: a table in steady state has its visibility map set (index-only scans), and
    // autovacuum does not then start on the fresh million rows in the middle of the measurements.
    const analyzeStarted = performance.now();
    await db.raw('VACUUM (ANALYZE)');
    const analyzeMs = performance.now() - analyzeStarted;

    const stages = (await db.raw(`select stage, count(*)::int as n from opportunities group by stage order by n desc`)).rows as {
      stage: string;
      n: number;
    }[];
    const owners = (
      await db.raw(
        `select count(distinct owner_id)::int as owners, min(expected_amount)::float8 as min, percentile_cont(0.5) within group (order by expected_amount)::float8 as median, max(expected_amount)::float8 as max, count(expected_amount)::int as with_amount, count(distinct expected_amount)::int as distinct_amounts from opportunities`,
      )
    ).rows[0];
    const sizes = (
      await db.raw(
        `select pg_size_pretty(pg_total_relation_size('opportunities')) as opportunities, pg_size_pretty(pg_total_relation_size('customers')) as customers`,
      )
    ).rows[0];

    // The list request: the manager's first rep and the stage holding most of that rep's rows.
    const listPage = await listPageRequest(db, RESOURCE, force.teamReps[0]);
    const listPath = listPage.path;

    const users = benchUsers(force);
    const ours = express();
    ours.disable('x-powered-by');
    const routerFactory: typeof createSalesRouter = ROUTER_FROM
      ? (await import(pathToFileURL(resolve(ROUTER_FROM, 'router/index.ts')).href)).createSalesRouter
      : createSalesRouter;
    if (ROUTER_FROM) log(`the router measured is that of ${resolve(ROUTER_FROM)}`);
    ours.use('/api', routerFactory({ knex: db, model, validators: validators as Validators, auth: benchAuth(users) }));
    const oursServer = await listen(ours);
    servers.push(oursServer.server);

    // Capture the SQL of each request as the router runs it in steady state (second call).
    const plan: Partial<BaselinePlan> & { list: BaselinePlan['list'] } = { list: {} };
    const statementsPerRequest: Record<string, string[]> = {};
    const listTotals: Record<string, string> = {};
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const request = { path: listPath, headers: { 'x-bench-user': user } };
      const first = await capture(db, () => call(oursServer.origin, request));
      let answer: Awaited<ReturnType<typeof call>> | undefined;
      const seen = await capture(db, async () => (answer = await call(oursServer.origin, request)));
      const page = seen.find(isPage);
      if (!page) throw new Error(`no page query seen for the list as ${user}:\n${seen.map((s) => s.sql).join('\n')}`);
      const count = seen.find(isCount);
      const estimate = first.find((s) => /^explain \(format json\)/i.test(s.sql));
      statementsPerRequest[`list · ${user}`] = seen.map(brief);
      plan.list[user] = { page, count, estimate, limit: DEFAULT_EXACT_COUNT_LIMIT, resource: RESOURCE };
      listTotals[user] = `${answer!.headers.get('content-range')} (exact: ${answer!.headers.get('x-total-count-exact')})`;
    }

    const { min: minId, max: maxId } = (await db.raw('select min(id)::int as min, max(id)::int as max from opportunities')).rows[0];
    const someId = Math.floor((minId + maxId) / 2);
    {
      const seen = await capture(db, () =>
        call(oursServer.origin, { path: `/api/${RESOURCE}/${someId}`, headers: { 'x-bench-user': 'admin' } }),
      );
      const statement = seen.find((s) => /^select "opportunities"\.\*/i.test(s.sql));
      if (!statement) throw new Error(`no getOne query seen:\n${seen.map((s) => s.sql).join('\n')}`);
      const idIndex = statement.bindings.indexOf(someId);
      if (idIndex < 0) throw new Error(`the getOne query does not bind the id: ${statement.sql}`);
      plan.getOne = { statement, idIndex };
      statementsPerRequest['getOne · admin'] = seen.map(brief);
    }

    const customerId = Math.ceil(CUSTOMERS / 2);
    const createBody = { name: 'Bench opportunity', customer_id: customerId, expected_amount: 250000, source: 'referral' };
    const createSql: Captured[] = await capture(db, () =>
      call(oursServer.origin, { method: 'POST', path: `/api/${RESOURCE}`, headers: { 'x-bench-user': 'admin' }, body: createBody }),
    );
    const insert = createSql.find((s) => /^insert into "opportunities"/i.test(s.sql));
    if (!insert) throw new Error(`no INSERT seen on create:\n${createSql.map((s) => s.sql).join('\n')}`);
    plan.create = insert;
    plan.createTransaction = createSql;
    statementsPerRequest['create · admin'] = createSql.map(brief);

    // ---- write scenarios with rules: each request of a rotation captured once, replayed by the baseline as its own transaction
    log('capturing the write scenarios …');
    plan.replays = {};
    const admin = { 'x-bench-user': 'admin' };
    const writeScenarios: WriteScenario[] = [];
    const writeData: string[] = [];
    const openStages = (resource: string) =>
      model.entities[resource]?.workflow?.stages.filter((s) => s.kind === 'open').map((s) => s.id) ?? [];

    if (model.entities.credit_sales) {
      const holders = creditCustomers.slice(0, ROTATION);
      const orders = new Map<number, number>();
      if (model.entities.sales_orders) {
        const rows = (
          await db.raw(
            `select customer_id::int as c, min(id)::int as id from sales_orders where customer_id = any(?) group by customer_id`,
            [holders],
          )
        ).rows;
        for (const r of rows as { c: number; id: number }[]) orders.set(r.c, r.id);
      }
      const creditSale = model.entities.credit_sales;
      const numbered = creditSale.fields.some((f) => f.name === 'agreement_number' && (f as { sequence?: string }).sequence);
      const requests = holders.map((customerId, i) => ({
        method: 'POST',
        path: '/api/credit_sales',
        headers: admin,
        body: {
          ...(numbered ? {} : { agreement_number: `SX-BENCH-${i + 1}` }),
          customer_id: customerId,
          ...(orders.has(customerId) ? { sales_order_id: orders.get(customerId) } : {}),
          amount: 20_000 + (i % 50) * 1_000,
          due_date: isoDate(60),
          agreement_terms: 'Payment 60 days after delivery, by bank transfer.',
        },
      }));
      const per = (
        await db.raw(
          `select (select count(*) from credit_sales where customer_id = any(?))::float8 / ? as sales,
                (select count(*) from collections where customer_id = any(?))::float8 / ? as collections`,
          [holders, holders.length, holders, holders.length],
        )
      ).rows[0];
      writeData.push(
        `credit sale creates: ${holders.length} customers in rotation, each with ${fmt(per.sales, 1)} credit sales and ${fmt(per.collections, 1)} collections on average (all statuses), ${orders.size} with a sales order referenced`,
      );
      writeScenarios.push(
        await captureWrites(
          db,
          oursServer.origin,
          'create · credit sale (baseline: whole tx)',
          'credit_sales',
          requests,
          201,
          plan.replays,
        ),
      );
    }
    if (model.entities.customers) {
      const requests = [
        { method: 'POST', path: '/api/customers', headers: admin, vary: true, body: { name: 'Bench customer {{seq}}', grade: 'B' } },
      ];
      writeScenarios.push(
        await captureWrites(db, oursServer.origin, 'create · customer (baseline: whole tx)', 'customers', requests, 201, plan.replays),
      );
    }
    {
      const ids = (
        await db.raw(`select id::int from opportunities where stage = any(?) and id % 97 = 0 order by id limit ?`, [
          openStages(RESOURCE),
          ROTATION,
        ])
      ).rows.map((r: { id: number }) => r.id);
      const requests = ids.map((id: number) => ({
        method: 'PUT',
        path: `/api/${RESOURCE}/${id}`,
        headers: admin,
        vary: true,
        body: { need: 'Bench need {{seq}}' },
      }));
      writeData.push(`opportunity updates: ${ids.length} opportunities in open stages, need changed on every request`);
      writeScenarios.push(
        await captureWrites(db, oursServer.origin, 'update · opportunity (baseline: whole tx)', RESOURCE, requests, 200, plan.replays),
      );
    }
    if (model.entities.quotes) {
      const products = (
        await db.raw(
          `select product_id::int as id from price_policies where status = 'approved' and product_id is not null group by product_id order by count(*) desc, product_id limit 3`,
        )
      ).rows.map((r: { id: number }) => r.id);
      while (products.length < 3) products.push(products.length + 1);
      const ids = (
        await db.raw(`select id::int from quotes where status = any(?) order by id limit ?`, [openStages('quotes'), ROTATION])
      ).rows.map((r: { id: number }) => r.id);
      // The bulk rows' dates are drawn independently: the rotation's quotes get a validity after their date (an x-validate rule).
      await db.raw(
        `update quotes set valid_until = quote_date + 30 where id = any(?) and quote_date is not null and valid_until < quote_date`,
        [ids],
      );
      const requests = ids.map((id: number) => ({
        method: 'PUT',
        path: `/api/quotes/${id}`,
        headers: admin,
        vary: true,
        body: {
          lines: [
            { product_id: products[0], quantity: '{{num}}', unit_price: 120, discount: 5 },
            { product_id: products[1], quantity: 4, unit_price: 2_500 },
            { product_id: products[2], quantity: 1, unit_price: 18_000, discount: 2 },
          ],
        },
      }));
      writeData.push(
        `quote updates: ${ids.length} quotes in open stages, 3 lines on products ${products.join(', ')} (with approved price policies), a quantity changed on every request`,
      );
      writeScenarios.push(
        await captureWrites(db, oursServer.origin, 'update · quote lines (baseline: whole tx)', 'quotes', requests, 200, plan.replays),
      );
    }
    if (model.entities.collections && model.entities.contracts) {
      // A receipt rolled up: each collection of the rotation belongs to its own contract, large
      // enough for every receipt the run records; the contract's figures (received, outstanding,
      // payment status) and the customer's open receivables are refreshed in the same transaction.
      const big = 1_000_000_000;
      const lines = JSON.stringify([{ product_id: 1, quantity: 1, unit_price: big, amount: big }]);
      const customers = (await db.raw(`select id::int from customers order by id limit ?`, [ROTATION])).rows as { id: number }[];
      const contracts = (await db('contracts')
        .insert(
          customers.map((c, i) => ({
            contract_number: `HT-BENCH-${i + 1}`,
            name: `Bench contract ${i + 1}`,
            customer_id: c.id,
            status: 'signed',
            lines,
            amount: big,
            current_amount: big,
          })),
        )
        .returning(['id', 'customer_id'])) as { id: number; customer_id: number }[];
      const ids: number[] = [];
      for (const contract of contracts) {
        const [row] = await db('collections')
          .insert({
            name: `Bench receipt ${contract.id}`,
            customer_id: contract.customer_id,
            contract_id: contract.id,
            amount: big,
            expected_date: isoDate(90),
            status: 'pending',
          })
          .returning('id');
        ids.push(Number(row.id));
      }
      const requests = ids.map((id) => ({
        method: 'PUT',
        path: `/api/collections/${id}`,
        headers: admin,
        vary: true,
        body: { received_amount: '{{num}}', received_date: isoDate(0) },
      }));
      writeData.push(
        `collection receipts: ${ids.length} collections, each of its own contract; the amount received changes on every request and rolls up to the contract and the customer`,
      );
      writeScenarios.push(
        await captureWrites(
          db,
          oursServer.origin,
          'update · collection received, rolled up (baseline: whole tx)',
          'collections',
          requests,
          200,
          plan.replays,
        ),
      );
    }
    for (const w of writeScenarios) statementsPerRequest[w.name.replace(' (baseline: whole tx)', '')] = w.statements;

    const pool = baselinePool(database.url, POOL);
    pool.on('error', () => {});
    pools.push(pool);
    const baselineApp = createBaselineApp(pool, plan as BaselinePlan);
    const reportUsers = { admin: { id: force.adminId, teamId: null }, manager: { id: force.managerId, teamId: force.teamId } };
    const wonDate = await wonDateSql(db);
    mountReportBaseline(baselineApp, pool, reportUsers, wonDate);
    const baseline = await listen(baselineApp);
    servers.push(baseline.server);

    // Same answers from both before measuring.
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const a = await call(oursServer.origin, { path: listPath, headers: { 'x-bench-user': user } });
      const b = await call(baseline.origin, { path: listPath, headers: { 'x-bench-user': user } });
      const same = JSON.stringify(a.json.map((r: { id: number }) => r.id)) === JSON.stringify(b.json.map((r: { id: number }) => r.id));
      if (!same || a.headers.get('content-range') !== b.headers.get('content-range')) {
        throw new Error(
          `list as ${user}: ours and the baseline disagree (${a.headers.get('content-range')} vs ${b.headers.get('content-range')})`,
        );
      }
    }

    // Reports: the same answer from the router and from the hand-written SQL; ours' statements captured for the report.
    const reports = reportScenarios().filter((r) => selected(r.name));
    const reportSql: string[] = [];
    for (const r of reports) {
      const request = { path: r.path, headers: { 'x-bench-user': r.user } };
      let answer: Awaited<ReturnType<typeof call>> | undefined;
      const seen = await capture(db, async () => (answer = await call(oursServer.origin, request)));
      const theirs = await call(baseline.origin, request);
      if (JSON.stringify(answer!.json) !== JSON.stringify(theirs.json)) {
        throw new Error(`${r.name}: ours and the baseline disagree:\n${JSON.stringify(answer!.json)}\n${JSON.stringify(theirs.json)}`);
      }
      const rows = answer!.json as { count: number }[];
      reportSql.push(
        `-- ${r.name}: ${rows.length} rows, ${rows.reduce((n, row) => n + row.count, 0)} records counted; ours (${seen.length} statement${seen.length === 1 ? '' : 's'}):`,
      );
      for (const statement of seen) {
        reportSql.push(
          inline(statement),
          ...compactPlan(await explainAnalyze(pool, statement))
            .filter((l) => /Execution Time/.test(l))
            .map((l) => `  ${l.trim()}`),
        );
      }
      const query = Object.fromEntries(new URL(r.path, 'http://bench').searchParams) as Record<string, string>;
      const hand = reportBaselineSql(wonDate, reportUsers[r.user], query);
      reportSql.push(
        `   the baseline's: ${hand.sql.replace(/\s+/g, ' ')}  ${JSON.stringify(hand.params)}`,
        ...compactPlan(await explainAnalyze(pool, { sql: hand.sql, bindings: hand.params }))
          .filter((l) => /Execution Time/.test(l))
          .map((l) => `  ${l.trim()}`),
      );
    }

    // Random ids for getOne, the same sequence for both.
    let state = 12345;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const getOneRequests: BenchRequest[] = Array.from({ length: 20_000 }, () => ({
      path: `/api/${RESOURCE}/${minId + Math.floor(random() * (maxId - minId + 1))}`,
      headers: { 'x-bench-user': 'admin' },
    }));

    const scenarios: { name: string; requests: BenchRequest[]; baselineRequests?: BenchRequest[] }[] = [
      { name: 'list · sales manager (team)', requests: [{ path: listPath, headers: { 'x-bench-user': 'manager' } }] },
      { name: 'list · admin', requests: [{ path: listPath, headers: { 'x-bench-user': 'admin' } }] },
      { name: 'getOne · admin, random ids', requests: getOneRequests },
      {
        name: 'create · admin',
        requests: [{ method: 'POST', path: `/api/${RESOURCE}`, headers: { 'x-bench-user': 'admin' }, body: createBody }],
      },
      {
        name: 'create · admin (baseline: whole tx)',
        requests: [{ method: 'POST', path: `/api/${RESOURCE}`, headers: { 'x-bench-user': 'admin' }, body: createBody }],
        baselineRequests: [
          { method: 'POST', path: `/api/${RESOURCE}?replay=transaction`, headers: { 'x-bench-user': 'admin' }, body: createBody },
        ],
      },
      ...writeScenarios.map(({ name, requests, baselineRequests }) => ({ name, requests, baselineRequests })),
      ...reports.map((r) => ({ name: r.name, requests: [{ path: r.path, headers: { 'x-bench-user': r.user } }] })),
    ];
    const monitor = baselinePool(database.url, 1);
    monitor.on('error', () => {});
    pools.push(monitor);
    const loadBefore = os.loadavg();
    const measure = async (list: typeof scenarios, origins: [string, string] = [oursServer.origin, baseline.origin]): Promise<Row[]> => {
      const rows: Row[] = [];
      for (const scenario of list) {
        const oursRuns: Run[] = [];
        const baselineRuns: Run[] = [];
        const waits = { ours: { busy: 0, waiting: 0 }, baseline: { busy: 0, waiting: 0 } };
        const sampled = async (who: 'ours' | 'baseline', origin: string, requests: BenchRequest[]) => {
          const { value, busy, waiting } = await sampleLockWaits(monitor, () =>
            profiled(`${scenario.name}-${who}`, () =>
              runOnce(origin, requests, { connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs: DURATION_MS / ROUNDS }),
            ),
          );
          waits[who].busy += busy;
          waits[who].waiting += waiting;
          return value;
        };
        for (let round = 1; round <= ROUNDS; round++) {
          log(`${scenario.name}: round ${round}/${ROUNDS}, ours …`);
          oursRuns.push(await sampled('ours', origins[0], scenario.requests));
          log(`${scenario.name}: round ${round}/${ROUNDS}, baseline …`);
          baselineRuns.push(await sampled('baseline', origins[1], scenario.baselineRequests ?? scenario.requests));
        }
        const o = summarize(oursRuns);
        const b = summarize(baselineRuns);
        const share = (w: { busy: number; waiting: number }) => (w.busy ? w.waiting / w.busy : 0);
        rows.push({
          scenario: scenario.name,
          ours: o,
          baseline: b,
          lockWaits: { ours: share(waits.ours), baseline: share(waits.baseline) },
        });
        for (const [who, m] of [
          ['ours', o],
          ['baseline', b],
        ] as const) {
          if (m.errors) log(`${scenario.name} (${who}): ${m.errors} errors, first: ${m.firstError}`);
        }
      }
      return rows;
    };
    const rows = await measure(scenarios.filter((scenario) => selected(scenario.name)));

    // Where a write's time goes: each write scenario's requests one at a time (no concurrency), to
    // ours and to the baseline over HTTP, then the baseline's statements timed one by one.
    const SERIAL = 100;
    const breakdowns: string[] = [];
    for (const w of writeScenarios.filter((scenario) => selected(scenario.name))) {
      const pick = (i: number) => i % w.requests.length;
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      const oursMs: number[] = [];
      const baselineMs: number[] = [];
      for (let i = 0; i < SERIAL; i++) {
        const t = performance.now();
        await call(oursServer.origin, fill(w.requests[pick(i)], 'serial-ours', 10_000_000 + i));
        oursMs.push(performance.now() - t);
      }
      for (let i = 0; i < SERIAL; i++) {
        const t = performance.now();
        await call(baseline.origin, fill(w.baselineRequests[pick(i)], 'serial-base', 20_000_000 + i));
        baselineMs.push(performance.now() - t);
      }
      const perStatement = new Map<string, number>();
      const client = await pool.connect();
      try {
        for (let i = 0; i < SERIAL; i++) {
          const replay = plan.replays![w.replayKeys[pick(i)]];
          const body = fill(w.requests[pick(i)], 'serial-sql', 30_000_000 + i).body as Record<string, unknown> | undefined;
          await runReplay(client, replay, body, (index, ms) => {
            const label = `${String(index + 1).padStart(2)}. ${inline(replay.statements[index]).slice(0, 110)}`;
            perStatement.set(label, (perStatement.get(label) ?? 0) + ms);
          });
        }
      } finally {
        client.release();
      }
      // Statements whose text varies per request (a bound id, a number) are each their own label: fold by position.
      const byPosition = new Map<number, { label: string; ms: number; n: number }>();
      for (const [label, ms] of perStatement) {
        const at = Number(label.slice(0, 2));
        const entry = byPosition.get(at) ?? { label, ms: 0, n: 0 };
        entry.ms += ms;
        entry.n++;
        byPosition.set(at, entry);
      }
      const total = [...byPosition.values()].reduce((a, e) => a + e.ms, 0) / SERIAL;
      breakdowns.push(
        `${w.name.replace(' (baseline: whole tx)', '')}: ${SERIAL} requests one at a time: ours ${fmt(mean(oursMs), 2)} ms, baseline ${fmt(mean(baselineMs), 2)} ms per request (HTTP, mean); the statements alone ${fmt(total, 2)} ms:`,
        ...[...byPosition.values()].map((e) => `  ${fmt(e.ms / SERIAL, 3).padStart(7)} ms  ${e.label}${e.n > 1 ? ' (…)' : ''}`),
      );
    }

    // What-if (baseline only): the credit sale create's statements in the router's order (the
    // number drawn first, so the counter's row stays locked through the lookups and checks until
    // COMMIT, and concurrent creates queue on it) against the same statements with the number drawn last.
    let sequenceRows: Row[] = [];
    let sequenceOrder: string[] = [];
    const creditWrite = writeScenarios.find((w) => w.name.startsWith('create · credit sale'));
    if (SEQUENCE_WHAT_IF && creditWrite && selected(creditWrite.name)) {
      const late = creditWrite.replayKeys.map((key) => drawnLate(plan.replays![key]));
      if (late.every(Boolean)) {
        sequenceOrder = late[0]!.statements.map(brief);
        const lateRequests = creditWrite.baselineRequests.map((request, i) => {
          plan.replays![`${creditWrite.replayKeys[i]}.late`] = late[i]!;
          return { ...request, path: request.path.replace(/tx=[^&]+/, `tx=${encodeURIComponent(`${creditWrite.replayKeys[i]}.late`)}`) };
        });
        sequenceRows = await measure(
          [{ name: 'what-if · credit sale, baseline replays', requests: creditWrite.baselineRequests, baselineRequests: lateRequests }],
          [baseline.origin, baseline.origin],
        );
      }
    }

    // Plans of the credit sale create's reads: lookups, reference, x-ref-where and unique checks (first request of the rotation).
    const lookupPlans: string[] = [];
    const creditScenario = writeScenarios.find((w) => w.name.startsWith('create · credit sale'));
    if (creditScenario) {
      for (const statement of plan.replays![creditScenario.replayKeys[0]].statements) {
        if (!/^select /i.test(statement.sql)) continue;
        lookupPlans.push(`-- ${inline(statement)}`, ...compactPlan(await explainAnalyze(pool, statement)).map((l) => `  ${l}`));
      }
    }

    // Plans of the list and count queries, after the load (warm cache).
    const explains: string[] = [];
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const { page, count } = plan.list[user];
      for (const [label, statement] of [
        ['page', page],
        ['count', count],
      ] as const) {
        if (!statement) continue;
        explains.push(`-- list as ${user}, ${label} query\n${inline(statement)}\n${(await explainAnalyze(pool, statement)).join('\n')}`);
      }
    }

    const whatIf: string[] = [];
    let whatIfRows: Row[] = [];
    if (WHAT_IF) {
      const candidates = [
        {
          label: "A: the sort column with nulls first (a backward scan gives DESC NULLS LAST, the router's order)",
          sql: 'CREATE INDEX bench_amount_nulls_first ON opportunities (expected_amount NULLS FIRST)',
        },
        {
          label: 'B: (stage, owner_id, expected_amount NULLS FIRST, id): filter and order in one index',
          sql: 'CREATE INDEX bench_stage_owner_amount ON opportunities (stage, owner_id, expected_amount NULLS FIRST, id)',
        },
      ];
      for (const candidate of candidates) {
        log(`what-if: ${candidate.sql}`);
        const t = performance.now();
        await db.raw(candidate.sql);
        await db.raw('ANALYZE opportunities');
        whatIf.push(
          `-- with index ${candidate.label} (built in ${((performance.now() - t) / 1000).toFixed(1)} s)${candidate === candidates[0] ? '' : ', index A still present'}`,
        );
        for (const user of ['manager', 'admin'] as BenchUser[]) {
          const { page } = plan.list[user];
          whatIf.push(`list as ${user}, page query:`, ...compactPlan(await explainAnalyze(pool, page)).map((l) => `  ${l}`));
        }
      }
      whatIfRows = await measure(scenarios.filter((scenario) => scenario.name.startsWith('list')));
      for (const candidate of candidates) await db.raw(`DROP INDEX IF EXISTS ${candidate.sql.split(' ')[2]}`);
    }

    // ---- report
    const out: string[] = [];
    out.push('');
    out.push(`ra-sales API bench — ${new Date().toISOString()}`);
    const loadAfter = os.loadavg();
    out.push(
      `machine: ${os.cpus().length} CPUs, Node ${process.version}, PostgreSQL ${version}; load average ${loadBefore[0].toFixed(1)} before the runs, ${loadAfter[0].toFixed(1)} after`,
    );
    const cpus = os.cpus().length;
    if (Math.max(loadBefore[0], loadAfter[0]) > cpus) {
      out.push(
        `WARNING: load average above the ${cpus} CPUs: other processes compete for the CPU, absolute latencies and rates say more about the machine than about the code; compare ours with the baseline`,
      );
    }
    out.push(
      `load: ${CONNECTIONS} keep-alive clients (worker thread, node:http); per side ${DURATION_MS / 1000} s measured in ${ROUNDS} alternating runs, each after a ${WARMUP_MS / 1000} s warm-up; pool ${POOL} connections each`,
    );
    out.push(
      `data: ${summary.counts.customers ?? 0} customers, ${summary.counts.opportunities ?? 0} opportunities (${sizes.opportunities} with indexes; customers ${sizes.customers}), ${force.reps.length} owners in 2 teams`,
    );
    out.push(
      `seeding: ${(seedMs / 1000).toFixed(1)} s (customers ${((summary.milliseconds.customers ?? 0) / 1000).toFixed(1)} s, opportunities ${((summary.milliseconds.opportunities ?? 0) / 1000).toFixed(1)} s, incl. seedBulk's ANALYZE); then VACUUM (ANALYZE) ${(analyzeMs / 1000).toFixed(1)} s`,
    );
    out.push(...writeData);
    out.push(...reportData);
    if (Object.keys(renamed).length)
      out.push(
        `seedBulk's duplicates of unique values renamed before building their unique indexes: ${Object.entries(renamed)
          .map(([k, n]) => `${k} ${n}`)
          .join(', ')}`,
      );
    out.push(`stages: ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}`);
    out.push(
      `owners: ${owners.owners} distinct; expected_amount min ${owners.min}, median ${owners.median}, max ${owners.max} (${owners.with_amount} rows with an amount, ${owners.distinct_amounts} distinct values)`,
    );
    out.push(
      `list request: stage=${listPage.stage}, owner_id=${listPage.owner} (${listPage.rows} rows), sort expected_amount DESC, range 0-${PAGE - 1}`,
    );
    for (const user of ['manager', 'admin']) out.push(`  as ${user}: Content-Range ${listTotals[user]}`);
    out.push('');
    out.push(table(rows));
    out.push('lock waits (share of the busy database connections waiting on a lock, sampled every 100 ms):');
    for (const r of rows) {
      if (r.lockWaits && (r.lockWaits.ours > 0.005 || r.lockWaits.baseline > 0.005)) {
        out.push(`  ${r.scenario}: ours ${(r.lockWaits.ours * 100).toFixed(0)}%, baseline ${(r.lockWaits.baseline * 100).toFixed(0)}%`);
      }
    }
    out.push('  (scenarios not listed: under 0.5% on both sides)');
    out.push('');
    if (sequenceRows.length) {
      out.push("WHAT-IF (baseline only): the credit sale create replayed in the router's order (document number drawn first, the");
      out.push('counter row locked until COMMIT) vs the same statements with the sequence upsert moved just before the unique pre-check:');
      out.push(table(sequenceRows, ['as captured', 'number last']));
      const w = sequenceRows[0].lockWaits!;
      out.push(`lock waits: as captured ${(w.ours * 100).toFixed(0)}%, number drawn last ${(w.baseline * 100).toFixed(0)}%`);
      out.push(`statements, number drawn last: ${sequenceOrder.join(' | ')}`);
      out.push('');
    }
    const failed = [...rows, ...sequenceRows].filter((r) => r.ours.errors || r.baseline.errors);
    for (const r of failed)
      out.push(
        `ERRORS in ${r.scenario}: ours ${r.ours.errors} (${r.ours.firstError ?? '-'}), baseline ${r.baseline.errors} (${r.baseline.firstError ?? '-'})`,
      );
    if (!failed.length) out.push('every request of every scenario answered 2xx');
    out.push('');
    out.push('WRITES ONE AT A TIME (no concurrency): where the time goes');
    out.push(...breakdowns);
    out.push('');
    if (lookupPlans.length) {
      out.push('EXPLAIN (ANALYZE, BUFFERS) of the reads of a credit sale create (first request of the rotation):');
      out.push(...lookupPlans);
      out.push('');
    }

    out.push('targets (list page, as migrated):');
    out.push(...verdicts(rows).map((v) => `  ${v}`));
    out.push('');
    if (WHAT_IF) {
      out.push('WHAT-IF (not part of the migrations): candidate indexes for the list page');
      out.push(...whatIf);
      out.push('');
      out.push('list runs again with both candidate indexes in place:');
      out.push(table(whatIfRows));
      out.push('targets (list page, with the candidate indexes):');
      out.push(...verdicts(whatIfRows).map((v) => `  ${v}`));
      out.push('');
    }
    out.push('SQL replayed by the baseline:');
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      out.push(`  list as ${user}, page:  ${inline(plan.list[user].page)}`);
      if (plan.list[user].count) out.push(`  list as ${user}, count: ${inline(plan.list[user].count!)}`);
    }
    out.push(`  getOne: ${plan.getOne!.statement.sql}  [id in binding ${plan.getOne!.idIndex + 1}]`);
    out.push(`  create: ${plan.create!.sql.slice(0, 160)}…`);
    if (reportSql.length) {
      out.push("REPORTS: the SQL of ours (each statement with its execution time, EXPLAIN ANALYZE) and the hand-written baseline's:");
      out.push(...reportSql.map((line) => `  ${line}`));
    }
    out.push('statements per request of ours (steady state):');
    for (const [name, statements] of Object.entries(statementsPerRequest))
      out.push(`  ${name}: ${statements.length}: ${statements.join(' | ')}`);
    out.push('');
    out.push('EXPLAIN (ANALYZE, BUFFERS):');
    out.push(...explains);
    out.push('');
    out.push(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
    process.stdout.write(`${out.join('\n')}\n`);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    for (const server of servers) await close(server);
    for (const pool of pools) await pool.end().catch(() => {});
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
