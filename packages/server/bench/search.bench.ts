/**
 * Global search bench: `GET /search` through the router on the demo data, then on
 * BENCH_CUSTOMERS (100,000) bulk-seeded customers more, each without and with GIN trigram indexes
 * on every searched column (`createSearchIndexes`), on PGlite (in memory, pg_trgm loaded) and on
 * PostgreSQL (a throwaway local server; a database whose LC_CTYPE is C.UTF-8, and with
 * BENCH_CTYPE_C=1 one whose LC_CTYPE is C, where pg_trgm finds no trigram in Chinese text).
 *
 *   pnpm --filter @ra-sales/server exec tsx bench/search.bench.ts [pglite] [postgres]
 *
 * Each query is sent BENCH_RUNS (15) times after 3 warm-ups, one at a time, as the admin (no
 * scope) and as a sales rep (own scope); the median and the slowest are printed, with the number
 * of hits and the statement's EXPLAIN ANALYZE execution time as the admin.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Knex } from 'knex';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { model } from '@ra-sales/domain';
import { validators } from '@ra-sales/domain/validators';
import { connectDatabase } from '../src/db/connect.js';
import { applyMigrations } from '../src/migrate/index.js';
import { createSalesRouter } from '../src/router/index.js';
import { createSearchIndexes, dropSearchIndexes } from '../src/migrate/searchIndexes.js';
import { seedBulk } from '../src/seed/bulk.js';
import { seedDemo } from '../src/seed/demo.js';
import { startPostgres, urlForDatabase } from '../test/support/postgres.js';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

interface Probe {
  name: string;
  q: string;
}

interface Line {
  database: string;
  data: string;
  index: string;
  probe: string;
  q: string;
  user: string;
  hits: number;
  median: number;
  max: number;
  sqlMs?: number;
}

const lines: Line[] = [];

async function probes(db: Knex): Promise<Probe[]> {
  const last = await db('customers').orderBy('id', 'desc').first('name');
  const name = String(last?.name ?? '华东钢铁有限公司');
  return [
    { name: '2 Chinese characters', q: '华东' },
    { name: 'part of a name (4 characters)', q: [...name].slice(2, 6).join('') },
    { name: 'a whole name', q: name },
    { name: 'a common word', q: '有限公司' },
    { name: 'Latin, no match', q: 'acme' },
  ];
}

function listen(db: Knex) {
  const app = express();
  app.use('/api', createSalesRouter({ knex: db, model, validators, auth: () => ({ id: 1, roles: ['admin'] }), demoUsers: true }));
  const server = app.listen(0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; hits: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  const body = (await response.json()) as unknown[];
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, hits: body.length };
}

/** The statement of one search as the admin, run again under EXPLAIN ANALYZE. */
async function executionMs(db: Knex, url: string, q: string): Promise<number> {
  let captured: { sql: string; bindings: unknown[] } | undefined;
  const listener = (query: { sql: string; bindings: unknown[] }) => {
    if (/union all/i.test(query.sql)) captured = query;
  };
  db.on('query', listener);
  await timed(`${url}/search?q=${encodeURIComponent(q)}`, {});
  db.off('query', listener);
  if (!captured) return Number.NaN;
  // The event carries the driver's numbered placeholders; knex.raw takes `?` in the same order.
  const sql = captured.sql.replace(/\$\d+/g, '?');
  const result = await db.raw(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, captured.bindings as Knex.RawBinding[]);
  const plan = result.rows[0]['QUERY PLAN'];
  return (typeof plan === 'string' ? JSON.parse(plan) : plan)[0]['Execution Time'];
}

async function measure(db: Knex, database: string, data: string, index: string, rep: number): Promise<void> {
  const { url, close } = listen(db);
  try {
    for (const probe of await probes(db)) {
      for (const [user, headers] of [
        ['admin', {}],
        ['sales rep', { 'X-Sales-User': String(rep) }],
      ] as const) {
        const address = `${url}/search?q=${encodeURIComponent(probe.q)}`;
        for (let i = 0; i < WARMUP; i++) await timed(address, headers);
        const times: number[] = [];
        let hits = 0;
        for (let i = 0; i < RUNS; i++) {
          const run = await timed(address, headers);
          times.push(run.ms);
          hits = run.hits;
        }
        times.sort((a, b) => a - b);
        const line: Line = {
          database,
          data,
          index,
          probe: probe.name,
          q: probe.q,
          user,
          hits,
          median: times[RUNS >> 1],
          max: times.at(-1)!,
        };
        if (user === 'admin') line.sqlMs = await executionMs(db, url, probe.q);
        lines.push(line);
        console.log(JSON.stringify(line));
      }
    }
  } finally {
    await close();
  }
}

async function both(db: Knex, database: string, data: string, rep: number): Promise<void> {
  await dropSearchIndexes(db, model);
  await measure(db, database, data, 'none', rep);
  const started = performance.now();
  const created = await createSearchIndexes(db, model);
  console.log(JSON.stringify({ database, data, indexes: created, ms: Math.round(performance.now() - started) }));
  if (created.created.length) await measure(db, database, data, 'trigram', rep);
}

async function run(db: Knex, database: string): Promise<void> {
  await applyMigrations(db, model);
  await seedDemo(db, model);
  const rep = Number((await db('salespeople').where('role', 'sales_rep').orderBy('id').first('id')).id);
  await db.raw('ANALYZE');
  await both(db, database, 'demo', rep);
  const seeded = await seedBulk(db, model, { customers: CUSTOMERS });
  console.log(JSON.stringify({ database, seeded }));
  await db.raw('VACUUM ANALYZE');
  await both(db, database, `demo + ${CUSTOMERS} customers`, rep);
}

async function onPostgres(ctype: string): Promise<void> {
  const server = await startPostgres();
  const admin = connectDatabase({ url: server.url, poolMax: 1 });
  try {
    await admin.raw(`CREATE DATABASE search_bench TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '${ctype}'`);
    const db = connectDatabase({ url: urlForDatabase(server.url, 'search_bench'), poolMax: 4 });
    try {
      await run(db, `postgres (ctype ${ctype})`);
    } finally {
      await db.destroy();
    }
  } finally {
    await admin.destroy();
    await server.stop();
  }
}

const wanted = process.argv.slice(2);
const all = !wanted.length;
if (all || wanted.includes('pglite')) {
  const db = connectDatabase({ dataDir: 'memory://', pgliteExtensions: { pg_trgm } });
  try {
    await run(db, 'pglite');
  } finally {
    await db.destroy();
  }
}
if (all || wanted.includes('postgres')) {
  await onPostgres('C.UTF-8');
  if (process.env.BENCH_CTYPE_C === '1') await onPostgres('C');
}
console.log('\n| database | data | index | query | user | hits | median ms | max ms | SQL ms |');
console.log('|---|---|---|---|---|---:|---:|---:|---:|');
for (const l of lines) {
  console.log(
    `| ${l.database} | ${l.data} | ${l.index} | ${l.probe} | ${l.user} | ${l.hits} | ${l.median.toFixed(1)} | ${l.max.toFixed(1)} | ${l.sqlMs === undefined ? '' : l.sqlMs.toFixed(1)} |`,
  );
}
