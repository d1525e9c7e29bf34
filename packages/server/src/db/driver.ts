/** Statements sent straight to a `pg` connection that knex's pool lent, beside knex's runner. */
import type { Knex } from 'knex';

/** A `pg` connection as knex's pool holds it. */
export interface PgConnection {
  __knexUid?: string;
  __knexTxId?: string;
  /** Set by knex when the connection errored or ended: the pool destroys it instead of lending it. */
  __knex__disposed?: unknown;
  query(statement: string | { name?: string; text: string; values: readonly unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}

/** Knex's `query` event for a statement sent through the driver, as knex's runner emits it: hosts that log or count statements see every one. */
export function announceQuery(client: Knex.Client, connection: PgConnection, sql: string, bindings: readonly unknown[]): void {
  client.emit('query', { __knexUid: connection.__knexUid, __knexTxId: connection.__knexTxId, method: 'raw', sql, bindings });
}
