/**
 * The packages in react-admin apps we do not own. For each host (a profile: a template of
 * scripts/hosts/<template>, perhaps on other dependency versions, see profiles.ts), in a fresh
 * temporary folder:
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
 *      failing on any console error or page error, and (simple template, `<Admin basename="/admin">`)
 *      on any URL or link outside /admin.
 *
 *   pnpm exec tsx scripts/hosts/run.ts [simple|current|mui6|mui7]...      (all by default)
 *
 *   simple   React 18, MUI 5, react-router 6, Vite 6, served under /admin
 *   current  React 19, MUI 9, react-router 7, Vite 8
 *   mui6     the simple template on MUI 6
 *   mui7     the current template on MUI 7
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
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from './args.js';
import { runHost, type HostOutcome } from './host.js';
import { tarballs } from './pack.js';
import { REPO } from './paths.js';
import { readmeDifferences } from './readme.js';
import { printReport } from './report.js';
import { failedSteps, step, StepFailure } from './steps.js';

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const work = options.reuse ? resolve(options.reuse) : await mkdtemp(join(tmpdir(), 'ra-sales-hosts-'));
  console.log(`working folder: ${work}`);
  await step('all', "README.md's drop-in section is the hosts' code", async () => {
    const { blocks, lines, problems } = readmeDifferences(REPO);
    if (problems.length) throw new StepFailure(problems.join('\n'));
    console.log(`[all]   ${blocks} block(s), ${lines} line(s) of README.md are the hosts' files as they are`);
  });
  const packed = options.reuse
    ? undefined
    : await tarballs(options.tarballs ? resolve(options.tarballs) : join(work, 'pack'), !!options.tarballs);

  const outcomes: HostOutcome[] = [];
  if (options.reuse || packed) {
    for (const profile of options.hosts) {
      const dir = join(work, profile.name);
      if (!options.reuse) mkdirSync(dir);
      outcomes.push(await runHost(profile, dir, packed, options.smoke));
    }
  }

  printReport(outcomes, Date.now() - started);
  const failures = failedSteps();
  if (failures.length || options.keep || options.reuse) {
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
