import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntry, WITH_SALES, WITHOUT_SALES, type Build, type EntrySize } from './bundle.js';
import { indent, tail } from './format.js';
import { startHostServer } from './hostServer.js';
import { npmInstall } from './install.js';
import { run } from './processes.js';
import type { HostProfile } from './profiles.js';
import { smokeTest } from './smoke.js';
import { failedSteps, skip, step, StepFailure } from './steps.js';
import { copyTemplate } from './template.js';

export interface HostOutcome {
  host: string;
  ms: number;
  /** Milliseconds per phase of the time table (install, typecheck, build, build-bare, server, browser). */
  phases: Record<string, number>;
  versions?: string;
  withSales?: EntrySize;
  withoutSales?: EntrySize;
  notes: string[];
  dir: string;
}

/**
 * One host in `dir`: the template copied, then (without `tarballs`, on the node_modules an earlier
 * run left there) type check, both builds, and with `smoke` its server and the browser checks.
 */
export async function runHost(profile: HostProfile, dir: string, tarballs: string[] | undefined, smoke: boolean): Promise<HostOutcome> {
  const host = profile.name;
  const started = Date.now();
  const outcome: HostOutcome = { host, ms: 0, phases: {}, notes: [], dir };
  const timed = async <T>(phase: string, body: () => Promise<T>) => {
    const t = Date.now();
    const value = await body();
    outcome.phases[phase] = Date.now() - t;
    return value;
  };
  const timedStep = <T>(phase: string, name: string, body: () => Promise<T>) => timed(phase, () => step(host, name, body));
  const finish = () => {
    outcome.ms = Date.now() - started;
    return outcome;
  };
  const measure = (build: Build) => async () => {
    const { size, note } = await buildEntry(dir, build);
    if (note) outcome.notes.push(`${build.label}: ${note}`);
    return size;
  };

  copyTemplate(profile, dir);
  if (tarballs) {
    outcome.versions = await timedStep('install', "npm install (tarballs + the host's own dependencies, plain npm)", () =>
      npmInstall(dir, tarballs),
    );
    if (!outcome.versions) return finish();
    console.log(`[${host}]   resolved: ${outcome.versions}`);
  } else if (!existsSync(join(dir, 'node_modules'))) {
    throw new Error(`--reuse: ${dir} has no node_modules`);
  }

  await timedStep('typecheck', 'type check (npx tsc --noEmit -p .)', async () => {
    const result = await run('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, timeoutMs: 300_000 });
    if (result.code !== 0) throw new StepFailure(`tsc exited with ${result.code}:\n${tail(result.output, 60)}`);
  });

  outcome.withSales = await timedStep('build', 'build with the sales screens (npx vite build)', measure(WITH_SALES));
  outcome.withoutSales = await timedStep('build-bare', 'build without them (npx vite build --mode without-sales)', measure(WITHOUT_SALES));
  if (!outcome.withSales) {
    skip(host, 'server and browser', 'the build failed');
    return finish();
  }
  if (!smoke) return finish();

  const server = await timedStep('server', 'start node server.mjs (sales API, PGlite, demo data)', () => startHostServer(dir));
  if (!server) return finish();
  try {
    await timed('browser', () => smokeTest(profile, server.base, dir));
    if (failedSteps(host).length) console.log(`[${host}] server output (tail):\n${indent(tail(server.log(), 20))}`);
  } finally {
    await server.stop();
  }
  return finish();
}
