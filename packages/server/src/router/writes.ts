/**
 * create, update (with workflow transitions) and delete of entity records. Each runs in one
 * transaction that also writes its audit row (and history row for a transition); any error rolls
 * everything back.
 */
import type { Knex } from 'knex';
import { labelOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import type { Row } from './types.js';
import { scopeOf } from './access.js';
import { cancelPending, requestApprovals } from './approvals.js';
import { writeAudit, writeHistory } from './audit.js';
import { badRequest, conflict, forbidden, unprocessable } from './errors.js';
import { phrase } from './locale.js';
import { checkOwner, defaultOwner } from './ownership.js';
import { findReadable, isWritable } from './reads.js';
import { checkReferences } from './references.js';
import {
  commentOf,
  fieldsOfBody,
  normalizeRow,
  refuseChanges,
  requireObjectBody,
  sameValue,
  serverOwnedFields,
  toColumns,
  validateRecord,
} from './records.js';
import { updateVersioned } from './rowWrites.js';
import { checkMove, missingAsErrors, nextStages, stageOf } from './workflow.js';

export interface WriteResult {
  record: Row;
  /** 202: saved, but the requested move waits for approval. */
  status: 200 | 201 | 202;
}

function requireWriteScope(ctx: RequestContext, entity: EntityModel): void {
  if (scopeOf(entity, ctx.user, 'write') === 'none') throw forbidden(`You may not change ${entity.resource}`);
}

/** Read-scoped, locked, and writable, or 404 / 403. */
async function lockForWrite(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, id: number): Promise<Row> {
  const row = await findReadable(trx, ctx, resource, id, true);
  if (!(await isWritable(trx, ctx, resource, id))) throw forbidden(`You may not change ${resource.name} ${id}`);
  return row;
}

export async function createRecord(ctx: RequestContext, resource: ResourceInfo, body: unknown): Promise<WriteResult> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  const raw = requireObjectBody(body);
  const fields = fieldsOfBody(raw, resource);
  refuseChanges(fields, {}, serverOwnedFields(entity));
  const workflow = entity.workflow;
  if (workflow) {
    const stage = fields[workflow.field];
    if (stage !== undefined && stage !== null && stage !== workflow.initial) {
      throw badRequest(`A new record starts in ${workflow.initial}`, { [workflow.field]: `must be ${workflow.initial} on create` });
    }
    fields[workflow.field] = workflow.initial;
  }
  defaultOwner(ctx, entity, fields);
  const values = validateRecord(fields, entity, ctx.validators[entity.resource]);
  return ctx.knex.transaction(async (trx) => {
    await checkOwner(trx, ctx, entity, fields);
    await checkReferences(trx, ctx.model, ctx.resources, entity, values, {}, ctx.user);
    const [inserted] = await trx(resource.table).insert(toColumns(values, entity)).returning('*');
    const record = normalizeRow(inserted, resource);
    await writeAudit(trx, { resource: resource.name, recordId: record.id, action: 'create', userId: ctx.user.id, before: null, after: record });
    if (workflow) {
      await writeHistory(trx, { resource: resource.name, recordId: record.id, from: null, to: workflow.initial, userId: ctx.user.id, comment: commentOf(raw) });
    }
    return { record, status: 201 };
  });
}

/** Fields of the stored record as a client would send them back. */
function editableView(row: Row, entity: EntityModel): Record<string, unknown> {
  return Object.fromEntries(entity.fields.map((f) => [f.name, row[f.name] ?? null]));
}

/**
 * PUT: the body (whole or partial) merged over the stored record. A changed workflow field is a
 * transition: it must be a listed move, the gate of the stage left forward and the entry of the
 * stage entered must hold on the merged record, and matching approval rules hold the move back
 * (202, the other changes saved).
 */
export async function updateRecord(ctx: RequestContext, resource: ResourceInfo, id: number, body: unknown): Promise<WriteResult> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  const raw = requireObjectBody(body);
  const fields = fieldsOfBody(raw, resource);
  const comment = commentOf(raw);
  return ctx.knex.transaction(async (trx) => {
    const stored = await lockForWrite(trx, ctx, resource, id);
    if ('version' in fields && !sameValue(fields.version, stored.version)) {
      throw conflict(`${resource.name} ${id} was changed by someone else; reload it and try again`, { version: 'stale' });
    }
    refuseChanges(fields, stored, serverOwnedFields(entity));
    await checkOwner(trx, ctx, entity, fields, stored);
    const before = editableView(stored, entity);
    const merged = { ...before, ...fields };
    const workflow = entity.workflow;
    const from = workflow ? String(stored[workflow.field]) : '';
    const to = workflow ? merged[workflow.field] : undefined;
    const moving = workflow !== undefined && !sameValue(to, from);

    if (moving) {
      const allowed = nextStages(workflow, from);
      if (typeof to !== 'string' || !allowed.includes(to)) {
        const names = allowed.map((s) => labelOf(stageOf(workflow, s)?.label, ctx.locale));
        throw conflict(
          `${labelOf(stageOf(workflow, from)?.label, ctx.locale)} can move to ${names.join(', ') || 'no other stage'} only`,
          { [workflow.field]: `allowed: ${allowed.join(', ')}` },
          { allowed },
        );
      }
    }
    const values = validateRecord(merged, entity, ctx.validators[entity.resource]);
    await checkReferences(trx, ctx.model, ctx.resources, entity, values, before, ctx.user);

    if (!moving) {
      const record = await updateVersioned(trx, ctx, resource, id, Number(stored.version), toColumns(values, entity));
      await writeAudit(trx, { resource: resource.name, recordId: id, action: 'update', userId: ctx.user.id, before: stored, after: record });
      return { record, status: 200 };
    }

    const target = to as string;
    const check = checkMove(entity, ctx.validators[entity.resource], values, from, target, ctx.locale);
    if (!check.allowed) {
      const missing = check.missing.map((m) => m.label).join(ctx.locale.startsWith('zh') ? '、' : ', ');
      throw unprocessable(phrase(ctx.locale, 'cannotMove', { stage: check.label, missing }), missingAsErrors(check.missing), {
        missing: check.missing,
      });
    }
    if (check.approvalRules.length) {
      const pending = await requestApprovals(trx, ctx, entity, id, from, target, check.approvalRules, comment);
      if (pending > 0) {
        const record = await updateVersioned(trx, ctx, resource, id, Number(stored.version), toColumns({ ...values, [workflow!.field]: from }, entity));
        await writeAudit(trx, { resource: resource.name, recordId: id, action: 'update', userId: ctx.user.id, before: stored, after: record });
        return { record, status: 202 };
      }
    }
    const record = await updateVersioned(trx, ctx, resource, id, Number(stored.version), toColumns(values, entity));
    const reasonField = workflow!.reasonField;
    const reason =
      reasonField && (!sameValue(values[reasonField], before[reasonField]) || stageOf(workflow!, target)?.kind === 'lost')
        ? ((values[reasonField] as string | undefined) ?? null)
        : null;
    await cancelPending(trx, resource.name, id, ctx.user.id);
    await writeHistory(trx, { resource: resource.name, recordId: id, from, to: target, userId: ctx.user.id, comment: comment ?? reason });
    await writeAudit(trx, { resource: resource.name, recordId: id, action: 'transition', userId: ctx.user.id, before: stored, after: record });
    return { record, status: 200 };
  });
}

/** Other entities' references to a record; a record still referenced is not deleted (409). */
async function referencedBy(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, id: number): Promise<string[]> {
  const users: string[] = [];
  for (const other of Object.values(ctx.model.entities)) {
    for (const field of other.fields) {
      if (field.kind !== 'reference' || field.ref !== resource.name) continue;
      if (await trx(other.resource).select('id').where(field.name, id).first()) users.push(`${other.resource}.${field.name}`);
    }
  }
  return users;
}

export async function deleteRecord(ctx: RequestContext, resource: ResourceInfo, id: number): Promise<WriteResult> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  return ctx.knex.transaction(async (trx) => {
    const stored = await lockForWrite(trx, ctx, resource, id);
    const users = await referencedBy(trx, ctx, resource, id);
    if (users.length) {
      throw conflict(`${resource.name} ${id} is still referenced by ${users.join(', ')}`, { id: `referenced by ${users.join(', ')}` });
    }
    await trx(resource.table).where('id', id).where('version', stored.version as number).delete();
    await cancelPending(trx, resource.name, id, ctx.user.id);
    await writeAudit(trx, { resource: resource.name, recordId: id, action: 'delete', userId: ctx.user.id, before: stored, after: null });
    return { record: stored, status: 200 };
  });
}
