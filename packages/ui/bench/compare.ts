/**
 * Two builds of the backoffice compared in one session, their first visits alternated, so that both
 * see the same load: the 25-row list, then the board of 10,000 opportunities. Each build has its
 * own server (fresh PGlite, demo data), both topped up to 10,000 opportunities before the board.
 *
 *   BENCH_RUNS=5 tsx packages/ui/bench/compare.ts examples/backoffice/dist-before examples/backoffice/dist-after
 *
 * The folders are built beforehand (`pnpm --filter @ra-sales/backoffice exec vite build --outDir …`).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, REPO, startServer, type RunningServer } from '../e2e/harness.js';
import { coldBoard } from './board.js';
import { coldList } from './pageLoads.js';
import { ensureOpportunities } from './seed.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BOARD_SIZE = 10_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const figures = (values: number[]) =>
  `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
const load = () => `load average ${loadavg()[0]!.toFixed(2)} (${cpus().length} CPUs)`;

interface Build {
  dir: string;
  server: RunningServer;
  list: number[];
  mainThread: number[];
  interactive: number[];
  board: number[];
}

/** The server of one build: `startServer` serves `ADMIN_DIR` from the environment when `E2E_ADMIN_DIR` is not set. */
async function serve(dir: string): Promise<RunningServer> {
  if (process.env.E2E_ADMIN_DIR) throw new Error('compare.ts serves the folders it is given: unset E2E_ADMIN_DIR');
  process.env.ADMIN_DIR = join(REPO, dir);
  return startServer();
}

async function alternate(builds: Build[], measure: (build: Build) => Promise<void>) {
  for (let run = 0; run < RUNS; run++) for (const build of run % 2 ? [...builds].reverse() : builds) await measure(build);
}

async function main() {
  const dirs = process.argv.slice(2);
  if (dirs.length < 2) throw new Error('usage: compare.ts <build folder> <build folder> …');
  const builds: Build[] = [];
  let browser: Browser | undefined;
  try {
    for (const dir of dirs) builds.push({ dir, server: await serve(dir), list: [], mainThread: [], interactive: [], board: [] });
    browser = await launchBrowser();
    console.log(`25-row list, cold, ${RUNS} runs each, alternated; at the start: ${load()}`);
    await alternate(builds, async (build) => {
      const { rendered, mainThread, interactive } = await coldList(browser!, build.server.url);
      build.list.push(rendered);
      build.mainThread.push(mainThread);
      build.interactive.push(interactive);
    });
    for (const build of builds)
      console.log(
        `  ${build.dir}: rows ${figures(build.list)}; main thread busy until then ${figures(build.mainThread)}; interactive ${figures(build.interactive)}`,
      );
    for (const build of builds) await ensureOpportunities(build.server.url, BOARD_SIZE);
    console.log(`board of ${BOARD_SIZE} opportunities, first cards, ${RUNS} runs each, alternated; at the start: ${load()}`);
    await alternate(builds, async (build) => {
      build.board.push((await coldBoard(browser!, build.server.url)).firstCards);
    });
    for (const build of builds) console.log(`  ${build.dir}: first cards ${figures(build.board)}`);
    console.log(`at the end: ${load()}`);
  } finally {
    await browser?.close().catch(() => undefined);
    for (const build of builds) await build.server.stop();
  }
}

await main();
