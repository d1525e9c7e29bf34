/** The server's own journals, written inside the transaction of the change they describe. */
import type { Db } from './types.js';

export type AuditAction = 'create' | 'update' | 'delete' | 'transition';

export interface AuditEntry {
  resource: string;
  recordId: number;
  action: AuditAction;
  userId: number;
  before: unknown;
  after: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db('sales_audit').insert({
    resource: entry.resource,
    record_id: entry.recordId,
    action: entry.action,
    user_id: entry.userId,
    before: json(entry.before),
    after: json(entry.after),
  });
}

export interface HistoryEntry {
  resource: string;
  recordId: number;
  from: string | null;
  to: string;
  userId: number;
  comment: string | null;
}

export async function writeHistory(db: Db, entry: HistoryEntry): Promise<void> {
  await db('sales_history').insert({
    resource: entry.resource,
    record_id: entry.recordId,
    from_stage: entry.from,
    to_stage: entry.to,
    user_id: entry.userId,
    comment: entry.comment,
  });
}
