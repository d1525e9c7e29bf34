/**
 * What the browser runs (e2e and bench) share: the real standalone server on a free port,
 * Debian's Chromium through playwright-core, a small API client, and screenshots.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));
export const ARTIFACTS = join(REPO, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * Where the backoffice is built and served from: `E2E_ADMIN_DIR` gives a run its own folder, so
 * that two runs on one checkout do not overwrite each other's build.
 */
const ADMIN_DIR = process.env.E2E_ADMIN_DIR ? join(REPO, process.env.E2E_ADMIN_DIR) : undefined;

/** The folder the server serves the backoffice from (the server's own default without `E2E_ADMIN_DIR`). */
export const adminDir = () => ADMIN_DIR ?? join(REPO, 'examples/backoffice/dist');

/** Builds the backoffice app the server serves (skipped with E2E_SKIP_BUILD=1, e.g. when it was just built). */
export function buildAdminApp(): void {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const started = Date.now();
  const outDir = ADMIN_DIR ? ['--outDir', ADMIN_DIR, '--emptyOutDir'] : [];
  const result = spawnSync('pnpm', ['--filter', '@ra-sales/backoffice', 'exec', 'vite', 'build', ...outDir], {
    cwd: REPO,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the backoffice failed:\n${result.stdout}\n${result.stderr}`);
  console.log(`backoffice built in ${Date.now() - started} ms`);
}

/**
 * Starts `packages/server/src/main.ts` (API under /api + the built backoffice, embedded PGlite
 * with demo data) in a fresh data folder and waits until `/api/me` answers.
 */
export async function startServer({ timeoutMs = 180_000 } = {}): Promise<RunningServer> {
  const main = join(REPO, 'packages/server/src/main.ts');
  if (!existsSync(main)) throw new Error(`the standalone server ${main} does not exist yet`);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'ra-sales-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(join(REPO, 'node_modules/.bin/tsx'), [main], {
    cwd: REPO,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...(ADMIN_DIR ? { ADMIN_DIR } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
  };
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/me`);
      if (response.ok) return { url, process: child, log: () => output, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`the server did not answer /api/me within ${timeoutMs} ms:\n${output}`);
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** JSON API calls as a given demo user (`X-Sales-User`). */
export function apiClient(base: string, user?: number | string) {
  return async function api<T = unknown>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<{ status: number; json: T; headers: Headers }> {
    const response = await fetch(`${base}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(user != null ? { 'X-Sales-User': String(user) } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
  };
}

/** Every request the page sends to /api carries `X-Sales-User: user` (the demo's user switch). */
export async function actAs(page: Page, user: number | string | null): Promise<void> {
  await page.unroute('**/api/**');
  if (user == null) return;
  await page.route('**/api/**', (route) => route.continue({ headers: { ...route.request().headers(), 'x-sales-user': String(user) } }));
}

export function screenshotter(page: Page, folder: string) {
  const dir = join(ARTIFACTS, folder);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name: string) => {
    n += 1;
    const file = join(dir, `${String(n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
}
