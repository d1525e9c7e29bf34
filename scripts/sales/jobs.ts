import { join } from 'node:path';
import { main as raSales } from '../../packages/codegen/src/cli.js';
import { COMPANY_EXAMPLE, salesEnvironment } from './environment.js';
import type { Flag, Options } from './options.js';
import { REPO } from './paths.js';
import { runCommand } from './processes.js';

export interface Job {
  /** For the usage text. */
  synopsis: string;
  options: readonly Flag[];
  run: (options: Options) => Promise<number>;
}

const TSX = join(REPO, 'node_modules/.bin/tsx');
const SERVER = 'packages/server/src/main.ts';
const MIGRATE_PLAN = 'packages/server/src/migratePlan.ts';

/**
 * The `ra-sales` arguments naming what to check or generate: one overlay (into its own folder),
 * or, without one, the default domain into packages/domain and then the company example beside
 * its overlay, which is what the repository keeps up to date.
 */
function targets({ overlay, out }: Options): string[][] {
  if (overlay === undefined) return [[], ['--overlay', COMPANY_EXAMPLE]];
  return [['--overlay', overlay, ...(out === undefined ? [] : ['--out', out])]];
}

/** One after the other, stopping at the first failure. */
async function inTurn(runs: (() => Promise<number>)[]): Promise<number> {
  for (const run of runs) {
    const code = await run();
    if (code !== 0) return code;
  }
  return 0;
}

function check(options: Options): Promise<number> {
  const flags = [...(options.frozen ? ['--frozen'] : []), ...(options.strict ? ['--strict'] : [])];
  return inTurn(targets(options).map((target) => () => raSales(['check', ...target, ...flags])));
}

async function gen(options: Options): Promise<number> {
  if (!options.watch) return inTurn(targets(options).map((target) => () => raSales(['generate', ...target])));
  // Watchers run side by side and never end: Ctrl-C stops them.
  const codes = await Promise.all(targets(options).map((target) => raSales(['generate', '--watch', ...target])));
  return Math.max(...codes);
}

/** Generates (for an overlay), builds the admin app from the generated folder the server loads, and runs the server. */
async function start({ overlay }: Options): Promise<number> {
  const env = salesEnvironment(overlay);
  if (overlay !== undefined) {
    const generated = await raSales(['generate', '--overlay', overlay, '--out', env.SALES_DOMAIN!]);
    if (generated !== 0) return generated;
  }
  const built = await runCommand('pnpm', ['--filter', '@ra-sales/backoffice', 'build'], env);
  if (built !== 0) return built;
  return runCommand(TSX, [SERVER], env);
}

/** Measures the migration `start` would apply to its database and writes the plan to review beside the generated folder. */
async function migratePlan({ overlay }: Options): Promise<number> {
  return runCommand(TSX, [MIGRATE_PLAN], salesEnvironment(overlay));
}

/**
 * The root scripts' jobs (`pnpm <job> [--overlay <folder>] …`). A job that needs the server's
 * environment takes it from `salesEnvironment`, so that it serves, builds or migrates the same
 * domain as `start` does.
 */
export const JOBS: Record<string, Job> = {
  check: {
    synopsis: 'check [--overlay <folder> [--out <folder>]] [--frozen] [--strict]',
    options: ['--overlay', '--out', '--frozen', '--strict'],
    run: check,
  },
  gen: { synopsis: 'gen [--overlay <folder> [--out <folder>]] [--watch]', options: ['--overlay', '--out', '--watch'], run: gen },
  start: { synopsis: 'start [--overlay <folder>]', options: ['--overlay'], run: start },
  'migrate:plan': { synopsis: 'migrate:plan [--overlay <folder>]', options: ['--overlay'], run: migratePlan },
};
