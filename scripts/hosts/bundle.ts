import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tail } from './format.js';
import { run } from './processes.js';
import { StepFailure } from './steps.js';

export interface EntrySize {
  file: string;
  raw: number;
  gzip: number;
  /** Every JS file of the build (the entry plus the chunks loaded on demand). */
  totalJs: number;
  chunks: number;
}

/** One of the two builds of a host: its vite arguments, where it goes and its html page. */
export interface Build {
  label: string;
  args: string[];
  outDir: string;
  html: string;
}

export const WITH_SALES: Build = { label: 'with sales', args: [], outDir: 'dist', html: 'index.html' };
/** The templates' vite.config.ts build without-sales.html into dist-without-sales in this mode. */
export const WITHOUT_SALES: Build = {
  label: 'without sales',
  args: ['--mode', 'without-sales'],
  outDir: 'dist-without-sales',
  html: 'without-sales.html',
};

/** The entry chunk: the module script the built html page loads. */
function entrySize(outDir: string, html: string): EntrySize {
  const page = readFileSync(join(outDir, html), 'utf8');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(page)?.[1];
  if (!src) throw new StepFailure(`${html} has no module script`);
  const file = join(outDir, 'assets', basename(src));
  if (!existsSync(file)) throw new StepFailure(`the entry ${src} of ${html} is not in ${outDir}/assets`);
  const code = readFileSync(file);
  const js = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  return {
    file: relative(outDir, file),
    raw: code.length,
    gzip: gzipSync(code).length,
    totalJs: js.reduce((sum, name) => sum + statSync(join(outDir, 'assets', name)).size, 0),
    chunks: js.length,
  };
}

/** `npx vite build` then the entry chunk's size; `note` tells of the bundler's warnings that matter. */
export async function buildEntry(dir: string, build: Build): Promise<{ size: EntrySize; note: string }> {
  const result = await run('npx', ['vite', 'build', ...build.args], { cwd: dir, timeoutMs: 300_000 });
  if (result.code !== 0)
    throw new StepFailure(`vite build ${build.args.join(' ')} exited with ${result.code}:\n${tail(result.output, 60)}`);
  // Rollup's warning about a cycle across chunks means a broken execution order may follow.
  const cycles = result.output.split('\n').filter((line) => /circular dependency between chunks/.test(line)).length;
  return {
    size: entrySize(join(dir, build.outDir), build.html),
    note: cycles ? `${cycles} circular-chunk warning(s) from the bundler` : '',
  };
}
