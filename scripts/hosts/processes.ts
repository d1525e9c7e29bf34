import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { REPO } from './paths.js';

/** Children started by this run, stopped on exit whatever happens. */
const children = new Set<ChildProcess>();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const child of children) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}
process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});

/** The environment of npm and the host's tools: nothing of pnpm or of the workspace's binaries. */
export function hostEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|NODE_OPTIONS$|INIT_CWD$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules') && !entry.startsWith(REPO))
    .join(delimiter);
  if (process.env.HOSTS_NPM_CACHE) env.npm_config_cache = process.env.HOSTS_NPM_CACHE;
  env.npm_config_update_notifier = 'false';
  env.CI = env.CI ?? '1';
  return { ...env, ...extra };
}

export interface Started {
  child: ChildProcess;
  output: () => string;
}

/**
 * Starts a command in a process group of its own (so that its own children die with it), its
 * stdout and stderr collected together.
 */
export function start(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? hostEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

export interface RunResult {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command to its end (or its timeout), output collected; its whole process group is killed on timeout. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const { child, output } = start(command, args, options);
    let timedOut = '';
    const timer = setTimeout(() => {
      timedOut = `\n[timed out after ${options.timeoutMs} ms]`;
      killGroup(child, 'SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output: output() + timedOut, ms: Date.now() - started });
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  signalGroup(child.pid, signal);
}

/**
 * Whether a process of the group still runs (zombies aside). The group outlives its leader: a
 * `bash -c "pnpm start"` exits at SIGTERM before the server it started has, and that server may
 * still be writing its data folder.
 */
function groupRuns(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch {
      return false;
    }
  });
}

async function whileGroupRuns(pgid: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (groupRuns(pgid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
}

/** SIGTERM to the group, SIGKILL after 5 s; resolves once no process of the group runs. */
export async function stopChild(child: ChildProcess): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined || !groupRuns(pgid)) return;
  signalGroup(pgid, 'SIGTERM');
  await whileGroupRuns(pgid, 5000);
  if (!groupRuns(pgid)) return;
  signalGroup(pgid, 'SIGKILL');
  await whileGroupRuns(pgid, 5000);
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    /* already gone */
  }
}
