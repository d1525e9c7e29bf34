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
 * owners among the reps, amounts), ANALYZE; then, each with BENCH_CONNECTIONS keep-alive clients,
 * a warm-up and a fixed measured duration, ours and the baseline one after the other:
 *   list     25 rows filtered by stage and owner, sorted by expected_amount DESC, with the total,
 *            as a sales manager (team scope) and as an admin (no scope)
 *   getOne   random ids
 *   create   POST of a valid opportunity vs the router's INSERT … RETURNING alone
 * and prints requests/s and p50/p95/p99 latency, the ratios, the targets of the list page, and
 * EXPLAIN ANALYZE of the list and count queries.
 *
 * Settings (environment): BENCH_CUSTOMERS (100000), BENCH_OPPORTUNITIES (1000000),
 * BENCH_CONNECTIONS (8), BENCH_WARMUP_MS (1000), BENCH_DURATION_MS (10000), BENCH_ROUNDS (5),
 * BENCH_POOL (10), BENCH_WHAT_IF (1: afterwards, try candidate indexes for the list page, show their
 * plans and measure the list again with them; 0 to skip). The measured duration of each side is split into BENCH_ROUNDS alternating runs
 * so that a change in the machine's background load does not fall on one side only.
 *
 * "cpu ms/req" is the CPU time of the main thread (the servers, knex and pg; the clients run in a
 * worker thread) per answered request: the Node-side cost of a request, apart from the database.
 * Read from /proc (Linux); elsewhere the event loop's busy time stands in for it.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance as perf } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import express, { type Express } from 'express';
import type { Knex } from 'knex';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';
import type { Validators } from '@ra-sales/schema';
import { connectDatabase } from '../src/db/connect.js';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter, type SalesUser } from '../src/router/index.js';
import { seedBulk } from '../src/seed/bulk.js';
import { startPostgres, urlForDatabase, type PostgresServer } from '../test/support/postgres.js';
import { baselinePool, createBaselineApp, type BaselinePlan, type Statement } from './baseline.js';

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
const REPS_PER_TEAM = 10;
const PAGE = 25;

/** The targets of the list page. */
const LIST_P95_MS = 20;
const LIST_THROUGHPUT_SHARE = 0.7;

const RESOURCE = 'opportunities';

type BenchUser = 'admin' | 'manager';

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Database

interface BenchDatabase {
  url: string;
  db: Knex;
  close(): Promise<void>;
}

async function openDatabase(): Promise<BenchDatabase> {
  let server: PostgresServer | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    log('DATABASE_URL not set: starting a throwaway PostgreSQL server');
    server = await startPostgres();
    adminUrl = server.url;
    // Stopping is synchronous (pg_ctl): the throwaway server goes even when the bench dies.
    const started = server;
    process.once('exit', () => void started.stop().catch(() => {}));
  }
  const name = `ra_sales_bench_${process.pid}`;
  const admin = connectDatabase({ url: adminUrl, poolMax: 1 });
  await admin.raw(`CREATE DATABASE "${name}"`);
  const url = urlForDatabase(adminUrl, name);
  const db = connectDatabase({ url, poolMax: POOL });
  return {
    url,
    db,
    async close() {
      await db.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.destroy();
      await server?.stop();
    },
  };
}

interface SalesForce {
  adminId: number;
  managerId: number;
  teamId: number;
  /** Reps of the manager's team. */
  teamReps: number[];
  reps: number[];
}

/** Two teams, each with a manager and REPS_PER_TEAM reps; salesperson 1 is the admin. */
async function addSalesForce(db: Knex): Promise<SalesForce> {
  const teamIds: number[] = [];
  for (const name of ['North', 'South']) {
    const [row] = await db('teams').insert({ name: `Team ${name}` }).returning('id');
    teamIds.push(Number(row.id));
  }
  const insert = async (name: string, role: string, teamId: number | null) =>
    Number((await db('salespeople').insert({ name, role, status: 'active', team_id: teamId }).returning('id'))[0].id);
  const adminId = await insert('Administrator', 'admin', null);
  if (adminId !== 1) throw new Error('the admin must be salesperson 1 (fresh database expected)');
  const managers: number[] = [];
  for (const [i, teamId] of teamIds.entries()) managers.push(await insert(`Manager ${i + 1}`, 'sales_manager', teamId));
  const repsByTeam: number[][] = teamIds.map(() => []);
  for (const [i, teamId] of teamIds.entries()) {
    for (let r = 1; r <= REPS_PER_TEAM; r++) repsByTeam[i].push(await insert(`Rep ${i + 1}.${r}`, 'sales_rep', teamId));
  }
  return { adminId, managerId: managers[0], teamId: teamIds[0], teamReps: repsByTeam[0], reps: repsByTeam.flat() };
}

// ---------------------------------------------------------------------------------------------
// Servers

async function listen(app: Express): Promise<{ origin: string; server: Server }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  server.keepAliveTimeout = 60_000;
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** The host's auth hook: the user from the `X-Bench-User` header, no database round trip. */
function benchAuth(users: Record<BenchUser, SalesUser>) {
  return (req: express.Request) => users[(req.get('x-bench-user') ?? 'admin') as BenchUser] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Load

interface BenchRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Measured {
  requests: number;
  errors: number;
  firstError: string | null;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** CPU time of the servers' thread per answered request, in ms. */
  cpuMs: number;
}

interface Run {
  requests: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latencies: Float64Array;
  cpuMs: number;
}

/** CPU time (user + system) of the main thread in ms, from /proc; undefined where not available. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function percentile(sorted: Float64Array, q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function runOnce(origin: string, requests: BenchRequest[], durationMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), {
      workerData: { origin, connections: CONNECTIONS, warmupMs: WARMUP_MS, durationMs, requests },
    });
    let loopFrom: ReturnType<typeof perf.eventLoopUtilization> | undefined;
    let cpuFrom: number | undefined;
    const measureFrom = setTimeout(() => {
      loopFrom = perf.eventLoopUtilization();
      cpuFrom = mainThreadCpuMs();
    }, WARMUP_MS);
    worker.once('error', (error) => {
      clearTimeout(measureFrom);
      reject(error);
    });
    worker.once('message', (result: Omit<Run, 'cpuMs'>) => {
      const cpuTo = mainThreadCpuMs();
      const loop = loopFrom ? perf.eventLoopUtilization(perf.eventLoopUtilization(), loopFrom) : undefined;
      const cpuMs = cpuFrom !== undefined && cpuTo !== undefined ? cpuTo - cpuFrom : loop ? loop.active : NaN;
      resolve({ ...result, cpuMs });
    });
  });
}

function summarize(runs: Run[]): Measured {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  const elapsed = runs.reduce((n, r) => n + r.elapsedMs, 0);
  const all = new Float64Array(requests);
  let at = 0;
  for (const r of runs) {
    all.set(r.latencies, at);
    at += r.latencies.length;
  }
  all.sort();
  return {
    requests,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    firstError: runs.find((r) => r.firstError)?.firstError ?? null,
    rps: (requests / elapsed) * 1000,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    p99: percentile(all, 0.99),
    cpuMs: runs.reduce((n, r) => n + r.cpuMs, 0) / requests,
  };
}

// ---------------------------------------------------------------------------------------------
// SQL capture

interface Captured extends Statement {
  txId?: string;
}

/** The statements knex sends while `fn` runs (the servers are idle otherwise). */
async function capture(db: Knex, fn: () => Promise<unknown>): Promise<Captured[]> {
  const seen: Captured[] = [];
  const listener = (q: { sql: string; bindings?: unknown[]; __knexTxId?: string }) =>
    seen.push({ sql: q.sql, bindings: [...(q.bindings ?? [])], txId: q.__knexTxId });
  db.on('query', listener);
  try {
    await fn();
  } finally {
    db.removeListener('query', listener);
  }
  return seen;
}

async function call(origin: string, request: BenchRequest): Promise<{ status: number; headers: Headers; json: any }> {
  const response = await fetch(`${origin}${request.path}`, {
    method: request.method ?? 'GET',
    headers: { accept: 'application/json', ...(request.body ? { 'content-type': 'application/json' } : {}), ...request.headers },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (response.status >= 300) throw new Error(`${request.method ?? 'GET'} ${request.path}: ${response.status} ${text.slice(0, 500)}`);
  return { status: response.status, headers: response.headers, json };
}

const isPage = (s: Statement) => /^select "opportunities"\.\* from "opportunities"/i.test(s.sql) && / limit /i.test(s.sql);
const isCount = (s: Statement) => /^select count\(\*\)/i.test(s.sql);

/** The first words of a statement, for the report. */
const brief = (s: Statement) => s.sql.split(/\s+/).slice(0, 4).join(' ').replace(/,$/, '');

function inline(s: Statement): string {
  return s.sql.replace(/\$(\d+)/g, (_, n) => {
    const value = s.bindings[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  scenario: string;
  ours: Measured;
  baseline: Measured;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pad = (text: string, width: number) => text.padStart(width);
const W = 58;

function table(rows: Row[]): string {
  const lines: string[] = [];
  const header = `${'scenario'.padEnd(W)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('cpu ms/req', 13)}${pad('errors', 8)}`;
  lines.push(header, '-'.repeat(header.length));
  for (const { scenario, ours, baseline } of rows) {
    const line = (label: string, m: Measured) =>
      `${label.padEnd(W)}${pad(fmt(m.rps, 0), 9)}${pad(fmt(m.p50, 2), 9)}${pad(fmt(m.p95, 2), 9)}${pad(fmt(m.p99, 2), 9)}${pad(fmt(m.cpuMs, 3), 13)}${pad(String(m.errors), 8)}`;
    lines.push(line(`${scenario} · ours`, ours));
    lines.push(line(`${scenario} · baseline`, baseline));
    lines.push(
      `${`${scenario} · ours/baseline`.padEnd(W)}${pad(fmt(ours.rps / baseline.rps, 2), 9)}${pad(fmt(ours.p50 / baseline.p50, 2), 9)}${pad(fmt(ours.p95 / baseline.p95, 2), 9)}${pad(fmt(ours.p99 / baseline.p99, 2), 9)}${pad(fmt(ours.cpuMs / baseline.cpuMs, 2), 13)}`,
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
    lines.push(`${row.scenario}: p95 ${fmt(row.ours.p95, 2)} ms < ${LIST_P95_MS} ms: ${p95Met ? 'MET' : 'MISSED'} (baseline p95 ${fmt(row.baseline.p95, 2)} ms)`);
    lines.push(`${row.scenario}: throughput ${(share * 100).toFixed(0)}% of the baseline >= ${LIST_THROUGHPUT_SHARE * 100}%: ${shareMet ? 'MET' : 'MISSED'}`);
  }
  return lines;
}

/** The plan lines that tell the story: nodes, index conditions, buffers, times. */
function compactPlan(lines: string[]): string[] {
  return lines.filter((line) => /^(->|Limit|Index Cond|Recheck Cond|Sort Key|Presorted Key|Filter|Rows Removed|Heap Fetches|Buffers|Execution Time)/.test(line.trim()));
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const database = await openDatabase();
  const { db } = database;
  const servers: Server[] = [];
  const pools: { end(): Promise<void> }[] = [];
  try {
    const version = (await db.raw('show server_version')).rows[0].server_version;
    log(`PostgreSQL ${version}`);
    await applyMigrations(db, model);
    const force = await addSalesForce(db);

    log(`seeding ${CUSTOMERS} customers and ${OPPORTUNITIES} opportunities …`);
    const seedStarted = performance.now();
    const summary = await seedBulk(db, model, { customers: CUSTOMERS, opportunities: OPPORTUNITIES });
    const seedMs = performance.now() - seedStarted;
    // VACUUM as well: a table in steady state has its visibility map set (index-only scans), and
    // autovacuum does not then start on the fresh million rows in the middle of the measurements.
    const analyzeStarted = performance.now();
    await db.raw('VACUUM (ANALYZE)');
    const analyzeMs = performance.now() - analyzeStarted;

    const stages = (await db.raw(`select stage, count(*)::int as n from opportunities group by stage order by n desc`)).rows as { stage: string; n: number }[];
    const owners = (await db.raw(`select count(distinct owner_id)::int as owners, min(expected_amount)::float8 as min, percentile_cont(0.5) within group (order by expected_amount)::float8 as median, max(expected_amount)::float8 as max, count(expected_amount)::int as with_amount, count(distinct expected_amount)::int as distinct_amounts from opportunities`)).rows[0];
    const sizes = (await db.raw(`select pg_size_pretty(pg_total_relation_size('opportunities')) as opportunities, pg_size_pretty(pg_total_relation_size('customers')) as customers`)).rows[0];

    // The list request: the manager's first rep and the stage holding most of that rep's rows.
    const owner = force.teamReps[0];
    const ownerStage = (await db.raw(`select stage, count(*)::int as n from opportunities where owner_id = ? group by stage order by n desc limit 1`, [owner])).rows[0] as { stage: string; n: number };
    const listPath = `/api/${RESOURCE}?${new URLSearchParams({
      filter: JSON.stringify({ stage: ownerStage.stage, owner_id: owner }),
      range: JSON.stringify([0, PAGE - 1]),
      sort: JSON.stringify(['expected_amount', 'DESC']),
    })}`;

    const users: Record<BenchUser, SalesUser> = {
      admin: { id: force.adminId, roles: ['admin'], teamId: null },
      manager: { id: force.managerId, roles: ['sales_manager'], teamId: force.teamId },
    };
    const ours = express();
    ours.disable('x-powered-by');
    ours.use('/api', createSalesRouter({ knex: db, model, validators: validators as Validators, auth: benchAuth(users) }));
    const oursServer = await listen(ours);
    servers.push(oursServer.server);

    // Capture the SQL of each request as the router runs it in steady state (second call).
    const plan: Partial<BaselinePlan> & { list: BaselinePlan['list'] } = { list: {} };
    const statementsPerRequest: Record<string, string[]> = {};
    const listTotals: Record<string, string> = {};
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const request = { path: listPath, headers: { 'x-bench-user': user } };
      await call(oursServer.origin, request);
      let answer: Awaited<ReturnType<typeof call>> | undefined;
      const seen = await capture(db, async () => (answer = await call(oursServer.origin, request)));
      const page = seen.find(isPage);
      if (!page) throw new Error(`no page query seen for the list as ${user}:\n${seen.map((s) => s.sql).join('\n')}`);
      const count = seen.find(isCount);
      statementsPerRequest[`list · ${user}`] = seen.map(brief);
      plan.list[user] = { page, count, resource: RESOURCE };
      listTotals[user] = `${answer!.headers.get('content-range')} (exact: ${answer!.headers.get('x-total-count-exact')})`;
    }

    const { min: minId, max: maxId } = (await db.raw('select min(id)::int as min, max(id)::int as max from opportunities')).rows[0];
    const someId = Math.floor((minId + maxId) / 2);
    {
      const seen = await capture(db, () => call(oursServer.origin, { path: `/api/${RESOURCE}/${someId}`, headers: { 'x-bench-user': 'admin' } }));
      const statement = seen.find((s) => /^select "opportunities"\.\*/i.test(s.sql));
      if (!statement) throw new Error(`no getOne query seen:\n${seen.map((s) => s.sql).join('\n')}`);
      const idIndex = statement.bindings.findIndex((b) => b === someId);
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

    const pool = baselinePool(database.url, POOL);
    pool.on('error', () => {});
    pools.push(pool);
    const baseline = await listen(createBaselineApp(pool, plan as BaselinePlan));
    servers.push(baseline.server);

    // Same answers from both before measuring.
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const a = await call(oursServer.origin, { path: listPath, headers: { 'x-bench-user': user } });
      const b = await call(baseline.origin, { path: listPath, headers: { 'x-bench-user': user } });
      const same = JSON.stringify(a.json.map((r: { id: number }) => r.id)) === JSON.stringify(b.json.map((r: { id: number }) => r.id));
      if (!same || a.headers.get('content-range') !== b.headers.get('content-range')) {
        throw new Error(`list as ${user}: ours and the baseline disagree (${a.headers.get('content-range')} vs ${b.headers.get('content-range')})`);
      }
    }

    // Random ids for getOne, the same sequence for both.
    let state = 12345;
    const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const getOneRequests: BenchRequest[] = Array.from({ length: 20_000 }, () => ({
      path: `/api/${RESOURCE}/${minId + Math.floor(random() * (maxId - minId + 1))}`,
      headers: { 'x-bench-user': 'admin' },
    }));

    const scenarios: { name: string; requests: BenchRequest[]; baselineRequests?: BenchRequest[] }[] = [
      { name: 'list · sales manager (team)', requests: [{ path: listPath, headers: { 'x-bench-user': 'manager' } }] },
      { name: 'list · admin', requests: [{ path: listPath, headers: { 'x-bench-user': 'admin' } }] },
      { name: 'getOne · admin, random ids', requests: getOneRequests },
      { name: 'create · admin', requests: [{ method: 'POST', path: `/api/${RESOURCE}`, headers: { 'x-bench-user': 'admin' }, body: createBody }] },
      {
        name: 'create · admin (baseline: whole tx)',
        requests: [{ method: 'POST', path: `/api/${RESOURCE}`, headers: { 'x-bench-user': 'admin' }, body: createBody }],
        baselineRequests: [{ method: 'POST', path: `/api/${RESOURCE}?replay=transaction`, headers: { 'x-bench-user': 'admin' }, body: createBody }],
      },
    ];
    const loadBefore = os.loadavg();
    const measure = async (list: typeof scenarios): Promise<Row[]> => {
      const rows: Row[] = [];
      for (const scenario of list) {
        const oursRuns: Run[] = [];
        const baselineRuns: Run[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          log(`${scenario.name}: round ${round}/${ROUNDS}, ours …`);
          oursRuns.push(await runOnce(oursServer.origin, scenario.requests, DURATION_MS / ROUNDS));
          log(`${scenario.name}: round ${round}/${ROUNDS}, baseline …`);
          baselineRuns.push(await runOnce(baseline.origin, scenario.baselineRequests ?? scenario.requests, DURATION_MS / ROUNDS));
        }
        const o = summarize(oursRuns);
        const b = summarize(baselineRuns);
        rows.push({ scenario: scenario.name, ours: o, baseline: b });
        for (const [who, m] of [['ours', o], ['baseline', b]] as const) {
          if (m.errors) log(`${scenario.name} (${who}): ${m.errors} errors, first: ${m.firstError}`);
        }
      }
      return rows;
    };
    const rows = await measure(scenarios);

    // Plans of the list and count queries, after the load (warm cache).
    const explains: string[] = [];
    for (const user of ['manager', 'admin'] as BenchUser[]) {
      const { page, count } = plan.list[user];
      for (const [label, statement] of [['page', page], ['count', count]] as const) {
        if (!statement) continue;
        const result = await pool.query(`explain (analyze, buffers) ${statement.sql}`, statement.bindings);
        explains.push(`-- list as ${user}, ${label} query\n${inline(statement)}\n${result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')}`);
      }
    }

    const whatIf: string[] = [];
    let whatIfRows: Row[] = [];
    if (WHAT_IF) {
      const candidates = [
        {
          label: 'A: the sort column with nulls first (a backward scan gives DESC NULLS LAST, the router\'s order)',
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
        whatIf.push(`-- with index ${candidate.label} (built in ${((performance.now() - t) / 1000).toFixed(1)} s)${candidate === candidates[0] ? '' : ', index A still present'}`);
        for (const user of ['manager', 'admin'] as BenchUser[]) {
          const { page } = plan.list[user];
          const result = await pool.query(`explain (analyze, buffers) ${page.sql}`, page.bindings);
          whatIf.push(`list as ${user}, page query:`, ...compactPlan(result.rows.map((r: Record<string, string>) => r['QUERY PLAN'])).map((l) => `  ${l}`));
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
    out.push(`machine: ${os.cpus().length} CPUs, Node ${process.version}, PostgreSQL ${version}; load average ${loadBefore[0].toFixed(1)} before the runs, ${loadAfter[0].toFixed(1)} after`);
    const cpus = os.cpus().length;
    if (Math.max(loadBefore[0], loadAfter[0]) > cpus) {
      out.push(`WARNING: load average above the ${cpus} CPUs: other processes compete for the CPU, absolute latencies and rates say more about the machine than about the code; compare ours with the baseline`);
    }
    out.push(`load: ${CONNECTIONS} keep-alive clients (worker thread, node:http); per side ${DURATION_MS / 1000} s measured in ${ROUNDS} alternating runs, each after a ${WARMUP_MS / 1000} s warm-up; pool ${POOL} connections each`);
    out.push(`data: ${summary.counts.customers ?? 0} customers, ${summary.counts.opportunities ?? 0} opportunities (${sizes.opportunities} with indexes; customers ${sizes.customers}), ${force.reps.length} owners in 2 teams`);
    out.push(`seeding: ${(seedMs / 1000).toFixed(1)} s (customers ${((summary.milliseconds.customers ?? 0) / 1000).toFixed(1)} s, opportunities ${((summary.milliseconds.opportunities ?? 0) / 1000).toFixed(1)} s, incl. seedBulk's ANALYZE); then VACUUM (ANALYZE) ${(analyzeMs / 1000).toFixed(1)} s`);
    out.push(`stages: ${stages.map((s) => `${s.stage} ${s.n}`).join(', ')}`);
    out.push(`owners: ${owners.owners} distinct; expected_amount min ${owners.min}, median ${owners.median}, max ${owners.max} (${owners.with_amount} rows with an amount, ${owners.distinct_amounts} distinct values)`);
    out.push(`list request: stage=${ownerStage.stage}, owner_id=${owner} (${ownerStage.n} rows), sort expected_amount DESC, range 0-${PAGE - 1}`);
    for (const user of ['manager', 'admin']) out.push(`  as ${user}: Content-Range ${listTotals[user]}`);
    out.push('');
    out.push(table(rows));

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
    out.push('statements per request of ours (steady state):');
    for (const [name, statements] of Object.entries(statementsPerRequest)) out.push(`  ${name}: ${statements.length}: ${statements.join(' | ')}`);
    out.push('');
    out.push('EXPLAIN (ANALYZE, BUFFERS):');
    out.push(...explains);
    out.push('');
    out.push(`total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);
    process.stdout.write(out.join('\n') + '\n');
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
