/**
 * How long the embedded default takes to answer: `src/main.ts` (the server of `pnpm start`) on a
 * PGlite data folder, started once on an empty folder (migrations and demo data), then
 * START_RUNS more times on the folder it left (the second start a user makes). Each start is timed
 * from the spawn to the server's "listening" line and to its first answer to a list request.
 * Baselines in the same run: a bare `node` process, and a `node` process that opens the same
 * PGlite folder and runs `select 1` (the floor of any server on it).
 *
 *   pnpm --filter @ra-sales/server bench:start      (START_RUNS, default 5)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/support/postgres.js';

const RUNS = Number(process.env.START_RUNS ?? 5);
const SERVER_DIR = resolve(import.meta.dirname, '..');
const LISTENING = /ra-sales on http:\/\//;

interface Start {
  listening: number;
  answered: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Spawns the server; resolves when it answers its first list request, then stops it. */
async function startServer(dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', SWEEP_EVERY_MS: '3600000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const listening = await new Promise<number>((done, fail) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
        if (LISTENING.test(output)) done(performance.now() - started);
      });
      child.once('exit', (code) => fail(new Error(`the server exited (${code}) before listening:\n${output}`)));
    });
    const response = await fetch(`http://127.0.0.1:${port}/api/opportunities?range=${encodeURIComponent('[0,24]')}`, {
      headers: { 'X-Sales-User': '1' },
    });
    if (!response.ok) throw new Error(`first list request: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return { listening, answered: performance.now() - started };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
  }
}

/** A node process running `script`, timed from spawn to exit. */
async function timeNode(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: SERVER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}`);
  return performance.now() - started;
}

const openPglite = (dataDir: string) => [
  '--input-type=module',
  '-e',
  `import { PGlite } from '@electric-sql/pglite'; const db = await PGlite.create(${JSON.stringify(dataDir)}); await db.query('select 1'); await db.close();`,
];

const dataDir = mkdtempSync(join(tmpdir(), 'ra-sales-start-'));
try {
  const first = await startServer(dataDir);
  const again: Start[] = [];
  const bare: number[] = [];
  const pglite: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timeNode(['-e', '']));
    pglite.push(await timeNode(openPglite(dataDir)));
    again.push(await startServer(dataDir));
  }
  const ms = (n: number) => `${Math.round(n)} ms`;
  const floor = median(pglite);
  console.log(`ra-sales start bench — ${new Date().toISOString()}, ${RUNS} runs, medians`);
  console.log(`first start (empty folder: migrations, demo data): listening ${ms(first.listening)}, first answer ${ms(first.answered)}`);
  console.log(
    `second start: listening ${ms(median(again.map((s) => s.listening)))}, first answer ${ms(median(again.map((s) => s.answered)))} (runs: ${again
      .map((s) => Math.round(s.answered))
      .join(', ')} ms)`,
  );
  console.log(`baseline: bare node ${ms(median(bare))}; node opening the same PGlite folder and answering select 1 ${ms(floor)}`);
  console.log(`second start / PGlite floor: ${(median(again.map((s) => s.answered)) / floor).toFixed(2)}×; target < 3000 ms`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
