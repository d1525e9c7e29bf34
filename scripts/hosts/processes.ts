import { spawn, type ChildProcess } from 'node:child_process';
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
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** SIGTERM to the group, SIGKILL after 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  killGroup(child, 'SIGTERM');
  await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
  killGroup(child, 'SIGKILL');
}
