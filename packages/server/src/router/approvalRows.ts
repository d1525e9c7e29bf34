/** What every writer of `sales_approvals` shares: the table, and the columns of a cancellation. */
import type { Knex } from 'knex';
import type { Db } from './types.js';

export const APPROVALS_TABLE = 'sales_approvals';

/**
 * The columns that cancel approval rows; `decidedBy` (and `comment`) when someone's act cancels
 * them, absent when they merely lapse.
 */
export function cancellation(db: Db, decidedBy?: number, comment?: string): Record<string, unknown> {
  const knex = db as Knex;
  const decided = decidedBy === undefined ? {} : { decided_by: decidedBy, decided_at: knex.fn.now() };
  return {
    status: 'cancelled',
    ...decided,
    ...(comment === undefined ? {} : { comment }),
    updated_at: knex.fn.now(),
    version: knex.raw('version + 1'),
  };
}
