/** The server's own journals, written inside the transaction of the change they describe. */
import type { Db } from './types.js';
import { insertRecordset } from './recordsetInsert.js';
import { insertRow } from './compiledStatements.js';

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

/** The values of JSON columns as a recordset takes them (`insertRecordset`): themselves. */
const asJsonValue = (value: unknown) => value ?? null;

const auditRow = (entry: AuditEntry, encode: (value: unknown) => unknown = json) => ({
  resource: entry.resource,
  record_id: entry.recordId,
  action: entry.action,
  user_id: entry.userId,
  before: encode(entry.before),
  after: encode(entry.after),
});

/** Holds the compiled journal inserts: their tables and columns are the same in every model. */
const JOURNALS = {};

export async function writeAudit(db: Db, entry: AuditEntry): Promise<void> {
  await insertRow(db, JOURNALS, 'sales_audit', auditRow(entry));
}

/** Many audit rows in one statement (an import's chunk), in order. */
export async function writeAudits(db: Db, entries: AuditEntry[]): Promise<void> {
  await insertRecordset(
    db,
    'sales_audit',
    entries.map((entry) => auditRow(entry, asJsonValue)),
  );
}

export interface HistoryEntry {
  resource: string;
  recordId: number;
  from: string | null;
  to: string;
  userId: number;
  comment: string | null;
}

const historyRow = (entry: HistoryEntry) => ({
  resource: entry.resource,
  record_id: entry.recordId,
  from_stage: entry.from,
  to_stage: entry.to,
  user_id: entry.userId,
  comment: entry.comment,
});

export async function writeHistory(db: Db, entry: HistoryEntry): Promise<void> {
  await insertRow(db, JOURNALS, 'sales_history', historyRow(entry));
}

/** Many history rows in one statement, in order. */
export async function writeHistories(db: Db, entries: HistoryEntry[]): Promise<void> {
  await insertRecordset(db, 'sales_history', entries.map(historyRow));
}
