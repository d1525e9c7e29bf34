/**
 * Writes of notes and tasks, each in one transaction with its audit row. Who may do what:
 *
 *   note  create: whoever may read the record · change, delete: its author or an admin
 *   task  create: whoever may read the record · change: its creator, its assignee or an admin ·
 *         delete: its creator or an admin
 *
 * A task's assignee must be able to read the record, judged by their own scope. Setting `done`
 * records when and by whom; undoing it clears both.
 */
import { inTransaction } from '../../db/transactions.js';
import type { Knex } from 'knex';
import type { RequestContext } from '../context.js';
import { ADMIN_ROLE } from '../access.js';
import { writeAudit } from '../audit.js';
import { conflict, forbidden, unprocessable } from '../errors.js';
import { phrase, resourceLabel } from '../locale.js';
import { findReadable } from '../reads.js';
import { normalizeRow, sameValue } from '../records.js';
import { NOTES, TASKS, usersOf, type ResourceInfo } from '../resources.js';
import { updateVersioned } from '../rowWrites.js';
import type { Row } from '../types.js';
import { findSalesperson } from '../users.js';
import { mayReadRecord } from './notifications.js';
import { readableTarget, type Target } from './target.js';
import { fieldLabel, noteValues, taskValues } from './values.js';

type Kind = typeof NOTES | typeof TASKS;

const isAdmin = (ctx: RequestContext) => ctx.user.roles.includes(ADMIN_ROLE);

function resourceOf(ctx: RequestContext, kind: Kind): ResourceInfo {
  return ctx.resources.get(kind)!;
}

async function insert(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, columns: Record<string, unknown>): Promise<Row> {
  const [row] = await trx(resource.table).insert(columns).returning('*');
  const created = normalizeRow(row, resource);
  await writeAudit(trx, {
    resource: resource.name,
    recordId: created.id,
    action: 'create',
    userId: ctx.user.id,
    before: null,
    after: created,
  });
  return created;
}

/** The stored row, read under the user's scope and locked; its `version` checked against the body's. */
async function lockStored(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, id: number, body: unknown): Promise<Row> {
  const stored = await findReadable(trx, ctx, resource, id, true);
  const version = (body as Record<string, unknown> | null)?.version;
  if (version !== undefined && !sameValue(version, stored.version)) {
    throw conflict(phrase(ctx.locale, 'staleRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }), {
      version: 'stale',
    });
  }
  return stored;
}

async function update(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  stored: Row,
  columns: Record<string, unknown>,
): Promise<Row> {
  const updated = await updateVersioned(trx, ctx, resource, stored.id, Number(stored.version), columns);
  await writeAudit(trx, {
    resource: resource.name,
    recordId: stored.id,
    action: 'update',
    userId: ctx.user.id,
    before: stored,
    after: updated,
  });
  return updated;
}

async function remove(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, stored: Row): Promise<Row> {
  await trx(resource.table).where('id', stored.id).delete();
  await writeAudit(trx, {
    resource: resource.name,
    recordId: stored.id,
    action: 'delete',
    userId: ctx.user.id,
    before: stored,
    after: null,
  });
  return stored;
}

export async function createNote(ctx: RequestContext, body: unknown): Promise<Row> {
  const resource = resourceOf(ctx, NOTES);
  const values = noteValues(ctx, resource, body);
  return inTransaction(ctx.knex, async (trx) => {
    await readableTarget(trx, ctx, values.resource, Number(values.record_id));
    return insert(trx, ctx, resource, { ...values, author_id: ctx.user.id });
  });
}

export async function updateNote(ctx: RequestContext, id: number, body: unknown): Promise<Row> {
  const resource = resourceOf(ctx, NOTES);
  return inTransaction(ctx.knex, async (trx) => {
    const stored = await lockStored(trx, ctx, resource, id, body);
    const values = noteValues(ctx, resource, body, stored);
    if (!isAdmin(ctx) && Number(stored.author_id) !== ctx.user.id) throw forbidden(phrase(ctx.locale, 'noteAuthorOnly', {}));
    return update(trx, ctx, resource, stored, values);
  });
}

export async function deleteNote(ctx: RequestContext, id: number): Promise<Row> {
  const resource = resourceOf(ctx, NOTES);
  return inTransaction(ctx.knex, async (trx) => {
    const stored = await lockStored(trx, ctx, resource, id, undefined);
    if (!isAdmin(ctx) && Number(stored.author_id) !== ctx.user.id) throw forbidden(phrase(ctx.locale, 'noteAuthorOnlyDelete', {}));
    return remove(trx, ctx, resource, stored);
  });
}

/** The assignee must exist and read the record with their own scope; else 422 naming them. */
async function checkAssignee(trx: Knex.Transaction, ctx: RequestContext, target: Target, assigneeId: number): Promise<void> {
  const field = fieldLabel(ctx.locale, 'assignee_id');
  const assignee = await findSalesperson(trx, ctx.model, { id: assigneeId });
  if (!assignee) {
    const message = phrase(ctx.locale, 'noSalesperson', { id: String(assigneeId) });
    throw unprocessable(message, { assignee_id: message });
  }
  if (await mayReadRecord(trx, ctx.model, assignee, target.resource.name, target.record.id)) return;
  const users = usersOf(ctx.model);
  const nameField = users?.entity.recordRepresentation;
  const row = users && nameField ? await trx(users.resource).where('id', assigneeId).first(nameField) : undefined;
  const user = row?.[nameField!] == null ? `#${assigneeId}` : String(row[nameField!]);
  const values = { user, field, entity: resourceLabel(target.resource, ctx.locale), id: String(target.record.id) };
  throw unprocessable(phrase(ctx.locale, 'assigneeCannotRead', values), {
    assignee_id: phrase(ctx.locale, 'ruleAssigneeCannotRead', values),
  });
}

/** `done` turned on records when and by whom; turned off clears them. */
function completion(trx: Knex.Transaction, ctx: RequestContext, done: unknown, wasDone: boolean): Record<string, unknown> {
  if (done === true && !wasDone) return { done_at: trx.fn.now(), done_by: ctx.user.id };
  if (done === false && wasDone) return { done_at: null, done_by: null };
  return {};
}

function notifyAssigned(trx: Knex.Transaction, ctx: RequestContext, task: Row): void {
  const assignee = task.assignee_id == null ? null : Number(task.assignee_id);
  if (assignee === null || assignee === ctx.user.id) return;
  ctx.notifications?.add(trx, {
    type: 'task_assigned',
    resource: String(task.resource),
    recordId: Number(task.record_id),
    actorId: ctx.user.id,
    assigneeId: assignee,
    task: {
      id: task.id,
      title: String(task.title),
      description: (task.description as string | null) ?? null,
      due_date: (task.due_date as string | null) ?? null,
    },
  });
}

export async function createTask(ctx: RequestContext, body: unknown): Promise<Row> {
  const resource = resourceOf(ctx, TASKS);
  const values = taskValues(ctx, resource, body);
  return inTransaction(ctx.knex, async (trx) => {
    const target = await readableTarget(trx, ctx, values.resource, Number(values.record_id));
    // A task nobody was named for is the creator's own.
    const assignee = values.assignee_id === undefined ? ctx.user.id : (values.assignee_id as number | null);
    if (assignee !== null && assignee !== ctx.user.id) await checkAssignee(trx, ctx, target, assignee);
    const task = await insert(trx, ctx, resource, {
      ...values,
      assignee_id: assignee,
      created_by: ctx.user.id,
      ...completion(trx, ctx, values.done, false),
    });
    notifyAssigned(trx, ctx, task);
    return task;
  });
}

export async function updateTask(ctx: RequestContext, id: number, body: unknown): Promise<Row> {
  const resource = resourceOf(ctx, TASKS);
  return inTransaction(ctx.knex, async (trx) => {
    const stored = await lockStored(trx, ctx, resource, id, body);
    const values = taskValues(ctx, resource, body, stored);
    const mine = [stored.created_by, stored.assignee_id].some((user) => user != null && Number(user) === ctx.user.id);
    if (!isAdmin(ctx) && !mine) throw forbidden(phrase(ctx.locale, 'taskChangeRefused', {}));
    const reassigned = 'assignee_id' in values && !sameValue(values.assignee_id, stored.assignee_id);
    if (reassigned && values.assignee_id !== null) {
      const target = await readableTarget(trx, ctx, stored.resource, Number(stored.record_id));
      await checkAssignee(trx, ctx, target, values.assignee_id as number);
    }
    const task = await update(trx, ctx, resource, stored, { ...values, ...completion(trx, ctx, values.done, stored.done === true) });
    if (reassigned) notifyAssigned(trx, ctx, task);
    return task;
  });
}

export async function deleteTask(ctx: RequestContext, id: number): Promise<Row> {
  const resource = resourceOf(ctx, TASKS);
  return inTransaction(ctx.knex, async (trx) => {
    const stored = await lockStored(trx, ctx, resource, id, undefined);
    if (!isAdmin(ctx) && Number(stored.created_by) !== ctx.user.id) throw forbidden(phrase(ctx.locale, 'taskDeleteRefused', {}));
    return remove(trx, ctx, resource, stored);
  });
}
