import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchBrowser } from '../../packages/ui/e2e/harness.js';
import { fieldInput, hashUrl } from '../../packages/ui/e2e/ui.js';
import type { Page } from '../hosts/playwright.js';
import { start, stopChild } from '../hosts/processes.js';
import { REPO } from '../sales/paths.js';
import { until } from './wait.js';

export interface Serving {
  /** A customer field the served domain has, and its label on the form (either language). */
  field: string;
  label: RegExp;
  /** Folders (relative to the repository) the command must have made. */
  makes?: string[];
  /** Runs on a throwaway database (DATA_DIR), for a command whose own data folder is not the test's to reset. */
  throwawayData?: boolean;
}

const SHOTS = join(REPO, 'test-artifacts', 'docs');

/**
 * Runs a `start` command as printed, with PORT on a free port, until its API answers; then the
 * API's customers carry `field`, and in headless Chromium the customer create and edit forms show
 * it under its label, with no console error or page error. The command is stopped at the end
 * (its whole process group). Resolves with the time the API took to answer.
 */
export async function serveAndLook(command: string, serving: Serving): Promise<number> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = serving.throwawayData ? await mkdtemp(join(tmpdir(), 'ra-sales-docs-')) : undefined;
  const env = { ...process.env, PORT: String(port), ...(dataDir ? { DATA_DIR: dataDir } : {}) };
  const started = Date.now();
  const server = start('bash', ['-c', command], { cwd: REPO, env });
  try {
    await until(
      `${command} to answer on ${base}/api/me`,
      async () => {
        if (server.child.exitCode !== null) throw new Error(`${command} exited with ${server.child.exitCode}:\n${server.output()}`);
        return fetch(`${base}/api/me`).then(
          (response) => response.ok,
          () => false,
        );
      },
      150_000,
      server.output,
    );
    const ready = Date.now() - started;
    for (const folder of serving.makes ?? []) assert.ok(existsSync(join(REPO, folder)), `${command} made no ${folder}`);

    const response = await fetch(`${base}/api/customers?range=${encodeURIComponent('[0,4]')}`);
    assert.equal(response.status, 200, `GET /api/customers answered ${response.status}`);
    const rows = (await response.json()) as Record<string, unknown>[];
    assert.ok(rows.length > 0, 'GET /api/customers returned no customers (no demo data?)');
    assert.ok(serving.field in rows[0]!, `the API's customers have no "${serving.field}": ${Object.keys(rows[0]!).join(', ')}`);

    await lookAtForms(base, serving, rows[0]!.id as number, command);
    return ready;
  } finally {
    await stopChild(server.child);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }
}

async function lookAtForms(base: string, { field, label }: Serving, id: number, command: string): Promise<void> {
  const browser = await launchBrowser();
  const problems: string[] = [];
  const folder = join(SHOTS, command.replace(/[^\w-]+/g, '-'));
  mkdirSync(folder, { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    for (const [name, path] of [
      ['create', '/customers/create'],
      ['edit', `/customers/${id}`],
    ] as const) {
      await page.goto(hashUrl(base, path));
      await showsLabel(page, field, label).catch(async (error: Error) => {
        await page.screenshot({ path: join(folder, `${name}-failed.png`), fullPage: true });
        throw new Error(`the customer ${name} form: ${error.message}`);
      });
      await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true });
    }
  } finally {
    await browser.close();
  }
  assert.deepEqual(problems, [], `the admin app reported errors:\n${problems.join('\n')}`);
}

/** The field's input, on whichever tab holds it, and its label beside it. */
async function showsLabel(page: Page, field: string, label: RegExp): Promise<void> {
  const input = await fieldInput(page, field);
  await input.waitFor({ state: 'visible' });
  const id = await input.getAttribute('id');
  const text = id ? await page.locator(`label[for="${id}"]`).first().innerText() : '';
  assert.match(text, label, `the label of "${field}" reads "${text}"`);
}
