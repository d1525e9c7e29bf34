/**
 * UI figures in headless Chromium against the real standalone server (prints, never asserts):
 *   - the 25-row list: a first visit (cold: fresh browser context, no cache, no storage), a load
 *     in a context that has visited it (warm), and in-app navigation; with where the cold load's
 *     time goes (entry script, screens chunk, list request, long tasks);
 *   - the board with 500 and with 10,000 opportunities, first visit: time to the first cards and
 *     to a full first screen, DOM cards, long tasks, "load more" and drag feedback latency;
 *   - the app's first chunk (raw and gzip).
 *
 *   BENCH_RUNS=3 pnpm --filter @ra-sales/ui bench      (or: tsx packages/ui/bench/ui.bench.ts)
 */
import type { Browser } from 'playwright-core';
import { adminDir, buildAdminApp, launchBrowser, startServer, type RunningServer } from '../e2e/harness.js';
import { type BoardFigures, coldBoard } from './board.js';
import { firstChunkSize } from './firstChunk.js';
import { coldList, type ListTimeline, listInApp, newContext, warmList } from './pageLoads.js';
import { ensureOpportunities } from './seed.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BOARD_SIZES = [500, 10_000];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const spread = (values: number[]) => `median ${ms(median(values))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`;
const span = (range: [number, number] | undefined) => (range ? `${ms(range[0])} → ${ms(range[1])}` : 'not loaded');

async function repeat<T>(run: () => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return results;
}

function printTimeline(timeline: ListTimeline) {
  const busy = timeline.longTasks.reduce((sum, task) => sum + task, 0);
  console.log('  where the last cold load went (page clock, from navigation start):');
  console.log(`    entry script loaded ${ms(timeline.entryLoaded)}, DOMContentLoaded ${ms(timeline.domContentLoaded)}`);
  console.log(`    screens chunk ${span(timeline.screensChunk)}; list request ${span(timeline.listRequest)}`);
  console.log(`    rows rendered ${ms(timeline.rowsRendered)}; long tasks ${timeline.longTasks.length}, ${ms(busy)} in all`);
}

async function listFigures(browser: Browser, base: string) {
  const cold = await repeat(() => coldList(browser, base));
  console.log(`25-row list (opportunities), ${RUNS} runs each`);
  console.log(`  cold (first visit): rows rendered ${spread(cold.map((r) => r.rendered))}`);
  console.log(`                      main thread busy until then ${spread(cold.map((r) => r.mainThread))}`);
  console.log(`                      interactive ${spread(cold.map((r) => r.interactive))}`);
  printTimeline(cold.at(-1)!.timeline);

  const context = await newContext(browser);
  const page = await context.newPage();
  await warmList(page, base);
  const warm = await repeat(() => warmList(page, base));
  console.log(`  warm (full page load, cache kept): rendered ${spread(warm.map((r) => r.rendered))}`);
  const inApp = await repeat(() => listInApp(page, base));
  console.log(`  in-app navigation (dashboard → list, no reload): rows rendered ${spread(inApp)}`);
  await context.close();
}

function printBoard(total: number, boards: BoardFigures[]) {
  const last = boards.at(-1)!;
  const longTasks = boards.flatMap((b) => b.longTasks);
  console.log(`board (opportunities, ${total} records), first visits, ${RUNS} runs`);
  console.log(`  records counted in the column headers: ${last.records}; cards in the DOM: ${last.cards}`);
  console.log(`  first cards: ${spread(boards.map((b) => b.firstCards))}`);
  console.log(`  full first screen (every column's cards, counts and sums): ${spread(boards.map((b) => b.fullFirstScreen))}`);
  console.log(`  "load more" until the next cards show: median ${ms(median(boards.map((b) => b.loadMore)))}`);
  console.log(`  drag start until the drop targets are rendered highlighted: median ${ms(median(boards.map((b) => b.dragFeedback)))}`);
  console.log(
    `  long tasks (>50 ms) during a load: ${(longTasks.length / RUNS).toFixed(1)} per load, longest ${ms(Math.max(0, ...longTasks))}`,
  );
}

async function main() {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    buildAdminApp();
    const chunk = firstChunkSize(adminDir());
    console.log(`first chunk ${chunk.file}: ${kB(chunk.raw)} raw, ${kB(chunk.gzip)} gzip`);
    server = await startServer();
    browser = await launchBrowser();
    await listFigures(browser, server.url);
    for (const size of BOARD_SIZES) {
      const seeding = Date.now();
      const total = await ensureOpportunities(server.url, size);
      console.log(`(${total} opportunities, topped up in ${ms(Date.now() - seeding)})`);
      const { url } = server;
      printBoard(total, await repeat(() => coldBoard(browser!, url)));
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

await main();
