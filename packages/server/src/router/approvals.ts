/**
 * Approvals of workflow moves (`workflow.approvals`). A move that matches rules whose condition
 * holds does not happen at once: the record keeps its stage and one `sales_approvals` row per rule
 * is created (`pending`; `approved` straight away when the author holds the rule's role). When
 * the last pending approval of the request is approved the move is made, its gate and entry
 * checked again on the record as it is then; a rejection cancels the other pending approvals.
 */
import { inTransaction } from '../db/transactions.js';
import type { Knex } from 'knex';
import { labelOf, type EntityModel } from '@ra-sales/schema';
import { APPROVALS_TABLE, cancellation } from './approvalRows.js';
import type { RequestContext } from './context.js';
import type { Db, Row } from './types.js';
import { mayDecide } from './access.js';
import { writeAudit, writeHistory } from './audit.js';
import { followFacts } from './facts/settle.js';
import { HttpError, badRequest, conflict, forbidden, unprocessable } from './errors.js';
import { findReadable } from './reads.js';
import { phrase, resourceLabel } from './locale.js';
import { fieldsOfBody, normalizeRow, refuseChanges, requireObjectBody, sameValue, schemaView, toColumns } from './records.js';
import { applyComputed, loadLookups, markApprovalsInForce, ruleDocument } from './rules/index.js';
import { roleLabels } from './rules/labels.js';
import { APPROVALS } from './resources.js';
import { updateVersioned } from './rowWrites.js';
import { checkMove, missingAsErrors, nextStages, stageOf } from './workflow.js';
import type { NotifiedApproval } from './activities/notifications.js';

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';

function requestOf(db: Db, resource: string, recordId: number, from: string, to: string) {
  return db(APPROVALS_TABLE).where({ resource, record_id: recordId, from_stage: from, to_stage: to });
}

/** Every approval of the record's requests still in flight: the pending ones and those already given. */
export async function requestsInFlight(db: Db, ctx: RequestContext, resource: string, recordId: number): Promise<Row[]> {
  const rows = (await db(APPROVALS_TABLE)
    .where({ resource, record_id: recordId })
    .whereIn('status', ['pending', 'approved'])
    .whereNull('frozen')
    .orderBy('id')) as Record<string, unknown>[];
  const inFlight = new Set(rows.filter((row) => row.status === 'pending').map((row) => `${row.from_stage}>${row.to_stage}`));
  return rows
    .filter((row) => inFlight.has(`${row.from_stage}>${row.to_stage}`))
    .map((row) => normalizeRow(row, ctx.resources.get(APPROVALS)!));
}

/**
 * Creates the approvals a move needs (unless a request for the same move is already pending) and
 * answers how many are pending.
 */
export async function requestApprovals(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  recordId: number,
  from: string,
  to: string,
  ruleIndices: number[],
  comment: string | null,
): Promise<number> {
  const inFlight = await requestOf(db, entity.resource, recordId, from, to).where('status', 'pending').count({ n: '*' }).first();
  if (Number(inFlight?.n ?? 0) > 0) return Number(inFlight!.n);
  // Approvals left over from an earlier request for the same move that never completed (rejected,
  // or the record moved another way) belong to no request any more.
  await requestOf(db, entity.resource, recordId, from, to).where('status', 'approved').whereNull('frozen').update(cancellation(db));
  const rules = entity.workflow!.approvals;
  let pending = 0;
  for (const index of ruleIndices) {
    const rule = rules[index];
    const approvedByAuthor = ctx.user.roles.includes(rule.role);
    if (!approvedByAuthor) pending++;
    const [row] = await db(APPROVALS_TABLE)
      .insert({
        resource: entity.resource,
        record_id: recordId,
        from_stage: from,
        to_stage: to,
        role: rule.role,
        rule_index: index,
        label: JSON.stringify(rule.label ?? { en: `${rule.role} approval` }),
        status: approvedByAuthor ? 'approved' : 'pending',
        requested_by: ctx.user.id,
        decided_by: approvedByAuthor ? ctx.user.id : null,
        decided_at: approvedByAuthor ? (db as Knex).fn.now() : null,
        comment: approvedByAuthor ? comment : null,
      })
      .returning('*');
    await writeAudit(db, {
      resource: APPROVALS,
      recordId: Number(row.id),
      action: 'create',
      userId: ctx.user.id,
      before: null,
      after: row,
    });
    if (!approvedByAuthor) {
      ctx.notifications?.add(db, {
        type: 'approval_requested',
        resource: entity.resource,
        recordId,
        actorId: ctx.user.id,
        approval: notifiedApproval(row),
      });
    }
  }
  return pending;
}

/** An approval row as a notification names it. */
function notifiedApproval(row: Record<string, unknown>): NotifiedApproval {
  const label = typeof row.label === 'string' ? JSON.parse(row.label) : row.label;
  return {
    id: Number(row.id),
    role: String(row.role),
    label: (label as NotifiedApproval['label']) ?? null,
    from: (row.from_stage as string | null) ?? null,
    to: String(row.to_stage),
  };
}

/** Pending approvals of a record are void once it moves by another way. */
export async function cancelPending(db: Db, resource: string, recordId: number, userId: number): Promise<void> {
  await db(APPROVALS_TABLE).where({ resource, record_id: recordId, status: 'pending' }).update(cancellation(db, userId));
}

const DECISIONS = new Set(['approved', 'rejected']);
/** What a decision sets; every other member of the body may only echo the stored approval. */
const DECIDED_FIELDS = new Set(['status', 'comment', 'version', 'decided_by', 'decided_at', 'updated_at']);

/** "approved" / "批准": a status of an approval as the locale words it. */
function statusWord(locale: string, status: string): string {
  const key = `approvalStatus_${status}`;
  const word = phrase(locale, key, {});
  return word === key ? status : word;
}

/** `PUT /approvals/:id { status: "approved" | "rejected", comment }`. */
export async function decideApproval(ctx: RequestContext, id: number, body: unknown): Promise<Row> {
  const resource = ctx.resources.get(APPROVALS)!;
  const fields = fieldsOfBody(requireObjectBody(body, ctx.locale), resource, ctx.locale);
  return inTransaction(ctx.knex, async (trx) => {
    const approval = await findReadable(trx, ctx, resource, id, true);
    if ('version' in fields && !sameValue(fields.version, approval.version)) {
      throw conflict(phrase(ctx.locale, 'staleRecord', { entity: resourceLabel(resource, ctx.locale), id: String(id) }), {
        version: 'stale',
      });
    }
    const status = fields.status;
    if (typeof status !== 'string' || !DECISIONS.has(status)) {
      throw badRequest(phrase(ctx.locale, 'decisionInvalid', { field: phrase(ctx.locale, 'approvalStatusField', {}) }), {
        status: phrase(ctx.locale, 'ruleDecision', {}),
      });
    }
    const comment = fields.comment ?? null;
    if (comment !== null && (typeof comment !== 'string' || comment.length > 20000)) {
      throw badRequest(phrase(ctx.locale, 'mustBeText', { field: phrase(ctx.locale, 'approvalCommentField', {}) }), {
        comment: phrase(ctx.locale, 'ruleText', {}),
      });
    }
    refuseChanges(
      fields,
      approval,
      [...resource.columns.keys()].filter((c) => !DECIDED_FIELDS.has(c)),
      ctx.locale,
    );
    const named = { approval: resourceLabel(resource, ctx.locale), id: String(id) };
    if (approval.status !== 'pending') {
      const decidedAs = statusWord(ctx.locale, String(approval.status));
      throw conflict(phrase(ctx.locale, 'approvalAlready', { ...named, status: decidedAs }), {
        status: phrase(ctx.locale, 'ruleAlready', { status: decidedAs }),
      });
    }
    if (!mayDecide(ctx.user, String(approval.role))) {
      throw forbidden(
        phrase(ctx.locale, 'approvalNeedsRole', { ...named, role: roleLabels(ctx.model, [String(approval.role)], ctx.locale) }),
      );
    }
    await requireReadableRecord(trx, ctx, approval);

    const decided = await updateVersioned(trx, ctx, resource, id, Number(approval.version), {
      status,
      comment,
      decided_by: ctx.user.id,
      decided_at: trx.fn.now(),
    });
    await writeAudit(trx, { resource: APPROVALS, recordId: id, action: 'update', userId: ctx.user.id, before: approval, after: decided });
    ctx.notifications?.add(trx, {
      type: 'approval_decided',
      resource: String(approval.resource),
      recordId: Number(approval.record_id),
      actorId: ctx.user.id,
      requesterId: approval.requested_by == null ? null : Number(approval.requested_by),
      approval: { ...notifiedApproval(decided), status, comment: (comment as string | null) ?? null },
    });

    const request = () =>
      requestOf(trx, String(approval.resource), Number(approval.record_id), String(approval.from_stage), String(approval.to_stage));
    if (status === 'rejected') {
      await request().where('status', 'pending').update(cancellation(trx, ctx.user.id));
      return decided;
    }
    const stillPending = await request().where('status', 'pending').count({ n: '*' }).first();
    if (Number(stillPending?.n ?? 0) === 0) await completeMove(trx, ctx, decided);
    return decided;
  });
}

/** An approver decides only on records they may read (a manager, on their team's records). */
async function requireReadableRecord(trx: Knex.Transaction, ctx: RequestContext, approval: Row): Promise<void> {
  const resource = ctx.resources.get(String(approval.resource));
  if (!resource?.entity) return;
  try {
    await findReadable(trx, ctx, resource, Number(approval.record_id));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      const named = { approval: resourceLabel(ctx.resources.get(APPROVALS)!, ctx.locale), id: String(approval.id) };
      throw forbidden(phrase(ctx.locale, 'approvalHiddenRecord', named));
    }
    throw error;
  }
}

/** Every approval of the request given: the record takes the move it waited for. */
async function completeMove(trx: Knex.Transaction, ctx: RequestContext, approval: Row): Promise<void> {
  const entity = ctx.model.entities[String(approval.resource)];
  const resource = ctx.resources.get(entity?.resource ?? '');
  if (!entity?.workflow || !resource) {
    const named = { approval: resourceLabel(ctx.resources.get(APPROVALS)!, ctx.locale), id: String(approval.id) };
    throw conflict(phrase(ctx.locale, 'approvalUnknownResource', named));
  }
  const workflow = entity.workflow;
  const from = String(approval.from_stage);
  const to = String(approval.to_stage);
  const stageName = (stage: string) => labelOf(stageOf(workflow, stage)?.label, ctx.locale) || stage;
  const entityName = resourceLabel(resource, ctx.locale);
  const row = await trx(resource.table).where('id', Number(approval.record_id)).forUpdate().first();
  if (!row) throw conflict(phrase(ctx.locale, 'recordGone', { entity: entityName, id: String(approval.record_id) }));
  const record = normalizeRow(row, resource);
  if (record[workflow.field] !== from) {
    throw conflict(phrase(ctx.locale, 'noLongerIn', { entity: entityName, id: String(record.id), stage: stageName(from) }), {
      [workflow.field]: phrase(ctx.locale, 'ruleStageChanged', {}),
    });
  }
  if (!nextStages(workflow, from).includes(to))
    throw conflict(phrase(ctx.locale, 'moveGone', { from: stageName(from), to: stageName(to) }));
  // The approved move is judged on the facts of now: lookups read again, computed values refreshed.
  const lookups = await loadLookups(trx, ctx, entity, record);
  const computed = applyComputed(entity, record, {}, record, lookups, ctx.locale);
  const check = checkMove(
    entity,
    ctx.validators[entity.resource],
    ruleDocument(schemaView(computed, entity), lookups),
    from,
    to,
    ctx.locale,
  );
  if (!check.allowed) {
    throw unprocessable(
      phrase(ctx.locale, 'cannotMoveYet', { entity: entityName, id: String(record.id), stage: check.label }),
      missingAsErrors(check.missing),
      {
        missing: check.missing,
      },
    );
  }
  const refreshed = toColumns(
    Object.fromEntries(entity.fields.filter((f) => f.computed !== undefined).map((f) => [f.name, computed[f.name]])),
    entity,
  );
  const moved = await updateVersioned(trx, ctx, resource, record.id, Number(record.version), { ...refreshed, [workflow.field]: to }, true);
  await markApprovalsInForce(trx, entity, record.id, from, to, moved);
  const reason = workflow.reasonField ? (record[workflow.reasonField] as string | null) : null;
  await writeHistory(trx, {
    resource: resource.name,
    recordId: record.id,
    from,
    to,
    userId: ctx.user.id,
    comment: (approval.comment as string | null) ?? reason ?? null,
  });
  await writeAudit(trx, {
    resource: resource.name,
    recordId: record.id,
    action: 'transition',
    userId: ctx.user.id,
    before: record,
    after: moved,
  });
  await followFacts(trx, ctx, resource, record, moved);
}
