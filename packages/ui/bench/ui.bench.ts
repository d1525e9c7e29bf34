/**
 * UI figures in headless Chromium against the real standalone server (prints, never asserts):
 *   - time until a 25-row list is interactive (rows rendered, a row checkbox answers a click);
 *   - the board with 500+ cards: time to first full render, DOM cards, "load more" latency,
 *     drag feedback latency, long tasks during load.
 *
 *   pnpm --filter @ra-sales/ui bench      (or: tsx packages/ui/bench/ui.bench.ts)
 */
import type { Browser, Page } from 'playwright-core';
import { apiClient, buildAdminApp, launchBrowser, startServer, type RunningServer } from '../e2e/harness.js';
import { hashUrl } from '../e2e/ui.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BOARD_CARDS = 500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function ensureOpportunities(base: string, count: number): Promise<number> {
  const api = apiClient(base);
  const totalOf = async () => {
    const { headers } = await api(`/opportunities?range=[0,0]`);
    return Number(/\/(\d+)$/.exec(headers.get('content-range') ?? '')?.[1] ?? 0);
  };
  let total = await totalOf();
  if (total >= count) return total;
  const customers = (await api<{ id: number }[]>(`/customers?range=[0,49]`)).json;
  const missing = count - total;
  for (let i = 0; i < missing; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, missing - i) }, (_, j) =>
        api('/opportunities', {
          method: 'POST',
          body: {
            name: `Bench deal ${i + j + 1}`,
            customer_id: customers[(i + j) % customers.length]!.id,
            expected_amount: 10_000 + ((i + j) % 97) * 1000,
          },
        }),
      ),
    );
  }
  total = await totalOf();
  return total;
}

async function listInteractive(page: Page, base: string): Promise<{ rendered: number; interactive: number }> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(hashUrl(base, '/opportunities?page=1&perPage=25'));
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length >= 25, null, { polling: 'raf', timeout: 60_000 });
  const rendered = Date.now() - started;
  // The selection is kept in the store between runs, so wait for the checkbox to change, whichever way.
  const checkbox = page.locator('table tbody tr input[type="checkbox"]').first();
  const before = await checkbox.isChecked();
  await checkbox.click();
  await page.waitForFunction(
    (was) => (document.querySelector('table tbody tr input[type="checkbox"]') as HTMLInputElement | null)?.checked !== was,
    before,
    { polling: 'raf', timeout: 30_000 },
  );
  return { rendered, interactive: Date.now() - started };
}

/** The same list reached inside the running app (hash navigation from the dashboard, no reload). */
async function listInApp(page: Page, base: string): Promise<number> {
  await page.goto(hashUrl(base, '/'));
  await page.locator('[data-testid="sales-dashboard"]').waitFor({ timeout: 60_000 });
  // The dashboard's cards have tables of their own: only the list's datagrid rows count.
  await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-root tbody tr').length === 0);
  const started = Date.now();
  await page.evaluate(() => {
    window.location.hash = '#/opportunities?page=1&perPage=25';
  });
  await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-root tbody tr').length >= 25, null, {
    polling: 'raf',
    timeout: 60_000,
  });
  return Date.now() - started;
}

/*
 * In-page measurements, as source text: tsx/esbuild would wrap named functions of a callback with
 * its `__name` helper, which does not exist in the page.
 */
const LOAD_MORE_SCRIPT = `(async () => {
  const button = [...document.querySelectorAll('[data-testid="board-column"] button')].find((b) => /\\d/.test(b.textContent || ''));
  if (!button) return NaN;
  const column = button.closest('[data-testid="board-column"]');
  const before = column.querySelectorAll('[data-testid="board-card"]').length;
  const t0 = performance.now();
  button.click();
  await new Promise((resolve) => {
    const check = () => (column.querySelectorAll('[data-testid="board-card"]').length > before ? resolve() : requestAnimationFrame(check));
    check();
  });
  return performance.now() - t0;
})()`;

const DRAG_FEEDBACK_SCRIPT = `(async () => {
  const card = document.querySelector('[data-testid="board-card"]');
  const t0 = performance.now();
  card.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: new DataTransfer() }));
  await new Promise((resolve) => {
    // data-accepts is set on every column in the render that highlights the drop targets.
    const check = () => (document.querySelector('[data-testid="board-column"][data-accepts]') ? resolve() : requestAnimationFrame(check));
    check();
  });
  const elapsed = performance.now() - t0;
  card.dispatchEvent(new DragEvent('dragend', { bubbles: true }));
  return elapsed;
})()`;

/** Records long tasks from the start of every document of the page. */
async function watchLongTasks(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __longTasks: number[] }).__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { __longTasks: number[] }).__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function boardFigures(page: Page, base: string) {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(hashUrl(base, '/board/opportunities'));
  await page.waitForFunction(
    () => {
      const columns = [...document.querySelectorAll('[data-testid="board-column"]')];
      return (
        columns.length > 0 &&
        columns.every((column) => !column.querySelector('[role="progressbar"]')) &&
        columns.every(
          (column) =>
            !column.querySelector('[data-testid="column-amount"]') ||
            !column.querySelector('[data-testid="column-amount"]')!.textContent!.includes('…'),
        )
      );
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const firstRender = Date.now() - started;
  const { cards, records, longTasks } = await page.evaluate(() => ({
    cards: document.querySelectorAll('[data-testid="board-card"]').length,
    records: [...document.querySelectorAll('[data-testid="column-count"]')].reduce((sum, chip) => sum + Number(chip.textContent), 0),
    longTasks: (window as unknown as { __longTasks: number[] }).__longTasks,
  }));

  const loadMore = (await page.evaluate(LOAD_MORE_SCRIPT)) as number;
  const dragFeedback = (await page.evaluate(DRAG_FEEDBACK_SCRIPT)) as number;
  return { firstRender, cards, records, longTasks, loadMore, dragFeedback };
}

async function main() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    buildAdminApp();
    server = await startServer();
    const total = await ensureOpportunities(server.url, BOARD_CARDS);
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await watchLongTasks(page);

    const lists = [];
    for (let run = 0; run < RUNS + 1; run++) lists.push(await listInteractive(page, server.url));
    const [cold, ...warm] = lists;
    console.log(`25-row list (opportunities), ${RUNS} warm runs after one cold run`);
    console.log(`  cold: rendered ${ms(cold!.rendered)}, interactive ${ms(cold!.interactive)}`);
    console.log(
      `  warm median (full page load): rendered ${ms(median(warm.map((r) => r.rendered)))}, interactive ${ms(median(warm.map((r) => r.interactive)))}`,
    );
    const inApp = [];
    for (let run = 0; run < RUNS; run++) inApp.push(await listInApp(page, server.url));
    console.log(`  in-app navigation (dashboard → list, no reload): rows rendered, median ${ms(median(inApp))}`);

    const boards = [];
    for (let run = 0; run < RUNS; run++) boards.push(await boardFigures(page, server.url));
    const last = boards.at(-1)!;
    console.log(`board (opportunities, ${total} records), ${RUNS} runs`);
    console.log(`  records counted in the column headers: ${last.records}; cards in the DOM: ${last.cards}`);
    console.log(`  first full render (all columns, counts and sums): median ${ms(median(boards.map((b) => b.firstRender)))}`);
    console.log(`  "load more" until the next 20 cards show: median ${ms(median(boards.map((b) => b.loadMore)))}`);
    console.log(`  drag start until the drop targets are rendered highlighted: median ${ms(median(boards.map((b) => b.dragFeedback)))}`);
    const longTasks = boards.flatMap((b) => b.longTasks);
    console.log(
      `  long tasks (>50 ms) during a load: ${(longTasks.length / RUNS).toFixed(1)} per load, longest ${ms(Math.max(0, ...longTasks))}`,
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

await main();
