/**
 * Soak: the sales router under 8 clients of mixed reads and writes for 10 minutes (SOAK_MINUTES),
 * on PostgreSQL, measured in 30 s windows: throughput, p50/p95 latency, and the server process's
 * memory after each window. Flat is the goal: the last third of the windows against the first.
 *
 *   pnpm --filter @ra-sales/server bench:soak
 *
 * Data: 10,000 customers and 100,000 opportunities (seedBulk) on a throwaway PostgreSQL from the
 * local binaries, or a fresh database on DATABASE_URL. The mix, round robin per client: a sales
 * manager's list page with its total, an admin's list page, a getOne, a customer created (a new
 * name each time), an opportunity's `need` updated (a new value each time).
 */
import type { Server } from 'node:http';
import { Worker } from 'node:worker_threads';
import express from 'express';
import type { Knex } from 'knex';
import { connectDatabase } from '../src/db/connect.js';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter, type SalesUser } from '../src/router/index.js';
import { seedBulk } from '../src/seed/bulk.js';
import { defaultDomain } from '../test/router/support/model.js';
import { startPostgres, urlForDatabase } from '../test/support/postgres.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WINDOW_MS = 30_000;
const CLIENTS = 8;

interface Window {
  requests: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latencies: Float64Array;
}

async function database(): Promise<{ db: Knex; done: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const name = `soak_${process.pid}`;
    const admin = connectDatabase({ url: process.env.DATABASE_URL, poolMax: 1 });
    await admin.raw(`CREATE DATABASE "${name}"`);
    const db = connectDatabase({ url: urlForDatabase(process.env.DATABASE_URL, name), poolMax: 10 });
    return {
      db,
      done: async () => {
        await db.destroy();
        await admin.raw(`DROP DATABASE "${name}" WITH (FORCE)`);
        await admin.destroy();
      },
    };
  }
  const server = await startPostgres();
  const db = connectDatabase({ url: server.url, poolMax: 10 });
  return {
    db,
    done: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}

function runWindow(origin: string, requests: object[], tag: string): Promise<Window> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), {
      workerData: { origin, connections: CLIENTS, warmupMs: 0, durationMs: WINDOW_MS, requests, tag },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
const mb = (bytes: number) => bytes / 1024 / 1024;
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function main(): Promise<void> {
  const { model, validators } = defaultDomain();
  const { db, done } = await database();
  try {
    await applyMigrations(db, model);
    const [team] = await db('teams').insert({ name: 'Soak team' }).returning('id');
    const insert = async (name: string, role: string) =>
      Number((await db('salespeople').insert({ name, role, status: 'active', team_id: team.id }).returning('id'))[0].id);
    const adminId = await insert('Administrator', 'admin');
    const managerId = await insert('Manager', 'sales_manager');
    for (let r = 1; r <= 10; r++) await insert(`Rep ${r}`, 'sales_rep');
    const started = Date.now();
    await seedBulk(db, model, { customers: 10_000, opportunities: 100_000 });
    await db.raw('VACUUM (ANALYZE)');
    console.log(`seeded 10,000 customers and 100,000 opportunities in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const users: Record<string, SalesUser> = {
      admin: { id: adminId, roles: ['admin'], teamId: Number(team.id) },
      manager: { id: managerId, roles: ['sales_manager'], teamId: Number(team.id) },
    };
    const app = express();
    app.use('/api', createSalesRouter({ knex: db, model, validators, auth: (req) => users[req.get('x-bench-user') ?? 'admin'] ?? null }));
    const server: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const open = await db('opportunities').whereIn('stage', ['development', 'initiation']).orderBy('id').limit(200).pluck('id');
    const listQuery = `filter=${encodeURIComponent(JSON.stringify({ stage: 'proposal' }))}&range=[0,24]&sort=${encodeURIComponent('["expected_amount","DESC"]')}`;
    const requests = [
      { path: `/api/opportunities?${listQuery}`, headers: { 'x-bench-user': 'manager' } },
      { path: `/api/opportunities?${listQuery}`, headers: { 'x-bench-user': 'admin' } },
      ...open.slice(0, 20).map((id) => ({ path: `/api/opportunities/${id}` })),
      { method: 'POST', path: '/api/customers', body: { name: 'Soak customer {{seq}}', grade: 'B' }, vary: true },
      ...open
        .slice(0, 20)
        .map((id) => ({ method: 'PUT', path: `/api/opportunities/${id}`, body: { need: 'Soak need {{seq}}' }, vary: true })),
    ];

    const windows = Math.max(3, Math.round((MINUTES * 60_000) / WINDOW_MS));
    const rows: { rps: number; p50: number; p95: number; rss: number; heap: number; errors: number }[] = [];
    console.log(`${windows} windows of ${WINDOW_MS / 1000} s, ${CLIENTS} clients\n`);
    console.log('| window | req/s | p50 ms | p95 ms | errors | RSS MB | heap used MB |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|');
    for (let w = 0; w < windows; w++) {
      const run = await runWindow(origin, requests, `w${w}`);
      const sorted = Float64Array.from(run.latencies).sort();
      const memory = process.memoryUsage();
      const row = {
        rps: (run.requests / run.elapsedMs) * 1000,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        rss: mb(memory.rss),
        heap: mb(memory.heapUsed),
        errors: run.errors,
      };
      rows.push(row);
      if (run.firstError) console.log(`  first error: ${run.firstError}`);
      console.log(
        `| ${w + 1} | ${row.rps.toFixed(0)} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.errors} | ${row.rss.toFixed(0)} | ${row.heap.toFixed(0)} |`,
      );
    }
    const third = Math.max(1, Math.floor(rows.length / 3));
    const first = rows.slice(0, third);
    const last = rows.slice(-third);
    const ratio = (key: 'rps' | 'p95' | 'rss' | 'heap') => average(last.map((r) => r[key])) / average(first.map((r) => r[key]));
    console.log(
      `\nlast third against first third: throughput ×${ratio('rps').toFixed(2)}, p95 ×${ratio('p95').toFixed(2)}, ` +
        `RSS ×${ratio('rss').toFixed(2)}, heap used ×${ratio('heap').toFixed(2)}; errors ${rows.reduce((n, r) => n + r.errors, 0)}`,
    );
    await new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  } finally {
    await done();
  }
}

await main();
