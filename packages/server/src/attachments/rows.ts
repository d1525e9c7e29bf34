/**
 * `sales_attachments` rows within the reader's scope. A file is read through its record: the
 * record's read scope is a condition of the same SQL statement, so a file of a record out of
 * scope is never found (404, as for the record itself).
 */
import type { Attachment } from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { RequestContext } from '../router/context.js';
import type { ResourceInfo } from '../router/resources.js';
import type { Db } from '../router/types.js';
import { ADMIN_ROLE, addReadScope } from '../router/access.js';
import { notFound } from '../router/errors.js';
import { phrase } from '../router/locale.js';
import { userNames } from '../router/timeline.js';

export const ATTACHMENTS_TABLE = 'sales_attachments';

/** A stored row: the listed attachment with the uploader's id and where the bytes are. */
export interface AttachmentRow extends Omit<Attachment, 'uploaded_by' | 'can_delete'> {
  storage_key: string;
  uploaded_by: number | null;
}

const normalize = (row: Record<string, unknown>): AttachmentRow => ({
  ...(row as unknown as AttachmentRow),
  id: Number(row.id),
  record_id: Number(row.record_id),
  size: Number(row.size),
  uploaded_by: row.uploaded_by == null ? null : Number(row.uploaded_by),
  created_at: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at),
});

/** The uploader or an administrator, while the record is writable. */
export function mayDelete(ctx: RequestContext, row: AttachmentRow, recordWritable: boolean): boolean {
  return recordWritable && (row.uploaded_by === ctx.user.id || ctx.user.roles.includes(ADMIN_ROLE));
}

/** The record's files, newest first. */
export async function recordAttachments(db: Db, resource: ResourceInfo, id: number): Promise<AttachmentRow[]> {
  const rows = await db(ATTACHMENTS_TABLE)
    .where({ resource: resource.name, record_id: id })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
  return rows.map(normalize);
}

/** A file whose record the user may read, with that record's resource; 404 otherwise, saying nothing more. */
export async function findReadableAttachment(
  db: Db,
  ctx: RequestContext,
  id: number,
  lock = false,
): Promise<{ row: AttachmentRow; resource: ResourceInfo }> {
  const missing = () => notFound(phrase(ctx.locale, 'attachmentUnknown', { id: String(id) }));
  const head = await db(ATTACHMENTS_TABLE).where({ id }).first('resource');
  const resource = head && ctx.resources.get(String(head.resource));
  if (!resource?.entity) throw missing();
  const query = db(ATTACHMENTS_TABLE)
    .join(resource.table, `${resource.table}.id`, `${ATTACHMENTS_TABLE}.record_id`)
    .where(`${ATTACHMENTS_TABLE}.id`, id)
    .where(`${ATTACHMENTS_TABLE}.resource`, resource.name)
    .select(`${ATTACHMENTS_TABLE}.*`);
  addReadScope(query, db as Knex, ctx.model, resource, ctx.user);
  if (lock) query.forUpdate(ATTACHMENTS_TABLE);
  const row = await query.first();
  if (!row) throw missing();
  return { row: normalize(row), resource };
}

export async function insertAttachments(db: Db, rows: Omit<AttachmentRow, 'id' | 'created_at'>[]): Promise<AttachmentRow[]> {
  const inserted = await db(ATTACHMENTS_TABLE).insert(rows).returning('*');
  return (inserted as Record<string, unknown>[]).map(normalize);
}

/** Rows as the API answers them: the uploader by name (when the reader may read them), whether the reader may delete. */
export async function describeAttachments(ctx: RequestContext, rows: AttachmentRow[], recordWritable: boolean): Promise<Attachment[]> {
  const names = await userNames(ctx, [...new Set(rows.map((r) => r.uploaded_by).filter((u): u is number => u != null))]);
  return rows.map((row) => ({
    id: row.id,
    resource: row.resource,
    record_id: row.record_id,
    file_name: row.file_name,
    content_type: row.content_type,
    size: row.size,
    sha256: row.sha256,
    uploaded_by: row.uploaded_by == null ? null : { id: row.uploaded_by, name: names.get(row.uploaded_by) ?? null },
    created_at: row.created_at,
    can_delete: mayDelete(ctx, row, recordWritable),
  }));
}
