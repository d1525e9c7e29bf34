/**
 * End to end in headless Chromium against the real standalone server (API + built backoffice on
 * an embedded PGlite database with demo data): create a customer and an opportunity, be refused
 * at the first key node and see why, fill the gate and advance, have a manager approve, drag on
 * the board, export CSV, switch language. Screenshots go to `test-artifacts/e2e/`.
 *
 *   pnpm --filter @ra-sales/ui e2e        (or: tsx packages/ui/e2e/run.ts)
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { actAs, apiClient, ARTIFACTS, buildAdminApp, launchBrowser, screenshotter, startServer, type RunningServer } from './harness.js';
import { approveInInbox, byTestId, fill, hashUrl, poll, save, waitForRecordUrl } from './ui.js';
import { quoteControlSteps } from './quoteControls.js';
import { documentChainSteps } from './documentChain.js';
import { phoneFailureShots, phoneSteps } from './phone.js';
import { activitySteps } from './activities.js';
import { dailyFixSteps } from './dailyFixes.js';
import { attachmentSteps } from './attachments.js';
import { importSearchSteps } from './importSearch.js';

type Row = Record<string, unknown> & { id: number };

export interface State {
  base: string;
  page: Page;
  shot: (name: string) => Promise<string>;
  api: ReturnType<typeof apiClient>;
  customerId?: number;
  opportunityId?: number;
  manager?: Row;
  stamp: string;
}

const GATE_DEVELOPMENT = ['need', 'budget', 'expected_sign_date', 'competitors', 'decision_process'];

async function opportunity(state: State): Promise<Row> {
  const { json } = await state.api<Row>(`/opportunities/${state.opportunityId}`);
  return json;
}

/** Ask for a move from the record's Show page (stage stepper), or by dragging on the board when the page has no stepper. */
async function moveFromShowPage(state: State, to: string): Promise<void> {
  const { page, base } = state;
  // A full load: the test changes records through the API, and a cached copy would carry a stale version.
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `/opportunities/${state.opportunityId}/show`));
  const button = byTestId(page, `move-${to}`);
  await button.waitFor({ timeout: 15_000 });
  await button.click();
}

const steps: [string, (state: State) => Promise<void>][] = [
  [
    'open the app',
    async ({ page, base, shot }) => {
      await page.goto(base);
      await page.locator('.RaLayout-appFrame, #main-content').first().waitFor({ timeout: 30_000 });
      await shot('home');
    },
  ],
  [
    'create a customer',
    async (state) => {
      const { page, base, shot } = state;
      await page.goto(hashUrl(base, '/customers/create'));
      await fill(page, 'name', `E2E Harbour Logistics ${state.stamp}`);
      await shot('customer-form');
      await save(page);
      state.customerId = await waitForRecordUrl(page, 'customers');
      const { json } = await state.api<Row>(`/customers/${state.customerId}`);
      assert.equal(json.name, `E2E Harbour Logistics ${state.stamp}`);
      await shot('customer-saved');
    },
  ],
  [
    'create an opportunity',
    async (state) => {
      const { page, base, shot } = state;
      const source = encodeURIComponent(JSON.stringify({ customer_id: state.customerId }));
      await page.goto(hashUrl(base, `/opportunities/create?source=${source}`));
      await fill(page, 'name', `E2E port sensors ${state.stamp}`);
      await shot('opportunity-form');
      await save(page);
      state.opportunityId = await waitForRecordUrl(page, 'opportunities');
      const record = await opportunity(state);
      assert.equal(record.customer_id, state.customerId);
      assert.equal(record.stage, 'development');
    },
  ],
  [
    'advancing without the key node shows what is missing',
    async (state) => {
      const { page, shot } = state;
      await moveFromShowPage(state, 'initiation');
      const dialog = byTestId(page, 'refusal-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      const fields = await dialog.locator('[data-field]').evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));
      assert.ok(fields.length > 0, 'the refusal names the missing fields');
      for (const field of fields) assert.ok(GATE_DEVELOPMENT.includes(String(field)), `unexpected reason for ${field}`);
      await shot('refused-with-reasons');
      await dialog.getByRole('button').last().click();
      assert.equal((await opportunity(state)).stage, 'development');
    },
  ],
  [
    'fill the gate fields, then it advances',
    async (state) => {
      const { page, base, shot } = state;
      await page.goto(hashUrl(base, `/opportunities/${state.opportunityId}`));
      await fill(page, 'need', 'Real-time crane and berth sensors for the container terminal');
      await fill(page, 'budget', 1_800_000);
      await fill(page, 'expected_sign_date', '2027-03-31');
      await fill(page, 'competitors', 'Two regional integrators');
      await fill(page, 'decision_process', 'Technical committee, then the port authority board');
      await shot('gate-filled');
      await save(page);
      await poll(
        () => opportunity(state),
        (record) => record.need != null && record.decision_process != null,
      );
      await moveFromShowPage(state, 'initiation');
      const record = await poll(
        () => opportunity(state),
        (r) => r.stage === 'initiation',
      );
      assert.equal(record.stage, 'initiation');
      await byTestId(page, 'gate-checklist').waitFor({ timeout: 15_000 });
      await shot('advanced-to-initiation');
    },
  ],
  [
    'a manager approves the move to proposal',
    async (state) => {
      const { page, base, shot, api } = state;
      const managers = (
        await api<Row[]>(`/salespeople?filter=${encodeURIComponent(JSON.stringify({ role: 'sales_manager' }))}&range=[0,49]`)
      ).json;
      assert.ok(managers.length > 0, 'the demo data has a sales manager');
      const manager = managers[0]!;
      state.manager = manager;
      const team = (
        await api<Row[]>(`/salespeople?filter=${encodeURIComponent(JSON.stringify({ team_id: manager.team_id }))}&range=[0,49]`)
      ).json;
      const owner = team.find((person) => person.role === 'sales_rep') ?? manager;
      const current = await opportunity(state);
      const update = await api<Row>(`/opportunities/${state.opportunityId}`, {
        method: 'PUT',
        body: {
          ...current,
          owner_id: owner.id,
          project_number: `E2E-${state.stamp}`,
          customer_owner_name: 'Director Wang',
          expected_amount: 98_000_000,
          gross_margin: 32,
          expense_budget: 120_000,
          category: 'integration',
          importance: 'N',
        },
      });
      assert.equal(update.status, 200, JSON.stringify(update.json));

      await moveFromShowPage(state, 'proposal');
      const pendingFilter = encodeURIComponent(
        JSON.stringify({ resource: 'opportunities', record_id: state.opportunityId, status: 'pending' }),
      );
      const pending = await poll(
        async () => (await api<Row[]>(`/approvals?filter=${pendingFilter}`)).json,
        (rows) => rows.length > 0,
      );
      assert.ok(pending.length > 0, 'the move asked for an approval');
      assert.equal((await opportunity(state)).stage, 'initiation');
      await byTestId(page, 'pending-approvals').waitFor({ timeout: 15_000 });
      await shot('waiting-for-approval');

      await actAs(page, manager.id);
      const mine = pending.filter((row) => row.role === 'sales_manager').map((row) => row.id);
      await approveInInbox(page, base, mine, 'Margin and scope look right', () => shot('inbox-as-manager'));
      assert.equal((await page.evaluate(async () => (await (await fetch('/api/me')).json()).roles)).includes('sales_manager'), true);
      await actAs(page, null);
      const record = await poll(
        () => opportunity(state),
        (r) => r.stage === 'proposal',
      );
      assert.equal(record.stage, 'proposal', 'the approved move is carried out');
      await shot('approved');
    },
  ],
  ...quoteControlSteps,
  ...documentChainSteps,
  ...activitySteps,
  ...dailyFixSteps,
  ...importSearchSteps,
  ...attachmentSteps,
  [
    'drag the card on the board',
    async (state) => {
      const { page, base, shot } = state;
      await page.goto('about:blank');
      await page.goto(hashUrl(base, '/board/opportunities'));
      const card = page.locator(`[data-testid="board-card"][data-id="${state.opportunityId}"]`);
      await card.waitFor({ timeout: 20_000 });
      await shot('board');
      const target = page.locator('[data-testid="board-column"][data-stage="initiation"]');
      await card.dragTo(target);
      await target.locator(`[data-testid="board-card"][data-id="${state.opportunityId}"]`).waitFor({ timeout: 15_000 });
      assert.equal((await opportunity(state)).stage, 'initiation');
      await shot('board-after-drag');
    },
  ],
  [
    'the board shows one pipeline at a time, chosen by its tab',
    async ({ page, shot }) => {
      await page.locator('[data-testid="pipeline-tabs"] [data-pipeline="major_account"]').click();
      await page.locator('[data-testid="board-column"][data-stage="ma_customer_analysis"]').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('[data-testid="board-column"][data-stage="development"]').count(), 0);
      assert.match(page.url(), /pipeline=major_account/);
      // The demo puts records in every pipeline; the board shows only this one's.
      await page.locator('[data-testid="board-card"]').first().waitFor({ timeout: 15_000 });
      const stages = await page
        .locator('[data-testid="board-column"]')
        .evaluateAll((columns) =>
          columns.filter((column) => column.querySelector('[data-testid="board-card"]')).map((column) => column.getAttribute('data-stage')),
        );
      assert.ok(stages.length > 0 && stages.every((stage) => stage?.startsWith('ma_')), `cards in ${stages.join(', ')}`);
      await shot('board-pipeline');
    },
  ],
  [
    'export the opportunities as CSV',
    async (state) => {
      const { page, base, shot } = state;
      await page.goto(hashUrl(base, '/opportunities'));
      // react-admin's ExportButton, by its accessible name in either language.
      const exportButton = page.getByRole('button', { name: /^(导出|Export)$/ }).first();
      await exportButton.waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      const file = join(ARTIFACTS, 'e2e', 'opportunities.csv');
      await download.saveAs(file);
      const csv = readFileSync(file, 'utf8');
      assert.ok(csv.split('\n').length > 2, 'the CSV has a header and rows');
      await shot('list-exported');
    },
  ],
  [
    'switch language',
    async ({ page, base, shot }) => {
      await page.goto(hashUrl(base, '/opportunities'));
      const switcher = page.locator('header button:has-text("中文"), header button:has-text("English")').first();
      await switcher.waitFor({ timeout: 15_000 });
      const wasChinese = (await switcher.textContent())?.includes('中文');
      await switcher.click();
      await page.getByRole('menuitem', { name: wasChinese ? 'English' : '中文' }).click();
      await page.locator(`header button:has-text("${wasChinese ? 'English' : '中文'}")`).waitFor({ timeout: 10_000 });
      const plural = wasChinese ? 'Opportunities' : '销售机会';
      await page.getByText(plural).first().waitFor({ timeout: 10_000 });
      await shot(`language-${wasChinese ? 'en' : 'zh'}`);
    },
  ],
  [
    'dates follow the UI language, not the browser’s (a Chinese browser)',
    async ({ page, base, shot }) => {
      const formats = [
        ['English', /^\d{1,2}\/\d{1,2}\/\d{4}$/],
        ['中文', /^\d{4}\/\d{1,2}\/\d{1,2}$/],
      ] as const;
      for (const [language, format] of formats) {
        await page.goto(hashUrl(base, '/opportunities'));
        const switcher = page.locator('header button:has-text("中文"), header button:has-text("English")').first();
        await switcher.waitFor({ timeout: 15_000 });
        if (!(await switcher.textContent())?.includes(language)) {
          await switcher.click();
          await page.getByRole('menuitem', { name: language }).click();
          await page.locator(`header button:has-text("${language}")`).waitFor({ timeout: 10_000 });
        }
        const date = page.locator('td.column-expected_sign_date span').filter({ hasText: /\d/ }).first();
        await date.waitFor({ timeout: 15_000 });
        const text = await poll(
          async () => (await date.textContent()) ?? '',
          (value) => format.test(value),
        );
        assert.match(text, format, `a date in ${language}`);
      }
      await shot('dates-in-ui-language');
    },
  ],
  ...phoneSteps,
];

async function main() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const results: { step: string; status: 'passed' | 'failed' | 'skipped'; ms: number; error?: string }[] = [];
  try {
    rmSync(join(ARTIFACTS, 'e2e'), { recursive: true, force: true });
    buildAdminApp();
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const browserErrors: string[] = [];
    page.on('pageerror', (error) => browserErrors.push(error.message));
    const state: State = {
      base: server.url,
      page,
      shot: screenshotter(page, 'e2e'),
      api: apiClient(server.url),
      stamp: String(Date.now()).slice(-6),
    };
    let failed = false;
    // E2E_ONLY=<regular expression> runs the first step and the steps whose names match it.
    const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : undefined;
    for (const [name, run] of steps.filter(([name], index) => !only || index === 0 || only.test(name))) {
      if (failed) {
        results.push({ step: name, status: 'skipped', ms: 0 });
        continue;
      }
      const started = Date.now();
      try {
        await run(state);
        results.push({ step: name, status: 'passed', ms: Date.now() - started });
      } catch (error) {
        failed = true;
        results.push({ step: name, status: 'failed', ms: Date.now() - started, error: (error as Error).stack ?? String(error) });
        const shot = `FAILED-${name.replace(/\W+/g, '-')}`;
        await state.shot(shot).catch(() => undefined);
        await phoneFailureShots(state, shot).catch(() => undefined);
      }
    }
    // An uncaught error in the page fails the run, whichever step raised it.
    results.push(
      browserErrors.length
        ? { step: 'no uncaught error in the page', status: 'failed', ms: 0, error: browserErrors.join('\n') }
        : { step: 'no uncaught error in the page', status: 'passed', ms: 0 },
    );
  } catch (error) {
    results.push({ step: 'setup', status: 'failed', ms: 0, error: (error as Error).message });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
  for (const result of results) {
    console.log(
      `${result.status === 'passed' ? '✓' : result.status === 'skipped' ? '-' : '✗'} ${result.step}${result.ms ? ` (${result.ms} ms)` : ''}`,
    );
    if (result.error) console.log(`    ${result.error.split('\n').join('\n    ')}`);
  }
  const failures = results.filter((result) => result.status !== 'passed').length;
  console.log(`\n${results.length - failures} of ${results.length} steps passed; screenshots in ${join(ARTIFACTS, 'e2e')}`);
  if (failures && server) console.log(`server output (tail):\n${server.log().split('\n').slice(-30).join('\n')}`);
  process.exitCode = failures ? 1 : 0;
}

await main();
