/**
 * What an approval decides stays decided. While a request is in flight (one of its approvals is
 * pending) the fields its rules freeze cannot change. Once the approved move is made, the frozen
 * values are kept on the approval rows; changing one voids them, and the record goes back to the
 * stage the approved move left, so it needs the approval again before it can go on.
 */
import { isForward } from '../workflow.js';
import { frozenByRequests, labelOf, type ApprovalRule, type ApprovalState, type EntityModel, type Labels } from '@ra-sales/schema';
import { APPROVALS_TABLE, cancellation } from '../approvalRows.js';
import type { RequestContext } from '../context.js';
import { conflict } from '../errors.js';
import { phrase } from '../locale.js';
import type { Db } from '../types.js';
import { writeHistory } from '../audit.js';
import { sameValue } from '../records.js';
import { joinLabels, joinWords } from './labels.js';

interface ApprovalRow extends ApprovalState {
  id: number;
  from_stage: string;
  label: unknown;
  frozen: unknown;
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'string' ? JSON.parse(value) : ((value as Record<string, unknown> | null) ?? null);

function ruleOf(entity: EntityModel, row: ApprovalRow): ApprovalRule | undefined {
  return entity.workflow?.approvals[Number(row.rule_index)];
}

function approvalLabel(entity: EntityModel, row: ApprovalRow, locale: string): string {
  const label = asObject(row.label) as Labels | null;
  return label ? labelOf(label, locale) : (ruleOf(entity, row)?.role ?? '');
}

async function liveApprovals(db: Db, resource: string, recordId: number): Promise<ApprovalRow[]> {
  return (await db(APPROVALS_TABLE)
    .where({ resource, record_id: recordId })
    .whereIn('status', ['pending', 'approved'])
    .orderBy('id')) as ApprovalRow[];
}

export interface ApprovalVoid {
  /** Stage the record goes back to, when it is ahead of it. */
  backTo: string | undefined;
  rows: ApprovalRow[];
  comment: string;
}

/**
 * Refuses a change of frozen fields while their request is pending (unless the save moves the
 * record elsewhere, which cancels the request), and answers which effective approvals the change voids.
 */
export async function checkFrozen(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  recordId: number,
  stored: Record<string, unknown>,
  next: Record<string, unknown>,
  target: string | undefined,
): Promise<ApprovalVoid | undefined> {
  const workflow = entity.workflow;
  if (!workflow?.approvals.length) return undefined;
  const changed = (fields: string[]) => fields.filter((f) => f in next && !sameValue(next[f], stored[f]));
  // A save that changes nothing an approval decides needs no look at the approvals.
  if (!changed([...new Set(workflow.approvals.flatMap((rule) => rule.freezes))]).length) return undefined;
  const rows = await liveApprovals(db, entity.resource, recordId);
  if (!rows.length) return undefined;

  const frozenNow: Record<string, string> = {};
  for (const [field, by] of frozenByRequests(workflow, rows, target)) {
    if (changed([field]).length)
      frozenNow[field] = phrase(ctx.locale, 'frozenPending', { approval: approvalLabel(entity, by[0], ctx.locale) });
  }
  if (Object.keys(frozenNow).length) {
    throw conflict(phrase(ctx.locale, 'frozenRefused', { fields: joinLabels(entity, Object.keys(frozenNow), ctx.locale) }), frozenNow);
  }

  const voided = rows.filter(
    (r) => r.status === 'approved' && r.frozen !== null && changed(Object.keys(asObject(r.frozen) ?? {})).length > 0,
  );
  if (!voided.length) return undefined;
  const fields = [...new Set(voided.flatMap((r) => changed(Object.keys(asObject(r.frozen) ?? {}))))];
  if (target !== undefined) {
    // Going back out of the stage the approvals let the record into retires them anyway (a reversal).
    const stage = String(stored[workflow.field]);
    if (!isForward(workflow, stage, target) && voided.every((r) => r.to_stage === stage)) return undefined;
    throw conflict(
      phrase(ctx.locale, 'voidThenMove', { fields: joinLabels(entity, fields, ctx.locale) }),
      Object.fromEntries(fields.map((f) => [f, phrase(ctx.locale, 'voidsApproval', {})])),
    );
  }
  const current = workflow.stages.find((s) => s.id === stored[workflow.field]);
  const earliest = voided
    .map((r) => workflow.stages.find((s) => s.id === r.from_stage))
    .filter((s) => s !== undefined)
    .sort((a, b) => a.order - b.order)[0];
  const backTo = current && current.kind !== 'lost' && earliest && earliest.id !== current.id ? earliest.id : undefined;
  const approvals = joinWords([...new Set(voided.map((r) => approvalLabel(entity, r, ctx.locale)))], ctx.locale);
  const stageLabel = earliest ? labelOf(earliest.label, ctx.locale) : '';
  const comment = phrase(ctx.locale, backTo ? 'approvalVoidedBack' : 'approvalVoided', {
    approvals,
    fields: joinLabels(entity, fields, ctx.locale),
    stage: stageLabel,
  });
  return { backTo, rows: voided, comment };
}

/** Marks the voided approvals and writes the history row that says why. */
export async function applyVoid(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  recordId: number,
  from: string,
  voiding: ApprovalVoid,
): Promise<void> {
  await db(APPROVALS_TABLE)
    .whereIn(
      'id',
      voiding.rows.map((r) => r.id),
    )
    .update(cancellation(db, ctx.user.id, voiding.comment));
  await writeHistory(db, {
    resource: entity.resource,
    recordId,
    from,
    to: voiding.backTo ?? from,
    userId: ctx.user.id,
    comment: voiding.comment,
  });
}

/** The approved move was made: its approvals now hold the values they decided. */
export async function markApprovalsInForce(
  db: Db,
  entity: EntityModel,
  recordId: number,
  from: string,
  to: string,
  record: Record<string, unknown>,
): Promise<void> {
  const rows = (await db(APPROVALS_TABLE)
    .where({ resource: entity.resource, record_id: recordId, from_stage: from, to_stage: to, status: 'approved' })
    .whereNull('frozen')) as ApprovalRow[];
  for (const row of rows) {
    const frozen = Object.fromEntries((ruleOf(entity, row)?.freezes ?? []).map((f) => [f, record[f] ?? null]));
    await db(APPROVALS_TABLE)
      .where('id', row.id)
      .update({ frozen: JSON.stringify(frozen) });
  }
}

/**
 * Approvals of moves the record has gone back behind are no longer in force: moving back to the
 * stage an approved move left, or before it, means the move needs approving again.
 */
export async function retireApprovalsBehind(db: Db, entity: EntityModel, recordId: number, to: string): Promise<void> {
  const workflow = entity.workflow!;
  const target = workflow.stages.find((s) => s.id === to);
  if (target?.kind !== 'open') return;
  const behind = workflow.stages.filter((s) => s.kind === 'open' && s.order >= target.order).map((s) => s.id);
  await db(APPROVALS_TABLE)
    .where({ resource: entity.resource, record_id: recordId, status: 'approved' })
    .whereNotNull('frozen')
    .whereIn('from_stage', behind)
    .update(cancellation(db));
}
