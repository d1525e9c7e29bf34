/**
 * A throwaway PostgreSQL server for tests: found on this machine (PG_BIN, `pg_config --bindir`,
 * /usr/lib/postgresql/<version>/bin, /usr/local/bin, PATH), initialised in a temporary folder,
 * started on a free port, removed on stop. As root it runs as the `postgres` user
 * (initdb refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REQUIRED_BINARIES = ['initdb', 'pg_ctl', 'postgres'];

function hasBinaries(dir: string): boolean {
  return REQUIRED_BINARIES.every((name) => existsSync(path.join(dir, name)));
}

function pgConfigBindir(): string | null {
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function debianBindirs(): string[] {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => path.join(root, version, 'bin'));
}

/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function findPostgresBinaries(): string | null {
  const candidates = [
    process.env.PG_BIN,
    pgConfigBindir(),
    ...debianBindirs(),
    '/usr/local/bin',
    '/usr/local/pgsql/bin',
    '/opt/homebrew/bin',
    ...(process.env.PATH ?? '').split(path.delimiter),
  ];
  return candidates.find((dir): dir is string => !!dir && hasBinaries(dir)) ?? null;
}

export interface RunAs {
  /** Runs a binary as the server's user and returns its output. */
  run(binary: string, args: string[]): string;
  /** Gives the server's user a folder. */
  own(dir: string): void;
}

function userIds(user: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

function commandExists(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Runs binaries as the current user, or as `postgres` when the current user is root. */
export function runAs(): RunAs {
  const exec = (file: string, args: string[]) =>
    execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
  if (process.getuid?.() !== 0) return { run: exec, own: () => {} };
  const user = process.env.PG_TEST_USER ?? 'postgres';
  const ids = userIds(user);
  if (!ids) throw new Error(`Running as root: PostgreSQL refuses root; create the user "${user}" (or set PG_TEST_USER).`);
  const own = (dir: string) => chownSync(dir, ids.uid, ids.gid);
  if (commandExists('runuser')) return { run: (file, args) => exec('runuser', ['-u', user, '--', file, ...args]), own };
  return {
    run: (file, args) => exec('su', [user, '-s', '/bin/sh', '-c', [file, ...args].map(shellQuote).join(' ')]),
    own,
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  /** Superuser URL to the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

/** A folder owned by the server's user, removed with everything in it when the cluster stops. */
export function clusterRoot(as: RunAs, prefix = 'ra-sales-pg-'): string {
  const root = mkdtempSync(path.join(os.tmpdir(), prefix));
  as.own(root);
  return root;
}

export interface ClusterOptions {
  /** `-c name=value` settings beyond the test defaults. */
  settings?: Record<string, string>;
  /** An initialised data folder (a base backup) instead of running initdb. */
  existingDataDir?: string;
}

export interface Cluster {
  port: number;
  dataDir: string;
  /** Superuser URL to the `postgres` database. */
  url: string;
  /** Stops the server at once, as a crash would (`pg_ctl stop -m immediate`): no checkpoint, recovery at the next start. */
  stop(): void;
  /** Starts it again on the same port and data folder (after `stop`). */
  start(): void;
}

/** Starts a server in `root` (initdb first unless a data folder is given) on a free port. */
export async function startCluster(bin: string, as: RunAs, root: string, name: string, options: ClusterOptions = {}): Promise<Cluster> {
  const dataDir = options.existingDataDir ?? path.join(root, name);
  const logFile = path.join(root, `${name}.log`);
  writeFileSync(logFile, '');
  as.own(logFile);
  if (!options.existingDataDir) {
    as.run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  }
  const port = await freePort();
  const settings = { listen_addresses: '127.0.0.1', fsync: 'off', synchronous_commit: 'off', max_connections: '200', ...options.settings };
  const serverOptions = [`-p ${port}`, `-k ${root}`, ...Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`)].join(' ');
  const pgCtl = path.join(bin, 'pg_ctl');
  let running = false;
  const start = () => {
    as.run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
    running = true;
  };
  start();
  return {
    port,
    dataDir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      if (!running) return;
      running = false;
      as.run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    },
    start,
  };
}

/** Runs `stop` when the process exits without teardown (a crash, an interrupted bench), so that no server is left behind. */
export function stopOnExit(stop: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    process.off('exit', once);
    stop();
  };
  process.on('exit', once);
  return once;
}

/** initdb into a temporary folder and start a server on a free port; fast but not durable. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('PostgreSQL binaries (initdb, pg_ctl, postgres) not found; set PG_BIN or DATABASE_URL.');
  const as = runAs();
  const root = clusterRoot(as);
  let cluster: Cluster;
  try {
    cluster = await startCluster(bin, as, root, 'data', { settings: { full_page_writes: 'off' } });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const stop = stopOnExit(() => {
    try {
      cluster.stop();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
  return {
    url: cluster.url,
    async stop() {
      stop();
    },
  };
}

/** `postgres://u@h:1/postgres` → `postgres://u@h:1/<database>`. */
export function urlForDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
