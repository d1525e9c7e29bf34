/**
 * The packages in react-admin apps we do not own. For each host template (scripts/hosts/<name>),
 * in a fresh temporary folder:
 *
 *   1. the five tarballs, packed once as npm would publish them (scripts/pack.sh);
 *   2. plain `npm install` of the tarballs and the template's own dependencies (no
 *      --legacy-peer-deps, no --force, no overrides; any ERESOLVE fails), then one copy of each
 *      library that holds React contexts (react, react-admin, MUI, react-router, react-query…);
 *   3. the host's type check (`npx tsc --noEmit -p .`) and build (`npx vite build`), and the same
 *      app without the sales screens (`--mode without-sales`): what the sales module adds to the
 *      entry chunk, raw and gzip;
 *   4. `node server.mjs` (the sales API on a throwaway PGlite folder, with demo data);
 *   5. Chromium (Debian's, through playwright-core): the host's own list in its own (French)
 *      labels, a sales list, a gate refusing an early opportunity's move, the workflow board —
 *      failing on any console error or page error, and (simple host, `<Admin basename="/admin">`)
 *      on any URL or link outside /admin.
 *
 *   pnpm exec tsx scripts/hosts/run.ts [simple|current]...      (both by default)
 *
 *   --reuse <folder>   reuse <folder>/<host> from an earlier run (kept with --keep): no pack, no
 *                      install; the template's files are copied over again (for working on them)
 *   --tarballs <folder> install the tarballs found there (an earlier scripts/pack.sh) instead of packing
 *   --keep             keep the temporary folders (they are kept anyway when a host fails)
 *   --no-smoke         stop after the builds
 *   HOSTS_NPM_CACHE    npm's cache folder (default: npm's own, shared between runs)
 *   CHROMIUM_PATH      default /usr/bin/chromium
 *
 * Screenshots go to test-artifacts/hosts/<host>/. Exit code 1 when any step failed.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readmeDifferences } from './readme.js';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const HOSTS = ['simple', 'current'] as const;
type HostName = (typeof HOSTS)[number];
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(REPO, 'test-artifacts', 'hosts');
/** Libraries holding React contexts or singletons: two copies of one break the app at run time. */
const SINGLETONS = [
  'react', 'react-dom', 'react-admin', 'ra-core', 'ra-ui-materialui', '@mui/material', '@mui/system', '@emotion/react',
  'react-router', 'react-router-dom', '@tanstack/react-query', 'react-hook-form', '@ra-sales/schema',
];
/** Shown in the report: what npm resolved. */
const SHOWN_VERSIONS = ['react', 'react-admin', '@mui/material', 'react-router', 'typescript', 'vite'];

/** What differs per host: where the admin is served and how its routes look. */
interface HostProfile {
  /** The admin's home, relative to the server's origin. */
  home: string;
  /** The URL of an admin route (`/posts`). */
  route: (path: string) => string;
  /** Every page URL and every link must be inside the admin (checked on each step). */
  inside: (url: URL) => boolean;
  insideText: string;
}

const PROFILES: Record<HostName, HostProfile> = {
  // <Admin basename="/admin"> inside the host's BrowserRouter: real paths under /admin.
  simple: {
    home: '/admin',
    route: (path) => `/admin${path}`,
    inside: (url) => url.pathname === '/admin' || url.pathname.startsWith('/admin/'),
    insideText: 'under /admin',
  },
  // react-admin's own HashRouter at /.
  current: {
    home: '/',
    route: (path) => `/#${path}`,
    inside: (url) => url.pathname === '/' && (url.hash === '' || url.hash.startsWith('#/')),
    insideText: 'at / with #/ routes',
  },
};

// ---------------------------------------------------------------------------------------------
// Arguments

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const at = argv.indexOf(name);
  if (at < 0) return false;
  argv.splice(at, 1);
  return true;
};
const option = (name: string) => {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  argv.splice(at, 2);
  return value;
};
const keep = flag('--keep');
const smoke = !flag('--no-smoke');
const reuse = option('--reuse');
const packed = option('--tarballs');
const unknownFlag = argv.find((arg) => arg.startsWith('-'));
if (unknownFlag) throw new Error(`unknown option ${unknownFlag}`);
for (const name of argv) if (!(HOSTS as readonly string[]).includes(name)) throw new Error(`unknown host "${name}" (hosts: ${HOSTS.join(', ')})`);
const selected: HostName[] = argv.length ? [...new Set(argv as HostName[])] : [...HOSTS];

// ---------------------------------------------------------------------------------------------
// Processes

/** Children started by this run, stopped on exit whatever happens. */
const children = new Set<ReturnType<typeof spawn>>();

/** The environment of npm and the host's tools: nothing of pnpm or of the workspace's binaries. */
function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|INIT_CWD$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules') && !entry.startsWith(REPO))
    .join(delimiter);
  if (process.env.HOSTS_NPM_CACHE) env.npm_config_cache = process.env.HOSTS_NPM_CACHE;
  env.npm_config_update_notifier = 'false';
  env.CI = env.CI ?? '1';
  return { ...env, ...extra };
}

interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command to its end (or its timeout), output collected; its whole process group is killed on timeout. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? hostEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n[timed out after ${options.timeoutMs} ms]`;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      resolvePromise({ code, output, ms: Date.now() - started });
    });
  });
}

function killGroup(child: ReturnType<typeof spawn>, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopChild(child: ReturnType<typeof spawn>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  killGroup(child, 'SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  killGroup(child, 'SIGKILL');
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});

const tail = (text: string, lines = 40) => text.trimEnd().split('\n').slice(-lines).join('\n');
const indent = (text: string) => text.split('\n').map((line) => `      ${line}`).join('\n');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

class StepFailure extends Error {}

function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : reject(new Error('no free port'))));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Steps and the report

interface StepRecord {
  host: string;
  step: string;
  status: 'passed' | 'failed' | 'skipped';
  ms: number;
  error?: string;
}
const steps: StepRecord[] = [];

/** Runs one named step, printing its name, its time and, on failure, why. A failed step returns undefined. */
async function step<T>(host: string, name: string, body: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  console.log(`[${host}] ${name} …`);
  try {
    const value = await body();
    const ms = Date.now() - started;
    steps.push({ host, step: name, status: 'passed', ms });
    console.log(`[${host}] ✓ ${name} (${seconds(ms)})`);
    return value;
  } catch (error) {
    const ms = Date.now() - started;
    const message = error instanceof StepFailure ? error.message : ((error as Error).stack ?? String(error));
    steps.push({ host, step: name, status: 'failed', ms, error: message });
    console.log(`[${host}] ✗ ${name} (${seconds(ms)})\n${indent(message)}`);
    return undefined;
  }
}

function skip(host: string, name: string, why: string): void {
  steps.push({ host, step: name, status: 'skipped', ms: 0, error: why });
  console.log(`[${host}] - ${name}: skipped (${why})`);
}

// ---------------------------------------------------------------------------------------------
// Install

/** Every installed copy of `name` in the tree (nested copies included), with its version. */
function installedCopies(root: string, name: string): { path: string; version: string }[] {
  const found: { path: string; version: string }[] = [];
  const visit = (modules: string, depth: number) => {
    if (depth > 8 || !existsSync(modules)) return;
    const candidate = join(modules, name, 'package.json');
    if (existsSync(candidate)) found.push({ path: relative(root, dirname(candidate)), version: JSON.parse(readFileSync(candidate, 'utf8')).version });
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const packages = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((sub) => join(entry, sub)) : [entry];
      for (const pkg of packages) {
        const nested = join(modules, pkg, 'node_modules');
        if (existsSync(nested)) visit(nested, depth + 1);
      }
    }
  };
  visit(join(root, 'node_modules'), 0);
  return found;
}

async function npmInstall(dir: string, tarballs: string[]): Promise<string> {
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn', ...tarballs], { cwd: dir, timeoutMs: 420_000 });
  const eresolve = /ERESOLVE/.test(result.output);
  if (result.code !== 0 || eresolve) {
    throw new StepFailure(`npm install ${eresolve ? 'hit ERESOLVE' : `exited with ${result.code}`}:\n${tail(result.output, 60)}`);
  }
  const duplicated = SINGLETONS.map((name) => ({ name, copies: installedCopies(dir, name) })).filter(({ copies }) => copies.length > 1);
  if (duplicated.length) {
    throw new StepFailure(
      `more than one copy installed (the app would run with two contexts):\n${duplicated
        .map(({ name, copies }) => `  ${name}: ${copies.map((c) => `${c.version} at ${c.path}`).join(', ')}`)
        .join('\n')}`,
    );
  }
  const warnings = result.output.split('\n').filter((line) => /npm warn/i.test(line) && !/install-scripts|deprecated/i.test(line));
  if (warnings.length) console.log(indent(`npm warnings:\n${warnings.join('\n')}`));
  return SHOWN_VERSIONS.map((name) => `${name} ${installedCopies(dir, name)[0]?.version ?? '—'}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Build and bundle sizes

interface EntrySize {
  file: string;
  raw: number;
  gzip: number;
  /** Every JS file of the build (the entry plus the chunks loaded on demand). */
  totalJs: number;
  chunks: number;
}

/** The entry chunk: the module script the built html page loads. */
function entrySize(outDir: string, html: string): EntrySize {
  const page = readFileSync(join(outDir, html), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(page)?.[1];
  if (!src) throw new StepFailure(`${html} has no module script`);
  const file = join(outDir, 'assets', basename(src));
  if (!existsSync(file)) throw new StepFailure(`the entry ${src} of ${html} is not in ${outDir}/assets`);
  const code = readFileSync(file);
  const js = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  return {
    file: relative(outDir, file),
    raw: code.length,
    gzip: gzipSync(code).length,
    totalJs: js.reduce((sum, name) => sum + statSync(join(outDir, 'assets', name)).size, 0),
    chunks: js.length,
  };
}

async function viteBuild(dir: string, args: string[]): Promise<string> {
  const result = await run('npx', ['vite', 'build', ...args], { cwd: dir, timeoutMs: 300_000 });
  if (result.code !== 0) throw new StepFailure(`vite build ${args.join(' ')} exited with ${result.code}:\n${tail(result.output, 60)}`);
  // Rollup's warning about a cycle across chunks means a broken execution order may follow.
  const cycles = result.output.split('\n').filter((line) => /circular dependency between chunks/.test(line)).length;
  return cycles ? `${cycles} circular-chunk warning(s) from the bundler` : '';
}

// ---------------------------------------------------------------------------------------------
// The host's server

interface HostServer {
  base: string;
  log: () => string;
  stop: () => Promise<void>;
  startMs: number;
}

async function startHostServer(dir: string): Promise<HostServer> {
  const port = await freePort();
  const dataDir = join(dir, '.data-smoke');
  rmSync(dataDir, { recursive: true, force: true });
  const child = spawn('node', ['server.mjs'], {
    cwd: dir,
    env: hostEnv({ PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', SALES_DEMO: '1' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const started = Date.now();
  while (Date.now() - started < 240_000) {
    if (child.exitCode !== null) throw new StepFailure(`node server.mjs exited with ${child.exitCode}:\n${tail(output)}`);
    try {
      const response = await fetch(`${base}/api/sales/me`);
      if (response.ok) return { base, log: () => output, stop, startMs: Date.now() - started };
    } catch {
      /* not listening yet */
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  await stop();
  throw new StepFailure(`node server.mjs did not answer /api/sales/me within 240 s:\n${tail(output)}`);
}

async function api<T>(base: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}/api/sales${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new StepFailure(`${init.method ?? 'GET'} /api/sales${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

// ---------------------------------------------------------------------------------------------
// Browser smoke

type Row = Record<string, unknown> & { id: number };
interface Move {
  to: string;
  kind: string;
  allowed: boolean;
  missing?: { field?: string }[];
}

/** An opportunity in an early stage whose next open stage is refused for missing gate fields. */
async function refusedOpportunity(base: string, dir: string): Promise<{ id: number; stage: string; to: string; fields: string[] }> {
  // The workflow's first stage, from the model the host installed.
  const { model } = (await import(pathToFileURL(join(dir, 'node_modules/@ra-sales/domain/client.js')).href)) as {
    model: { entities: Record<string, { workflow?: { stages: { id: string }[] } }> };
  };
  const first = model.entities.opportunities?.workflow?.stages[0]?.id;
  if (!first) throw new StepFailure('the installed model has no opportunities workflow');
  const query = (filter: object) =>
    `/opportunities?sort=${encodeURIComponent(JSON.stringify(['id', 'ASC']))}&range=${encodeURIComponent('[0,99]')}&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const rows = [...(await api<Row[]>(base, query({ stage: first }))), ...(await api<Row[]>(base, query({ stage_neq: first })))];
  for (const row of rows) {
    const workflow = await api<{ stage: string; next: Move[] }>(base, `/opportunities/${row.id}/workflow`);
    const move = workflow.next.find((m) => m.kind === 'open' && !m.allowed && m.missing?.length);
    if (move) return { id: row.id, stage: workflow.stage, to: move.to, fields: move.missing!.map((m) => String(m.field)) };
  }
  throw new StepFailure('no opportunity has a forward move refused by its gate');
}

async function smokeTest(host: HostName, base: string, dir: string): Promise<void> {
  const profile = PROFILES[host];
  const shotsDir = join(ARTIFACTS, host);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });
  // playwright-core as the workspace has it (a dev dependency of packages/ui).
  const { chromium } = createRequire(join(REPO, 'packages/ui/package.json'))('playwright-core') as typeof import('playwright-core');
  if (!existsSync(CHROMIUM)) throw new StepFailure(`${CHROMIUM} is missing (apt-get install -y chromium)`);

  let browser: Browser | undefined;
  const smokeSteps: [string, (page: Page) => Promise<void>][] = [];
  /** Console errors and page errors; the expected refusal's 4xx is let through by `expectFailure`. */
  const problems: string[] = [];
  let expectedFailure: RegExp | undefined;
  const outside: string[] = [];
  const visited: string[] = [];
  let shot = 0;

  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (expectedFailure && /^Failed to load resource/.test(message.text()) && expectedFailure.test(where)) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  };
  const url = (path: string) => `${base}${profile.route(path)}`;
  /** Same-origin links of the page that lead outside the admin. */
  const linksOutside = async (page: Page) => {
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    return [...new Set(hrefs)].filter((href) => {
      const target = new URL(href);
      return target.origin === new URL(base).origin && !target.pathname.startsWith('/api/') && !profile.inside(target);
    });
  };

  smokeSteps.push(
    [
      'open the app',
      async (page) => {
        await page.goto(`${base}${profile.home}`);
        await page.locator('.RaLayout-appFrame').first().waitFor({ timeout: 30_000 });
      },
    ],
    [
      "the host's own list (posts): its rows, its French labels",
      async (page) => {
        await page.goto(url('/posts'));
        await page.getByText('Accusantium qui nihil voluptatum').waitFor({ timeout: 20_000 });
        // Column header, page title and menu entry in the host's own French words.
        await page.locator('thead').getByText('Titre', { exact: true }).waitFor({ timeout: 10_000 });
        await page.locator('thead').getByText('Publié le', { exact: true }).waitFor({ timeout: 10_000 });
        await page.getByText('Articles', { exact: true }).first().waitFor({ timeout: 10_000 });
        // react-admin's own strings in French too (ra-language-french), not the library's English or Chinese.
        await page.getByText(/^(Exporter|Créer)$/).first().waitFor({ timeout: 10_000 });
      },
    ],
    [
      'a sales list (customers) shows rows',
      async (page) => {
        const total = Number((await fetch(`${base}/api/sales/customers?range=${encodeURIComponent('[0,0]')}`)).headers.get('x-total-count'));
        if (!(total > 0)) throw new StepFailure(`the API has no customers (X-Total-Count ${total})`);
        await page.goto(url('/customers'));
        await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
        const rows = await page.locator('tbody tr').count();
        if (rows < 2) throw new StepFailure(`the customers list shows ${rows} row(s) for ${total} customers`);
      },
    ],
    [
      'an early opportunity moved on without its gate fields is refused',
      async (page) => {
        const target = await refusedOpportunity(base, dir);
        console.log(`      opportunity ${target.id} in ${target.stage} → ${target.to}, gate misses ${target.fields.join(', ')}`);
        expectedFailure = new RegExp(`/api/sales/opportunities/${target.id}(/|\\?|$)`);
        await page.goto(url(`/opportunities/${target.id}/show`));
        const button = page.locator(`[data-testid="move-${target.to}"]`);
        await button.waitFor({ timeout: 30_000 });
        await button.click();
        const dialog = page.locator('[data-testid="refusal-dialog"]');
        await dialog.waitFor({ timeout: 15_000 });
        const named = await dialog.locator('[data-field]').evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));
        if (!named.length) throw new StepFailure(`the refusal dialog names no field: ${await dialog.innerText()}`);
        const unexpected = named.filter((field) => !target.fields.includes(String(field)));
        if (unexpected.length) throw new StepFailure(`the refusal names ${unexpected.join(', ')}; the gate misses ${target.fields.join(', ')}`);
        await screenshot(page, 'refusal');
        const wording = (await dialog.innerText()).replace(/\s+/g, ' ');
        await dialog.getByRole('button').last().click();
        await dialog.waitFor({ state: 'detached', timeout: 10_000 });
        const after = await api<Row>(base, `/opportunities/${target.id}`);
        if (after.stage !== target.stage) throw new StepFailure(`the refused opportunity moved to ${String(after.stage)}`);
        await page.waitForTimeout(300);
        expectedFailure = undefined;
        // The app speaks French, which the library does not ship: its texts are English then, never Chinese.
        if (/[\u3400-\u9fff]/.test(wording)) {
          throw new StepFailure(`the refusal is shown, but partly in Chinese while the app is in French (Accept-Language: fr): "${wording}"`);
        }
      },
    ],
    [
      'the workflow board (opportunities) shows cards',
      async (page) => {
        await page.goto(url('/board/opportunities'));
        await page.locator('[data-testid="board-column"]').first().waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="board-card"]').first().waitFor({ timeout: 30_000 });
      },
    ],
  );

  const screenshot = async (page: Page, name: string) => {
    shot += 1;
    await page.screenshot({ path: join(shotsDir, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true }).catch(() => undefined);
  };

  try {
    browser = await step(host, 'launch Chromium', () =>
      chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] }),
    );
    if (!browser) return;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', onConsole);
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
      visited.push(frame.url());
      if (!profile.inside(new URL(frame.url()))) outside.push(frame.url());
    });

    let failed = false;
    for (const [name, body] of smokeSteps) {
      if (failed) {
        skip(host, name, 'the app did not open');
        continue;
      }
      const ok = await step(host, name, async () => {
        try {
          await body(page);
        } catch (error) {
          if (error instanceof StepFailure) throw error;
          // A timeout waiting for the page: say what the page showed.
          const text = (await page.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
          const seen = [...problems.splice(0), ...outside.splice(0).map((at) => `visited ${at}, not ${profile.insideText}`)];
          throw new StepFailure(`${(error as Error).message.split('\n')[0]}\n  at ${page.url()}\n  page text: ${text}${seen.length ? `\n  ${seen.join('\n  ')}` : ''}`);
        }
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
        await screenshot(page, name.replace(/\W+/g, '-').replace(/^-|-$/g, '').toLowerCase());
        const links = await linksOutside(page);
        // Everything since the previous step's check counts (errors between steps too).
        const reasons = [
          ...problems.splice(0),
          ...outside.splice(0).map((at) => `visited ${at}, not ${profile.insideText}`),
          ...links.map((href) => `a link to ${href}, not ${profile.insideText}`),
        ];
        if (reasons.length) throw new StepFailure(`${reasons.join('\n')}\n  at ${page.url()}`);
        return true;
      });
      if (!ok) {
        // Each step opens its own URL: only a failure to open the app at all stops the others.
        failed = name === smokeSteps[0]![0];
        await screenshot(page, 'FAILED');
      }
    }
    if (!failed) {
      await page.waitForTimeout(500);
      await step(host, 'no console error after the last step', async () => {
        if (problems.length) throw new StepFailure(problems.splice(0).join('\n'));
      });
    }
    console.log(`[${host}]   pages visited: ${[...new Set(visited.map((v) => v.replace(base, '')))].join('  ')}`);
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// One host

interface HostOutcome {
  host: HostName;
  ms: number;
  phases: Record<string, number>;
  versions?: string;
  withSales?: EntrySize;
  withoutSales?: EntrySize;
  notes: string[];
  dir: string;
}

/** Copies the template (never its node_modules or build output). */
function copyTemplate(host: HostName, dir: string): void {
  cpSync(join(HERE, host), dir, {
    recursive: true,
    filter: (source) => !/(^|[\\/])(node_modules|dist|dist-without-sales|\.data[^\\/]*)([\\/]|$)/.test(relative(join(HERE, host), source)),
  });
}

async function runHost(host: HostName, dir: string, tarballs: string[] | undefined): Promise<HostOutcome> {
  const started = Date.now();
  const outcome: HostOutcome = { host, ms: 0, phases: {}, notes: [], dir };
  const timed = async <T>(phase: string, name: string, body: () => Promise<T>) => {
    const t = Date.now();
    const value = await step(host, name, body);
    outcome.phases[phase] = Date.now() - t;
    return value;
  };

  copyTemplate(host, dir);
  if (tarballs) {
    outcome.versions = await timed('install', 'npm install (tarballs + the host\'s own dependencies, plain npm)', () => npmInstall(dir, tarballs));
    if (!outcome.versions) return finish();
    console.log(`[${host}]   resolved: ${outcome.versions}`);
  } else if (!existsSync(join(dir, 'node_modules'))) {
    throw new Error(`--reuse: ${dir} has no node_modules`);
  }

  await timed('typecheck', 'type check (npx tsc --noEmit -p .)', async () => {
    const result = await run('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, timeoutMs: 300_000 });
    if (result.code !== 0) throw new StepFailure(`tsc exited with ${result.code}:\n${tail(result.output, 60)}`);
  });

  const built = await timed('build', 'build with the sales screens (npx vite build)', async () => {
    const note = await viteBuild(dir, []);
    if (note) outcome.notes.push(`with sales: ${note}`);
    outcome.withSales = entrySize(join(dir, 'dist'), 'index.html');
    return true;
  });
  await timed('build-bare', 'build without them (npx vite build --mode without-sales)', async () => {
    const note = await viteBuild(dir, ['--mode', 'without-sales']);
    if (note) outcome.notes.push(`without sales: ${note}`);
    outcome.withoutSales = entrySize(join(dir, 'dist-without-sales'), 'without-sales.html');
  });
  if (!built) {
    skip(host, 'server and browser', 'the build failed');
    return finish();
  }
  if (!smoke) return finish();

  const t = Date.now();
  const server = await step(host, 'start node server.mjs (sales API, PGlite, demo data)', () => startHostServer(dir));
  outcome.phases.server = Date.now() - t;
  if (!server) return finish();
  try {
    const t2 = Date.now();
    await smokeTest(host, server.base, dir);
    outcome.phases.browser = Date.now() - t2;
    if (steps.some((s) => s.host === host && s.status === 'failed')) console.log(`[${host}] server output (tail):\n${indent(tail(server.log(), 20))}`);
  } finally {
    await server.stop();
  }
  return finish();

  function finish() {
    outcome.ms = Date.now() - started;
    return outcome;
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const signedKb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${kb(bytes)}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

async function main(): Promise<number> {
  const started = Date.now();
  const work = reuse ? resolve(reuse) : await mkdtemp(join(tmpdir(), 'ra-sales-hosts-'));
  console.log(`working folder: ${work}`);
  await step('all', "README.md's drop-in section is the hosts' code", async () => {
    const { blocks, lines, problems } = readmeDifferences(REPO);
    if (problems.length) throw new StepFailure(problems.join('\n'));
    console.log(`[all]   ${blocks} block(s), ${lines} line(s) of README.md are the hosts' files as they are`);
  });
  let tarballs: string[] | undefined;
  if (!reuse) {
    const packDir = packed ? resolve(packed) : join(work, 'pack');
    tarballs = await step('all', packed ? `tarballs of ${packDir}` : 'pack the packages (bash scripts/pack.sh)', async () => {
      if (!packed) {
        const result = await run('bash', [join(REPO, 'scripts/pack.sh'), packDir], { cwd: REPO, env: process.env, timeoutMs: 600_000 });
        if (result.code !== 0) throw new StepFailure(`scripts/pack.sh exited with ${result.code}:\n${tail(result.output, 60)}`);
      }
      const files = readdirSync(packDir).filter((name) => name.endsWith('.tgz')).map((name) => join(packDir, name));
      const expected = ['schema', 'server', 'ui', 'domain', 'codegen'];
      const missing = expected.filter((pkg) => !files.some((file) => basename(file).startsWith(`ra-sales-${pkg}-`)));
      if (missing.length) throw new StepFailure(`scripts/pack.sh made no tarball for ${missing.join(', ')}`);
      return files;
    });
  }

  const outcomes: HostOutcome[] = [];
  if (reuse || tarballs) {
    for (const host of selected) {
      const dir = join(work, host);
      if (!reuse) mkdirSync(dir);
      outcomes.push(await runHost(host, dir, tarballs));
    }
  }

  // ---- report ----
  console.log('\n== steps');
  for (const s of steps) {
    const mark = s.status === 'passed' ? '✓' : s.status === 'skipped' ? '-' : '✗';
    console.log(`${mark} [${s.host}] ${s.step}${s.ms ? ` (${seconds(s.ms)})` : ''}`);
    if (s.status === 'failed' && s.error) console.log(indent(s.error.split('\n').slice(0, 12).join('\n')));
  }

  const sized = outcomes.filter((o) => o.withSales || o.withoutSales);
  if (sized.length) {
    console.log('\n== entry chunk (the module script of index.html), host alone vs host + sales');
    const rows = [['host', 'alone raw', 'alone gzip', '+ sales raw', '+ sales gzip', 'added raw', 'added gzip', 'all JS + sales', 'chunks']];
    for (const o of sized) {
      const a = o.withoutSales;
      const b = o.withSales;
      rows.push([
        o.host,
        a ? kb(a.raw) : '—',
        a ? kb(a.gzip) : '—',
        b ? kb(b.raw) : '—',
        b ? kb(b.gzip) : '—',
        a && b ? signedKb(b.raw - a.raw) : '—',
        a && b ? signedKb(b.gzip - a.gzip) : '—',
        b ? kb(b.totalJs) : '—',
        b ? String(b.chunks) : '—',
      ]);
    }
    console.log(table(rows));
    for (const o of sized) for (const note of o.notes) console.log(`  ${o.host}: ${note}`);
  }

  console.log('\n== time');
  const phases = ['install', 'typecheck', 'build', 'build-bare', 'server', 'browser'];
  const timeRows = [['host', ...phases, 'total']];
  for (const o of outcomes) timeRows.push([o.host, ...phases.map((p) => (o.phases[p] === undefined ? '—' : seconds(o.phases[p]!))), seconds(o.ms)]);
  console.log(table(timeRows));
  const pack = steps.find((s) => s.step.startsWith('pack'));
  console.log(`${pack ? `pack ${seconds(pack.ms)}, ` : ''}whole run ${seconds(Date.now() - started)}`);
  for (const o of outcomes) if (o.versions) console.log(`${o.host}: ${o.versions}`);

  const failures = steps.filter((s) => s.status === 'failed');
  if (failures.length || keep || reuse) {
    console.log(`\nthe working folder is kept: ${work}`);
  } else {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(failures.length ? `\nFAILED: ${failures.map((f) => `[${f.host}] ${f.step}`).join('; ')}` : '\nall host checks passed');
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error((error as Error).stack ?? error);
    process.exitCode = 1;
  },
);
