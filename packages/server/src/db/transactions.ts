/**
 * The router's transactions. On PostgreSQL, `inTransaction` takes a connection from knex's pool and
 * runs BEGIN, COMMIT and ROLLBACK on it through the driver; the work gets a transactor that is a
 * knex bound to that connection, the same calls as knex's own. Knex's `transaction()` builds, per
 * transaction, an event emitter, a client with its own listeners, a whole knex (some 150 methods
 * defined afresh) and a promise chain around each of BEGIN and COMMIT: 100–150 µs of CPU and 31 kB of
 * allocation per write, measured in a loop of seven-statement transactions. Here the transactor and
 * its client inherit from the knex and client the host gave (one small function, one context, one
 * client object per transaction), and knex's query path, events and savepoints (`trx.transaction`)
 * work on them unchanged.
 *
 * PGlite's transactions, and those of any other client, stay knex's.
 */
import type { Knex } from 'knex';
import { databaseKind } from './connect.js';
import { announceQuery, type PgConnection } from './driver.js';

/** A client bound to one connection for one transaction; `completed` once COMMIT or ROLLBACK was sent. */
interface BoundClient extends Knex.Client {
  connection: PgConnection;
  completed: boolean;
}

/** Per host client: what every bound client shares (connection-bound acquire and release, the guard). */
const boundClientBases = new WeakMap<Knex.Client, Knex.Client>();

function boundClientBase(client: Knex.Client): Knex.Client {
  let base = boundClientBases.get(client);
  if (base) return base;
  const query = client.query;
  base = Object.create(client, {
    transacting: { value: true },
    acquireConnection: {
      value(this: BoundClient) {
        return Promise.resolve(this.connection);
      },
    },
    releaseConnection: { value: () => Promise.resolve() },
    // As knex's transaction client: a statement sent after the end of its transaction is refused,
    // for its connection may already serve another request.
    query: {
      value(this: BoundClient, connection: unknown, statement: unknown) {
        if (connection !== this.connection) return Promise.reject(new Error('Invalid connection for transaction query.'));
        if (this.completed) return Promise.reject(new Error('Transaction query already complete'));
        return query.call(this, connection, statement);
      },
    },
  }) as Knex.Client;
  boundClientBases.set(client, base);
  return base;
}

let transactionsStarted = 0;

/** A knex whose statements run on `client`'s connection; everything else is the host's knex's. */
function transactorOf(knex: Knex, client: BoundClient): Knex.Transaction {
  const context = Object.create((knex as unknown as { context: object }).context, { client: { value: client, writable: true } });
  const transactor = ((table?: string, options?: unknown) => {
    const builder = context.queryBuilder();
    return table ? builder.table(table, options) : builder;
  }) as unknown as Knex.Transaction;
  Object.setPrototypeOf(transactor, knex);
  Object.assign(transactor, { context, isTransaction: true, isCompleted: () => client.completed });
  return transactor;
}

async function send(client: Knex.Client, connection: PgConnection, sql: string): Promise<void> {
  announceQuery(client, connection, sql, []);
  await connection.query(sql);
}

/** How long a ROLLBACK may take before its connection is given up (knex's own limit). */
const ROLLBACK_TIMEOUT_MS = 5_000;

/**
 * ROLLBACK, whatever the state of the connection. One that fails it, or does not answer in time, is
 * marked as knex marks a connection that errored, so that the pool destroys it instead of lending it again.
 */
async function rollBack(client: Knex.Client, connection: PgConnection): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ROLLBACK_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([send(client, connection, 'ROLLBACK'), timedOut]);
    if (outcome === 'timeout') connection.__knex__disposed = 'ROLLBACK did not answer';
  } catch (error) {
    connection.__knex__disposed = error;
  } finally {
    clearTimeout(timer);
  }
}

/** `work` inside one transaction: committed when it resolves, rolled back when it throws (its error is rethrown). */
export async function inTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (databaseKind(knex) !== 'postgres') return knex.transaction(work);
  const host = knex.client;
  const connection = (await host.acquireConnection()) as PgConnection;
  const client = Object.create(boundClientBase(host)) as BoundClient;
  client.connection = connection;
  client.completed = false;
  connection.__knexTxId = `trx${++transactionsStarted}`;
  try {
    await send(host, connection, 'BEGIN;');
    let result: T;
    try {
      result = await work(transactorOf(knex, client));
    } catch (error) {
      client.completed = true;
      await rollBack(host, connection);
      throw error;
    }
    client.completed = true;
    await send(host, connection, 'COMMIT;');
    return result;
  } finally {
    delete connection.__knexTxId;
    await host.releaseConnection(connection);
  }
}
