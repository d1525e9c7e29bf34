/**
 * The root scripts `pnpm check`, `pnpm gen`, `pnpm start` and `pnpm start:company`: one job each,
 * the same `--overlay <folder>` for a company's own domain in every one (see docs/walkthrough.md).
 *
 *   pnpm check [--overlay my-company/overlay] [--frozen] [--strict]
 *   pnpm gen   [--overlay my-company/overlay] [--out <folder>] [--watch]
 *   pnpm start [--overlay my-company/overlay]
 *
 * Without --overlay: the default domain (packages/domain), and for check and gen the company
 * example (examples/company-oa) after it. Folders are relative to the repository's main folder.
 */
import { JOBS } from './jobs.js';
import { parseOptions, UsageError } from './options.js';
import { REPO } from './paths.js';

const usage = () => ['Usage:', ...Object.values(JOBS).map((job) => `  pnpm ${job.synopsis}`), ''].join('\n');

async function main(argv: string[]): Promise<number> {
  const [name = '', ...rest] = argv;
  if (!Object.hasOwn(JOBS, name)) throw new UsageError(name ? `unknown job "${name}"` : 'no job given');
  const job = JOBS[name]!;
  return job.run(parseOptions(rest, job.options));
}

process.chdir(REPO);
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage()}`);
    process.exit(1);
  },
);
