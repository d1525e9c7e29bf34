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
import express from 'express';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter, type SalesUser } from '../src/router/index.js';
import { seedBulk } from '../src/seed/bulk.js';
import { defaultDomain } from '../test/router/support/model.js';
import { openDatabase } from './database.js';
import { benchAuth, type BenchUser, close, listen } from './http.js';
import { runOnce, summarize } from './load.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const WINDOW_MS = 30_000;
const CLIENTS = 8;

const mb = (bytes: number) => bytes / 1024 / 1024;
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

async function main(): Promise<void> {
  const { model, validators } = defaultDomain();
  const database = await openDatabase({ poolMax: 10, prefix: 'soak', log: (message) => console.error(message) });
  const { db } = database;
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

    const users: Record<BenchUser, SalesUser> = {
      admin: { id: adminId, roles: ['admin'], teamId: Number(team.id) },
      manager: { id: managerId, roles: ['sales_manager'], teamId: Number(team.id) },
    };
    const app = express();
    app.use('/api', createSalesRouter({ knex: db, model, validators, auth: benchAuth(users) }));
    const { origin, server } = await listen(app);

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
      const run = summarize([await runOnce(origin, requests, { connections: CLIENTS, warmupMs: 0, durationMs: WINDOW_MS })]);
      const memory = process.memoryUsage();
      const row = { rps: run.rps, p50: run.p50, p95: run.p95, rss: mb(memory.rss), heap: mb(memory.heapUsed), errors: run.errors };
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
    await close(server);
  } finally {
    await database.close();
  }
}

await main();
