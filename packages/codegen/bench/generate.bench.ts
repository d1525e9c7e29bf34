/**
 * How long generating the whole default domain takes, against the floor of just reading and
 * parsing the same files, measured in the same run. Prints figures; asserts nothing.
 *   pnpm bench:gen
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '@ra-sales/schema';
import { generate } from '../src/generate.js';

const require = createRequire(import.meta.url);
const REPO = join(import.meta.dirname, '../../..');
const SCHEMAS = join(REPO, 'schemas');
const RUNS = 5;

function measure(fn: () => unknown | Promise<unknown>) {
  return async () => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
  };
}

async function median(fn: () => Promise<{ wall: number; cpu: number }>) {
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await fn());
  samples.sort((a, b) => a.wall - b.wall);
  return samples[Math.floor(RUNS / 2)];
}

const readAll = () => {
  for (const folder of ['', 'shared', 'entities']) {
    for (const f of readdirSync(join(SCHEMAS, folder)).filter((n) => n.endsWith('.json')))
      JSON.parse(readFileSync(join(SCHEMAS, folder, f), 'utf8'));
  }
};

const first = await measure(() => generate({ dir: SCHEMAS }))(); // nothing cached yet
const floor = await median(measure(readAll));
const load = await median(measure(() => loadModel({ dir: SCHEMAS })));
const full = await median(measure(() => generate({ dir: SCHEMAS })));

const row = (name: string, m: { wall: number; cpu: number }) =>
  console.log(
    `${name.padEnd(44)} wall ${m.wall.toFixed(1).padStart(8)} ms   cpu ${m.cpu.toFixed(1).padStart(8)} ms   ×${(m.wall / floor.wall).toFixed(1)} of read+parse`,
  );
console.log(`Default domain: ${readdirSync(join(SCHEMAS, 'entities')).length} entity files, median of ${RUNS} runs, in process`);
row('read + JSON.parse every file (floor)', floor);
row('load: merge, check, resolve, build model', load);
row('generate, first run (no entity cached)', first);
row('generate again, no entity changed (cached)', full);

// A cold command, as `pnpm gen` runs it: process start, module loading, writing files.
const out = mkdtempSync(join(tmpdir(), 'ra-sales-bench-'));
const cold = await runCli(['generate', '--out', out]);
console.log(`${'cold CLI `ra-sales generate` (new process)'.padEnd(44)} wall ${cold.toFixed(1).padStart(8)} ms`);

// Watch mode: time from saving one schema file to the regenerated types on disk.
const copy = mkdtempSync(join(tmpdir(), 'ra-sales-bench-schemas-'));
cpSync(SCHEMAS, copy, { recursive: true });
const watchOut = mkdtempSync(join(tmpdir(), 'ra-sales-bench-watch-'));
const watcher = spawn(
  process.execPath,
  [require.resolve('tsx/cli'), join(import.meta.dirname, '../src/cli.ts'), 'generate', '--watch', '--schemas', copy, '--out', watchOut],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let log = '';
watcher.stdout.on('data', (d) => (log += d));
await until(() => log.includes('Watching'));
const latencies: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const file = join(copy, 'entities/customer.schema.json');
  const schema = JSON.parse(readFileSync(file, 'utf8'));
  schema.properties[`bench_field_${i}`] = { type: 'string', maxLength: 10, 'x-label': { en: 'Bench', 'zh-CN': '测试' } };
  const start = performance.now();
  writeFileSync(file, JSON.stringify(schema));
  await until(() => readFileSync(join(watchOut, 'types.d.ts'), 'utf8').includes(`bench_field_${i}`));
  latencies.push(performance.now() - start);
}
watcher.kill();
latencies.sort((a, b) => a - b);
console.log(
  `${'watch: save one file → types on disk'.padEnd(44)} wall ${latencies[Math.floor(RUNS / 2)].toFixed(1).padStart(8)} ms (median of ${RUNS}, includes the 30 ms debounce)`,
);

function runCli(args: string[]): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(import.meta.dirname, '../src/cli.ts'), ...args], {
      cwd: REPO,
      stdio: 'ignore',
    });
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`exit ${code}`))));
  });
}

async function until(test: () => boolean) {
  const deadline = Date.now() + 30_000;
  while (!safe(test)) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

function safe(test: () => boolean) {
  try {
    return test();
  } catch {
    return false;
  }
}
