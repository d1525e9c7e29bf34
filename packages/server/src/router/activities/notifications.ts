/**
 * The notification hook (`SalesRouterOptions.notify`): approval requests for whoever holds the
 * approving role and may read the record, decisions for the requester, tasks for their assignee.
 * A write queues its events on its transaction; they are sent once the outermost transaction has
 * committed and dropped when it rolls back. The hook is called without being awaited: its failure
 * is logged and never reaches the request.
 */
import type { Knex } from 'knex';
import type { Labels, SalesModel } from '@ra-sales/schema';
import { addEntityScope } from '../access.js';
import { usersOf } from '../resources.js';
import type { Db } from '../types.js';
import { findSalesperson } from '../users.js';

export interface NotifiedUser {
  id: number;
  /** The users entity's representation of the user (their name). */
  name: string | null;
}

export interface NotifiedApproval {
  id: number;
  role: string;
  label: Labels | null;
  from: string | null;
  to: string;
}

interface NotificationBase {
  /** Who should hear of it. */
  recipients: NotifiedUser[];
  /** Who did what caused it. */
  actor: NotifiedUser | null;
  resource: string;
  recordId: number;
  /** The record's representation (`x-record-representation`). */
  title: string | null;
  /** Where the screens show the record: `#/<resource>/<id>/show`. */
  path: string;
}

export type SalesNotification =
  | (NotificationBase & { type: 'approval_requested'; approval: NotifiedApproval })
  | (NotificationBase & { type: 'approval_decided'; approval: NotifiedApproval & { status: string; comment: string | null } })
  | (NotificationBase & {
      type: 'task_assigned';
      task: { id: number; title: string; description: string | null; due_date: string | null };
    });

export type NotifyHook = (notification: SalesNotification) => void | Promise<void>;

/** What a write knows of an event inside its transaction; names, titles and recipients are read after the commit. */
export type NotificationEvent =
  | { type: 'approval_requested'; resource: string; recordId: number; actorId: number; approval: NotifiedApproval }
  | {
      type: 'approval_decided';
      resource: string;
      recordId: number;
      actorId: number;
      requesterId: number | null;
      approval: NotifiedApproval & { status: string; comment: string | null };
    }
  | {
      type: 'task_assigned';
      resource: string;
      recordId: number;
      actorId: number;
      assigneeId: number;
      task: { id: number; title: string; description: string | null; due_date: string | null };
    };

type TransactionLike = Knex.Transaction & { executionPromise?: Promise<unknown>; parentTransaction?: TransactionLike };

/** The transaction whose commit makes `db`'s writes durable: the outermost one (a savepoint's commit is not). */
function outermost(db: Db): TransactionLike | undefined {
  let trx = (db as TransactionLike).executionPromise ? (db as TransactionLike) : undefined;
  while (trx?.parentTransaction) trx = trx.parentTransaction;
  return trx;
}

export class NotificationOutbox {
  constructor(
    private readonly knex: Knex,
    private readonly model: SalesModel,
    private readonly hook: NotifyHook,
    private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {}

  /** Sends `event` once `db`'s transaction has committed; never when it rolls back. */
  add(db: Db, event: NotificationEvent): void {
    const trx = outermost(db);
    const committed = trx?.executionPromise ?? Promise.resolve();
    committed.then(
      () => this.deliver(event),
      () => undefined,
    );
  }

  private async deliver(event: NotificationEvent): Promise<void> {
    try {
      await this.hook(await this.resolve(event));
    } catch (error) {
      this.log(`The notification hook failed on ${event.type} of ${event.resource} ${event.recordId}:`, error);
    }
  }

  private async resolve(event: NotificationEvent): Promise<SalesNotification> {
    const recipientIds =
      event.type === 'approval_requested'
        ? await this.deciders(event.resource, event.recordId, event.approval.role)
        : event.type === 'approval_decided'
          ? event.requesterId == null
            ? []
            : [event.requesterId]
          : [event.assigneeId];
    const names = await this.userNames([...recipientIds, event.actorId]);
    const user = (id: number): NotifiedUser => ({ id, name: names.get(id) ?? null });
    const base: NotificationBase = {
      recipients: recipientIds.map(user),
      actor: user(event.actorId),
      resource: event.resource,
      recordId: event.recordId,
      title: await this.title(event.resource, event.recordId),
      path: `#/${event.resource}/${event.recordId}/show`,
    };
    if (event.type === 'task_assigned') return { ...base, type: event.type, task: event.task };
    if (event.type === 'approval_decided') return { ...base, type: event.type, approval: event.approval };
    return { ...base, type: event.type, approval: event.approval };
  }

  private async title(resource: string, id: number): Promise<string | null> {
    const entity = this.model.entities[resource];
    const field = entity?.recordRepresentation;
    if (!entity || !field) return null;
    const row = await this.knex(entity.resource).where('id', id).first(field);
    return row?.[field] == null ? null : String(row[field]);
  }

  private async userNames(ids: number[]): Promise<Map<number, string>> {
    const users = usersOf(this.model);
    const field = users?.entity.recordRepresentation;
    if (!users || !field || ids.length === 0) return new Map();
    const rows: { id: unknown; name: unknown }[] = await this.knex(users.resource)
      .whereIn('id', [...new Set(ids)])
      .select('id', `${field} as name`);
    return new Map(rows.filter((r) => r.name != null).map((r) => [Number(r.id), String(r.name)]));
  }

  /** The users holding `role` (their role field) who may read the record, each judged by their own scope. */
  private async deciders(resource: string, recordId: number, role: string): Promise<number[]> {
    const users = usersOf(this.model);
    const entity = this.model.entities[resource];
    if (!users || !entity) return [];
    const holders: { id: unknown }[] = await this.knex(users.resource).where(users.roleField, role).select('id').orderBy('id');
    const found: number[] = [];
    for (const holder of holders) {
      const user = await findSalesperson(this.knex, this.model, { id: Number(holder.id) });
      if (user && (await mayReadRecord(this.knex, this.model, user, entity.resource, recordId))) found.push(user.id);
    }
    return found;
  }
}

/** Whether `user`, with their own read scope, may read record `id` of the entity `resource`. */
export async function mayReadRecord(
  db: Db,
  model: SalesModel,
  user: Parameters<typeof addEntityScope>[4],
  resource: string,
  id: number,
): Promise<boolean> {
  const entity = model.entities[resource];
  if (!entity) return false;
  const query = db(entity.resource).select(`${entity.resource}.id`).where(`${entity.resource}.id`, id);
  addEntityScope(query, db as Knex, model, entity, user, 'read');
  return Boolean(await query.first());
}
