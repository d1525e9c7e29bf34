/**
 * Page loads as the bench measures them. "Cold" is a first visit: a fresh browser context (no
 * HTTP cache, no storage), the page navigated from about:blank to the address.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashUrl } from '../e2e/ui.js';

export const LIST_PATH = '/opportunities?page=1&perPage=25';
const LIST_ROWS = '.RaDatagrid-root tbody tr';

/** Long tasks (> 50 ms) of every document of the context, from its start; read with `longTasksOf`. */
const LONG_TASKS_SCRIPT = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})()`;

export const longTasksOf = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(LONG_TASKS_SCRIPT);
  return context;
}

/**
 * Navigates from about:blank to `path`; resolves with the milliseconds until the expression `ready`
 * holds in the page (`window.__readyAt` keeps that moment in the page's clock).
 */
export async function timedLoad(page: Page, base: string, path: string, ready: string): Promise<number> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(hashUrl(base, path));
  await page.waitForFunction(`(${ready}) && (window.__readyAt = performance.now())`, null, { polling: 'raf', timeout: 60_000 });
  return Date.now() - started;
}

const LIST_RENDERED = `document.querySelectorAll('${LIST_ROWS}').length >= 25`;

/** Where a cold list load spends its time, in the page's clock (ms from navigation start). */
export interface ListTimeline {
  entryLoaded: number;
  domContentLoaded: number;
  screensChunk: [number, number] | undefined;
  listRequest: [number, number] | undefined;
  rowsRendered: number;
  longTasks: number[];
}

/** As source text: tsx would wrap the inner function with its `__name` helper, which the page lacks. */
const LIST_TIMELINE_SCRIPT = `(() => {
  const span = (pattern) => {
    const entry = performance.getEntriesByType('resource').find((e) => pattern.test(e.name));
    return entry && [entry.startTime, entry.responseEnd];
  };
  return {
    entryLoaded: span(/\\/assets\\/index-[^/]+\\.js$/)?.[1] ?? NaN,
    domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    screensChunk: span(/\\/assets\\/lazyScreens-[^/]+\\.js$/),
    listRequest: span(/\\/api\\/opportunities\\?/),
    rowsRendered: window.__readyAt,
  };
})()`;

async function listTimeline(page: Page): Promise<ListTimeline> {
  const timeline = (await page.evaluate(LIST_TIMELINE_SCRIPT)) as Omit<ListTimeline, 'longTasks'>;
  return { ...timeline, longTasks: await longTasksOf(page) };
}

/**
 * The main thread's busy time (CDP `TaskDuration`, in ms) while `load` runs: less at the mercy of
 * other work on the machine than wall-clock time, as long as the CPU is not starved.
 */
async function withMainThreadTime<T>(page: Page, load: () => Promise<T>): Promise<[T, number]> {
  const cdp = await page.context().newCDPSession(page);
  const taskDuration = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000;
  };
  await cdp.send('Performance.enable');
  const before = await taskDuration();
  const result = await load();
  return [result, (await taskDuration()) - before];
}

/** A first visit of the 25-row list: rows rendered (and the main thread's busy time until then), then a row's checkbox answering a click. */
export async function coldList(browser: Browser, base: string) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const [rendered, mainThread] = await withMainThreadTime(page, () => timedLoad(page, base, LIST_PATH, LIST_RENDERED));
    const timeline = await listTimeline(page);
    const interactive = rendered + (await checkboxLatency(page));
    return { rendered, mainThread, interactive, timeline };
  } finally {
    await context.close();
  }
}

/** The same list loaded again in a context that has visited it (HTTP cache and storage kept). */
export async function warmList(page: Page, base: string) {
  const rendered = await timedLoad(page, base, LIST_PATH, LIST_RENDERED);
  return { rendered, interactive: rendered + (await checkboxLatency(page)) };
}

/** Milliseconds until the first row's checkbox shows the change a click makes (the selection persists between loads). */
async function checkboxLatency(page: Page): Promise<number> {
  const started = Date.now();
  const checkbox = page.locator(`${LIST_ROWS} input[type="checkbox"]`).first();
  const before = await checkbox.isChecked();
  await checkbox.click();
  await page.waitForFunction(
    (was) => (document.querySelector('.RaDatagrid-root tbody tr input[type="checkbox"]') as HTMLInputElement | null)?.checked !== was,
    before,
    { polling: 'raf', timeout: 30_000 },
  );
  return Date.now() - started;
}

/** The same list reached inside the running app (hash navigation from the dashboard, no reload). */
export async function listInApp(page: Page, base: string): Promise<number> {
  await page.goto(hashUrl(base, '/'));
  await page.locator('[data-testid="sales-dashboard"]').waitFor({ timeout: 60_000 });
  // The dashboard's cards have tables of their own: only the list's datagrid rows count.
  await page.waitForFunction(() => document.querySelectorAll('.RaDatagrid-root tbody tr').length === 0);
  const started = Date.now();
  await page.evaluate((path) => {
    window.location.hash = `#${path}`;
  }, LIST_PATH);
  await page.waitForFunction(LIST_RENDERED, null, { polling: 'raf', timeout: 60_000 });
  return Date.now() - started;
}
