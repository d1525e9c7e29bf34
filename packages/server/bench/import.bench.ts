/**
 * Import benchmark: `POST /customers/import` of a CSV of N customers (name, grade by its Chinese
 * label, industry, phone, owner by name) as the administrator, against a bare multi-row INSERT of
 * the same rows (1,000 a statement) in the same run, each on a freshly migrated database.
 *   tsx packages/server/bench/import.bench.ts                 # PGlite (in memory)
 *   tsx packages/server/bench/import.bench.ts --postgres      # a throwaway local PostgreSQL
 *   SIZES=10000,100000 DATABASE_URL=postgres://… tsx packages/server/bench/import.bench.ts
 */
import { request } from 'node:http';
import { connectDatabase } from '../src/db/index.js';
import { startPostgres } from '../test/support/postgres.js';
import { startTestServer } from '../test/router/support/server.js';

const sizes = (process.env.SIZES ?? '10000,100000').split(',').map(Number);
const GRADES = ['A 类（重点）', 'B 类（重要）', 'C 类（一般）', 'D 类（低）'];

const server = process.argv.includes('--postgres') && !process.env.DATABASE_URL ? await startPostgres() : undefined;
const url = server?.url ?? process.env.DATABASE_URL;
const kind = url ? 'postgres' : 'pglite';

function rowsOf(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `客户 ${i + 1}`,
    grade: GRADES[i % 4],
    industry: ['制造业', '物流', '零售'][i % 3],
    contact_phone: `138${String(i).padStart(8, '0')}`,
    owner: ['repA', 'repB', 'managerNorth'][i % 3],
  }));
}

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

async function run(n: number) {
  const db = url ? connectDatabase({ url }) : connectDatabase({ dataDir: 'memory://' });
  try {
    await db.raw('DROP SCHEMA IF EXISTS public CASCADE');
    await db.raw('CREATE SCHEMA public');
    const app = await startTestServer(db);
    const rows = rowsOf(n);
    const csv = [
      '客户名称,客户等级,所属行业,电话,客户归属',
      ...rows.map((r) => [r.name, r.grade, r.industry, r.contact_phone, r.owner].join(',')),
    ].join('\n');
    const started = performance.now();
    const response = await post(`${app.url}/customers/import`, csv, {
      'Content-Type': 'text/csv',
      'X-Sales-User': String(app.users.admin),
    });
    const answer = JSON.parse(response.text) as { created: number; errors: unknown[] };
    const importMs = performance.now() - started;
    if (response.status !== 200 || answer.created !== n) throw new Error(`import failed: ${JSON.stringify(answer).slice(0, 500)}`);
    await app.close();

    // The baseline: the same rows, grades and owners already resolved, no rule, no audit.
    await db('customers').delete();
    const grade = { 'A 类（重点）': 'A', 'B 类（重要）': 'B', 'C 类（一般）': 'C', 'D 类（低）': 'D' } as Record<string, string>;
    const owners = Object.fromEntries(['repA', 'repB', 'managerNorth'].map((name) => [name, app.users[name as 'repA']]));
    const baseStarted = performance.now();
    await db.transaction(async (trx) => {
      for (let i = 0; i < n; i += 1000) {
        await trx('customers').insert(
          rows.slice(i, i + 1000).map((r) => ({
            name: r.name,
            grade: grade[r.grade],
            industry: r.industry,
            contact_phone: r.contact_phone,
            owner_id: owners[r.owner],
            status: 'potential',
          })),
        );
      }
    });
    const baselineMs = performance.now() - baseStarted;
    console.log(
      JSON.stringify({
        database: kind,
        rows: n,
        importSeconds: +(importMs / 1000).toFixed(2),
        importRowsPerSecond: Math.round(n / (importMs / 1000)),
        baselineSeconds: +(baselineMs / 1000).toFixed(2),
        baselineRowsPerSecond: Math.round(n / (baselineMs / 1000)),
      }),
    );
  } finally {
    await db.destroy();
  }
}

try {
  for (const n of sizes) await run(n);
} finally {
  await server?.stop();
}
