/**
 * A primary, a streaming replica made from it with `pg_basebackup`, and optionally PgBouncer in
 * transaction mode in front of the primary: the layout of docs/scaling.md, on this machine's
 * PostgreSQL binaries and Debian's `pgbouncer`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clusterRoot, findPostgresBinaries, freePort, runAs, startCluster, stopOnExit, type Cluster } from './postgres.js';

const PGBOUNCER = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

export interface ReplicatedOptions {
  /**
   * Commits wait until the replica has applied them (`synchronous_commit = remote_apply`): every
   * read on the replica sees every committed write, as tests that write straight to the primary need.
   */
  synchronous?: boolean;
  /** The replica replays each transaction this late (`recovery_min_apply_delay`), to make lag visible. */
  applyDelayMs?: number;
  /** Start PgBouncer in transaction mode in front of the primary. */
  bouncer?: boolean;
}

export interface ReplicatedPostgres {
  /** Superuser URL of the primary, direct. */
  primaryUrl: string;
  /** Superuser URL of the replica (read only), direct. */
  replicaUrl: string;
  /** Through PgBouncer (transaction pooling) to the primary; absent without `bouncer`. */
  bouncerUrl?: string;
  stop(): Promise<void>;
}

export function findPgBouncer(): string | undefined {
  return PGBOUNCER.find((file) => existsSync(file));
}

async function startBouncer(
  root: string,
  primaryPort: number,
  own: (path: string) => void,
): Promise<{ port: number; process: ChildProcess }> {
  const binary = findPgBouncer();
  if (!binary) throw new Error('pgbouncer not found: install the Debian package pgbouncer');
  const port = await freePort();
  const users = path.join(root, 'pgbouncer-users.txt');
  const config = path.join(root, 'pgbouncer.ini');
  writeFileSync(users, '"postgres" ""\n');
  writeFileSync(
    config,
    [
      '[databases]',
      `* = host=127.0.0.1 port=${primaryPort}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 20',
      'ignore_startup_parameters = extra_float_digits,options',
      `logfile = ${path.join(root, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  for (const file of [users, config]) own(file);
  // PgBouncer refuses to run as root, like PostgreSQL.
  const command =
    process.getuid?.() === 0 ? ['runuser', ['-u', process.env.PG_TEST_USER ?? 'postgres', '--', binary, config]] : [binary, [config]];
  // A process group of its own: as root, `runuser` is the child, and killing it alone would leave
  // PgBouncer running after the tests.
  const child = spawn(command[0] as string, command[1] as string[], { stdio: 'ignore', detached: true });
  await waitForPort(port, child);
  return { port, process: child };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const { connect } = await import('node:net');
  const started = Date.now();
  while (Date.now() - started < 15_000) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pgbouncer did not listen on ${port}`);
}

export async function startReplicatedPostgres(options: ReplicatedOptions = {}): Promise<ReplicatedPostgres> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('PostgreSQL binaries not found; set PG_BIN.');
  const as = runAs();
  const root = clusterRoot(as, 'ra-sales-replicated-');
  const clusters: Cluster[] = [];
  let bouncer: ChildProcess | undefined;
  const stop = stopOnExit(() => {
    if (bouncer?.pid !== undefined) {
      try {
        process.kill(-bouncer.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    for (const cluster of clusters.reverse()) {
      try {
        cluster.stop();
      } catch {
        /* already down */
      }
    }
    rmSync(root, { recursive: true, force: true });
  });
  try {
    // remote_apply only takes effect once synchronous_standby_names names the replica, set below when it runs.
    const primary = await startCluster(bin, as, root, 'primary', {
      settings: { wal_level: 'replica', max_wal_senders: '10', ...(options.synchronous ? { synchronous_commit: 'remote_apply' } : {}) },
    });
    clusters.push(primary);
    const replicaDir = path.join(root, 'replica');
    const atPrimary = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    as.run(path.join(bin, 'pg_basebackup'), ['-D', replicaDir, ...atPrimary, '-R', '-X', 'stream', '--no-sync']);
    const replica = await startCluster(bin, as, root, 'replica', {
      existingDataDir: replicaDir,
      settings: { hot_standby: 'on', ...(options.applyDelayMs ? { recovery_min_apply_delay: `${options.applyDelayMs}ms` } : {}) },
    });
    clusters.push(replica);
    if (options.synchronous) {
      const settings = ["ALTER SYSTEM SET synchronous_standby_names = '*'", 'SELECT pg_reload_conf()'];
      as.run(path.join(bin, 'psql'), [...atPrimary, '-qAt', ...settings.flatMap((sql) => ['-c', sql])]);
    }
    const started = options.bouncer ? await startBouncer(root, primary.port, as.own) : undefined;
    bouncer = started?.process;
    return {
      primaryUrl: primary.url,
      replicaUrl: replica.url,
      ...(started ? { bouncerUrl: `postgres://postgres@127.0.0.1:${started.port}/postgres` } : {}),
      async stop() {
        stop();
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
