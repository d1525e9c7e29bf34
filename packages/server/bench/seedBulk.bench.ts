/**
 * Bulk seed benchmark: migrates the default domain and inserts 100,000 customers and
 * 1,000,000 opportunities (override with OPPORTUNITIES / CUSTOMERS).
 *   tsx packages/server/bench/seedBulk.bench.ts            # embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… tsx packages/server/bench/seedBulk.bench.ts
 *   tsx packages/server/bench/seedBulk.bench.ts --postgres  # a throwaway local PostgreSQL
 */
import { fileURLToPath } from 'node:url';
import { loadModel } from '@ra-sales/schema';
import { connectDatabase } from '../src/db/index.js';
import { applyMigrations } from '../src/migrate/index.js';
import { seedBulk } from '../src/seed/index.js';
import { startPostgres } from '../test/support/postgres.js';

const schemaDir = fileURLToPath(new URL('../../../schemas', import.meta.url));
const opportunities = Number(process.env.OPPORTUNITIES ?? 1_000_000);
const customers = Number(process.env.CUSTOMERS ?? 100_000);

const loaded = await loadModel({ dir: schemaDir });
if (!loaded.ok) throw new Error('schemas/ does not load');
const server = process.argv.includes('--postgres') && !process.env.DATABASE_URL ? await startPostgres() : undefined;
const db = server ? connectDatabase({ url: server.url }) : connectDatabase({ dataDir: process.env.DATABASE_URL ? undefined : 'memory://' });
const kind = server || process.env.DATABASE_URL ? 'postgres' : 'pglite';
try {
  await db.raw('DROP SCHEMA IF EXISTS public CASCADE');
  await db.raw('CREATE SCHEMA public');
  await applyMigrations(db, loaded.model);
  const summary = await seedBulk(db, loaded.model, { customers, opportunities });
  const rows = customers + opportunities;
  console.log(
    JSON.stringify({
      database: kind,
      ...summary,
      rowsPerSecond: Math.round(rows / (summary.totalMilliseconds / 1000)),
    }),
  );
} finally {
  await db.destroy();
  await server?.stop();
}
