/**
 * create, update (with workflow transitions) and delete of entity records. Each runs in one
 * transaction that also writes its audit row (and history row for a transition); any error rolls
 * everything back.
 */
import { inTransaction } from '../db/transactions.js';
import type { Knex } from 'knex';
import { initialStageOf, labelOf, lockedStage, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import type { Row } from './types.js';
import { scopeOf } from './access.js';
import { cancelPending, requestApprovals } from './approvals.js';
import { writeAudit, writeHistory, type AuditEntry, type HistoryEntry } from './audit.js';
import { badRequest, conflict, forbidden, unprocessable } from './errors.js';
import { listWords, phrase, resourceLabel } from './locale.js';
import { checkOwner, defaultOwner } from './ownership.js';
import { findReadable, isWritable } from './reads.js';
import { checkReferences } from './references.js';
import { insertRow } from './compiledStatements.js';
import {
  commentOf,
  editableView,
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
import { presetStageProbability } from './stageFigures.js';
import { followFacts } from './facts/settle.js';
import { pipelineMove, pipelineNames } from './pipelineSwitch.js';
import { checkMove, missingAsErrors, nextStages, stageOf } from './workflow.js';
import {
  applyComputed,
  applyVoid,
  assignSequences,
  drawSequencesAhead,
  provisionalSequences,
  changedFields,
  checkFieldRights,
  checkFrozen,
  checkLockOnDelete,
  checkLockOnUpdate,
  checkRefWhere,
  checkUnique,
  checkValidations,
  refusingDuplicates,
  loadLookups,
  markApprovalsInForce,
  refuseEmptiedRequired,
  retireApprovalsBehind,
  ruleDocument,
  withoutEmptyCells,
} from './rules/index.js';

export interface WriteResult {
  record: Row;
  /** 202: saved, but the requested move waits for approval. */
  status: 200 | 201 | 202;
}

export function requireWriteScope(ctx: RequestContext, entity: EntityModel): void {
  if (scopeOf(entity, ctx.user, 'write') === 'none')
    throw forbidden(phrase(ctx.locale, 'mayNotChangeAny', { entity: labelOf(entity.pluralLabel, ctx.locale) }));
}

/** Read-scoped, locked, and writable, or 404 / 403. */
async function lockForWrite(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, id: number): Promise<Row> {
  const row = await findReadable(trx, ctx, resource, id, true);
  if (!(await isWritable(trx, ctx, resource, id)))
    throw forbidden(phrase(ctx.locale, 'mayNotChangeRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }));
  return row;
}

export async function createRecord(ctx: RequestContext, resource: ResourceInfo, body: unknown): Promise<WriteResult> {
  const attempt: { record?: Record<string, unknown> } = {};
  const prepared = await prepareCreate(ctx, ctx.knex, resource, body);
  return refusingDuplicates(ctx, resource.entity!, attempt, () =>
    inTransaction(ctx.knex, (trx) => insertPrepared(trx, ctx, resource, prepared, attempt)),
  );
}

/** A create inside a transaction already open (an action creating the next documents). */
export async function createWithin(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  body: unknown,
): Promise<WriteResult> {
  const attempt: { record?: Record<string, unknown> } = {};
  const prepared = await prepareCreate(ctx, trx, resource, body);
  return insertPrepared(trx, ctx, resource, prepared, attempt, true);
}

export interface PreparedCreate {
  raw: Record<string, unknown>;
  fields: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

/** The checks a create needs before its transaction; numbers of sequences are drawn with `db`. */
async function prepareCreate(ctx: RequestContext, db: Knex, resource: ResourceInfo, body: unknown): Promise<PreparedCreate> {
  requireWriteScope(ctx, resource.entity!);
  const prepared = createFields(ctx, resource, body);
  await drawSequencesAhead(db, resource.entity!, prepared.fields);
  return prepared;
}

/**
 * What a create takes from its body alone, with no statement: the fields sent (none the server
 * owns), the initial stage, the owner, the rights of the fields written, the stage's probability.
 */
export function createFields(ctx: RequestContext, resource: ResourceInfo, body: unknown): PreparedCreate {
  const entity = resource.entity!;
  const raw = requireObjectBody(body, ctx.locale);
  const fields = fieldsOfBody(raw, resource, ctx.locale);
  refuseChanges(fields, {}, serverOwnedFields(entity), ctx.locale, entity);
  const workflow = entity.workflow;
  if (workflow) {
    const stage = fields[workflow.field];
    const start = initialStageOf(workflow, fields);
    if (stage !== undefined && stage !== null && stage !== start) {
      const initial = labelOf(stageOf(workflow, start)?.label, ctx.locale);
      throw badRequest(phrase(ctx.locale, 'startsInInitial', { stage: initial }), {
        [workflow.field]: phrase(ctx.locale, 'mustStartIn', { stage: initial }),
      });
    }
    fields[workflow.field] = start;
  }
  defaultOwner(ctx, entity, fields);
  const defaults = schemaDefaults(entity);
  checkFieldRights(ctx.model, entity, ctx.user, fields, defaults, fields, ctx.locale);
  presetStageProbability(entity, fields);
  return { raw, fields, defaults };
}

const defaultsOf = new WeakMap<EntityModel, Record<string, unknown>>();

/** The schema defaults of the entity's fields: a default sent back by a create form is not a write of that field. */
function schemaDefaults(entity: EntityModel): Record<string, unknown> {
  let defaults = defaultsOf.get(entity);
  if (!defaults) {
    defaults = Object.freeze(Object.fromEntries(entity.fields.filter((f) => f.default !== undefined).map((f) => [f.name, f.default])));
    defaultsOf.set(entity, defaults);
  }
  return defaults;
}

/** The record a create stores, from its fields (empty cells dropped) and lookups: computed, validated, `x-validate` judged. */
export function createValues(
  ctx: RequestContext,
  entity: EntityModel,
  cleaned: Record<string, unknown>,
  fields: Record<string, unknown>,
  lookups: Record<string, unknown>,
): Record<string, unknown> {
  const values = validateRecord(
    applyComputed(entity, cleaned, fields, {}, lookups, ctx.locale),
    entity,
    ctx.validators[entity.resource],
    ctx.locale,
  );
  checkValidations(entity, ruleDocument(values, lookups), ctx.locale);
  return values;
}

/** The audit row of a created record, and its first history row when it has a workflow. */
export function createdJournal(
  ctx: RequestContext,
  resource: ResourceInfo,
  record: Row,
  raw: Record<string, unknown>,
): { audit: AuditEntry; history?: HistoryEntry } {
  const workflow = resource.entity!.workflow;
  const userId = ctx.user.id;
  return {
    audit: { resource: resource.name, recordId: record.id, action: 'create', userId, before: null, after: record },
    history: workflow && {
      resource: resource.name,
      recordId: record.id,
      from: null,
      to: String(record[workflow.field]),
      userId,
      comment: commentOf(raw, ctx.locale),
    },
  };
}

async function insertPrepared(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  { raw, fields, defaults }: PreparedCreate,
  attempt: { record?: Record<string, unknown> },
  /** Inside a larger transaction a duplicate is named before the insert: after it, the transaction is lost. */
  uniqueFirst = false,
): Promise<WriteResult> {
  const entity = resource.entity!;
  await checkOwner(trx, ctx, entity, fields);
  const numbered = provisionalSequences(entity, fields);
  const cleaned = withoutEmptyCells(entity, { ...defaults, ...fields });
  const lookups = await loadLookups(trx, ctx, entity, cleaned);
  const values = createValues(ctx, entity, cleaned, fields, lookups);
  await checkReferences(trx, ctx.model, ctx.resources, entity, values, {}, ctx.user, ctx.locale);
  await checkRefWhere(trx, ctx, entity, values, {});
  attempt.record = values;
  if (uniqueFirst) await checkUnique(trx, ctx, entity, values, undefined);
  await assignSequences(trx, entity, values, numbered);
  const [inserted] = await insertRow(trx, resource, resource.table, toColumns(values, entity), true);
  const record = normalizeRow(inserted, resource);
  const journal = createdJournal(ctx, resource, record, raw);
  await writeAudit(trx, journal.audit);
  if (journal.history) await writeHistory(trx, journal.history);
  return { record: (await followFacts(trx, ctx, resource, null, record))!, status: 201 };
}

/**
 * PUT: the body (whole or partial) merged over the stored record. A changed workflow field is a
 * transition: it must be a listed move, the gate of the stage left forward and the entry of the
 * stage entered must hold on the merged record, and matching approval rules hold the move back
 * (202, the other changes saved).
 */
export async function updateRecord(ctx: RequestContext, resource: ResourceInfo, id: number, body: unknown): Promise<WriteResult> {
  const attempt: UpdateAttempt = {};
  return refusingDuplicates(ctx, resource.entity!, attempt, () =>
    inTransaction(ctx.knex, (trx) => updateWithin(trx, ctx, resource, id, body, attempt)),
  );
}

type UpdateAttempt = { record?: Record<string, unknown>; stored?: Record<string, unknown> };

/** An update inside a transaction already open (the record an action was run on). */
export async function updateWithin(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  id: number,
  body: unknown,
  attempt: UpdateAttempt = {},
): Promise<WriteResult> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  const raw = requireObjectBody(body, ctx.locale);
  const fields = fieldsOfBody(raw, resource, ctx.locale);
  const comment = commentOf(raw, ctx.locale);
  const stored = await lockForWrite(trx, ctx, resource, id);
  if ('version' in fields && !sameValue(fields.version, stored.version)) {
    throw conflict(phrase(ctx.locale, 'staleRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }), {
      version: 'stale',
    });
  }
  refuseChanges(fields, stored, serverOwnedFields(entity), ctx.locale, entity);
  await checkOwner(trx, ctx, entity, fields, stored);
  const before = editableView(stored, entity);
  const merged = { ...before, ...fields };
  const workflow = entity.workflow;
  const switched = pipelineMove(ctx, entity, stored, merged);
  if (switched) merged[workflow!.field] = switched.stage;
  const from = workflow ? String(stored[workflow.field]) : '';
  const to = workflow ? merged[workflow.field] : undefined;
  const moving = workflow !== undefined && !sameValue(to, from);

  if (moving && !switched) {
    const allowed = nextStages(workflow, from);
    if (typeof to !== 'string' || !allowed.includes(to)) {
      const names = allowed.map((s) => labelOf(stageOf(workflow, s)?.label, ctx.locale));
      const stage = labelOf(stageOf(workflow, from)?.label, ctx.locale);
      const stages = listWords(ctx.locale, names);
      throw conflict(
        phrase(ctx.locale, names.length ? 'moveOnlyTo' : 'moveNowhere', { stage, stages }),
        { [workflow.field]: phrase(ctx.locale, names.length ? 'movesAllowed' : 'moveNowhere', { stage, stages }) },
        { allowed },
      );
    }
  }
  checkLockOnUpdate(ctx.model, entity, ctx.user, stored, changedFields(entity, fields, before), moving, comment, ctx.locale);
  checkFieldRights(ctx.model, entity, ctx.user, fields, before, stored, ctx.locale);
  refuseEmptiedRequired(entity, fields, ctx.locale);
  const cleaned = withoutEmptyCells(entity, merged);
  const lookups = await loadLookups(trx, ctx, entity, { ...cleaned, id });
  const computed = applyComputed(entity, cleaned, fields, before, lookups, ctx.locale);
  const voiding = await checkFrozen(trx, ctx, entity, id, before, computed, moving ? (to as string) : undefined);
  if (voiding?.backTo) computed[workflow!.field] = voiding.backTo;
  const values = validateRecord(computed, entity, ctx.validators[entity.resource], ctx.locale);
  checkValidations(entity, ruleDocument(values, lookups), ctx.locale);
  await checkReferences(trx, ctx.model, ctx.resources, entity, values, before, ctx.user, ctx.locale);
  await checkRefWhere(trx, ctx, entity, values, before);
  Object.assign(attempt, { record: values, stored });

  if (!moving) {
    const record = await updateVersioned(trx, ctx, resource, id, Number(stored.version), toColumns(values, entity));
    if (voiding) {
      await applyVoid(trx, ctx, entity, id, from, voiding);
      if (voiding.backTo) await retireApprovalsBehind(trx, entity, id, voiding.backTo);
    }
    await writeAudit(trx, { resource: resource.name, recordId: id, action: 'update', userId: ctx.user.id, before: stored, after: record });
    return { record: (await followFacts(trx, ctx, resource, stored, record))!, status: 200 };
  }

  const target = to as string;
  const check = checkMove(entity, ctx.validators[entity.resource], ruleDocument(values, lookups), from, target, ctx.locale, !!switched);
  if (!check.allowed) {
    const missing = listWords(
      ctx.locale,
      check.missing.map((m) => m.label),
    );
    throw unprocessable(phrase(ctx.locale, 'cannotMove', { stage: check.label, missing }), missingAsErrors(check.missing), {
      missing: check.missing,
    });
  }
  // Reversing a lock is the reversal role's own decision: the approvals of the forward path do not apply.
  const reversal = lockedStage(entity, stored) !== undefined;
  if (check.approvalRules.length && !reversal) {
    const pending = await requestApprovals(trx, ctx, entity, id, from, target, check.approvalRules, comment);
    if (pending > 0) {
      const record = await updateVersioned(
        trx,
        ctx,
        resource,
        id,
        Number(stored.version),
        toColumns({ ...values, [workflow!.field]: from }, entity),
      );
      await writeAudit(trx, {
        resource: resource.name,
        recordId: id,
        action: 'update',
        userId: ctx.user.id,
        before: stored,
        after: record,
      });
      return { record: (await followFacts(trx, ctx, resource, stored, record))!, status: 202 };
    }
  }
  const record = await updateVersioned(trx, ctx, resource, id, Number(stored.version), toColumns(values, entity));
  const reasonField = workflow!.reasonField;
  const reason =
    reasonField && (!sameValue(values[reasonField], before[reasonField]) || stageOf(workflow!, target)?.kind === 'lost')
      ? ((values[reasonField] as string | undefined) ?? null)
      : null;
  await cancelPending(trx, resource.name, id, ctx.user.id);
  await retireApprovalsBehind(trx, entity, id, target);
  if (check.approvalRules.length && !reversal) await markApprovalsInForce(trx, entity, id, from, target, values);
  const switchComment = switched && phrase(ctx.locale, 'switchedPipeline', pipelineNames(entity, switched, ctx.locale));
  await writeHistory(trx, {
    resource: resource.name,
    recordId: id,
    from,
    to: target,
    userId: ctx.user.id,
    comment: comment ?? reason ?? switchComment ?? null,
  });
  await writeAudit(trx, {
    resource: resource.name,
    recordId: id,
    action: 'transition',
    userId: ctx.user.id,
    before: stored,
    after: record,
  });
  return { record: (await followFacts(trx, ctx, resource, stored, record))!, status: 200 };
}

/** Other entities' references to a record; a record still referenced is not deleted (409). */
async function referencedBy(trx: Knex.Transaction, ctx: RequestContext, resource: ResourceInfo, id: number): Promise<string[]> {
  const users: string[] = [];
  for (const other of Object.values(ctx.model.entities)) {
    for (const field of other.fields) {
      if (field.kind !== 'reference' || field.ref !== resource.name) continue;
      if (await trx(other.resource).select('id').where(field.name, id).first()) {
        users.push(
          phrase(ctx.locale, 'referencingField', { entity: labelOf(other.label, ctx.locale), field: labelOf(field.label, ctx.locale) }),
        );
      }
    }
  }
  return users;
}

export async function deleteRecord(ctx: RequestContext, resource: ResourceInfo, id: number): Promise<WriteResult> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  return inTransaction(ctx.knex, async (trx) => {
    const stored = await lockForWrite(trx, ctx, resource, id);
    checkLockOnDelete(ctx.model, entity, stored, ctx.locale);
    const users = await referencedBy(trx, ctx, resource, id);
    if (users.length) {
      const list = listWords(ctx.locale, users);
      throw conflict(phrase(ctx.locale, 'stillReferenced', { entity: resourceLabel(resource, ctx.locale), id: String(id), users: list }), {
        id: phrase(ctx.locale, 'referencedBy', { users: list }),
      });
    }
    await trx(resource.table)
      .where('id', id)
      .where('version', stored.version as number)
      .delete();
    await cancelPending(trx, resource.name, id, ctx.user.id);
    await writeAudit(trx, { resource: resource.name, recordId: id, action: 'delete', userId: ctx.user.id, before: stored, after: null });
    await followFacts(trx, ctx, resource, stored, null);
    return { record: stored, status: 200 };
  });
}
