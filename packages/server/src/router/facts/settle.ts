/**
 * Facts the server keeps, inside the write's transaction: after a record is written its computed
 * values are refreshed, its automatic moves (`"auto": true` transitions) are taken, and the
 * records that roll it up are refreshed the same way, up the chain.
 */
import { computeRecord, holds, isComputedField, type EntityModel, type ValidationRule } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import type { Db, Row } from '../types.js';
import { cancelPending, requestApprovals } from '../approvals.js';
import { writeAudit, writeHistory } from '../audit.js';
import { phrase, resourceLabel } from '../locale.js';
import { editableView, normalizeRow, sameValue, schemaView, toColumns } from '../records.js';
import { updateVersioned } from '../rowWrites.js';
import { checkMove } from '../workflow.js';
import {
  checkValidations,
  loadLookups,
  markApprovalsInForce,
  retireApprovalsBehind,
  ruleDocument,
  withoutEmptyCells,
} from '../rules/index.js';
import { dependentsOf, parentIds } from './dependents.js';

/** How far a chain of roll-ups is followed (collection → contract → opportunity → …). */
const MAX_DEPTH = 6;

/**
 * After a write of `resource` (`before` null on create, `after` null on delete): the record's own
 * automatic moves, then every record rolling it up. Answers the record as it ends up.
 */
export async function followFacts(
  db: Db,
  ctx: RequestContext,
  resource: ResourceInfo,
  before: Row | null,
  after: Row | null,
): Promise<Row | null> {
  // The record was just computed and validated: only its automatic moves are left to take.
  const settled =
    after && mayMoveOnItsOwn(resource.entity!, after, before === null) ? await settle(db, ctx, resource, after, before !== null) : after;
  await refreshParents(db, ctx, resource.entity!, before, settled, 0);
  return settled;
}

/**
 * Whether the record just written may take an automatic move. A new record stands in its initial
 * stage, computed a moment ago from the same lookups: settling it again changes nothing unless an
 * automatic move leaves that stage.
 */
function mayMoveOnItsOwn(entity: EntityModel, record: Row, created: boolean): boolean {
  const workflow = entity.workflow;
  if (!workflow) return false;
  const stage = String(record[workflow.field]);
  return workflow.transitions.some((t) => t.auto && (!created || t.from === stage));
}

async function refreshParents(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  before: Row | null,
  after: Row | null,
  depth: number,
): Promise<void> {
  if (depth >= MAX_DEPTH) return;
  for (const dependent of dependentsOf(ctx.model, entity.resource)) {
    // A write that changes nothing the parent's lookups read (a tracking number) changes no figure.
    if (before && after && dependent.reads.every((name) => sameValue(before[name], after[name]))) continue;
    const ids = [...new Set([...parentIds(before, dependent.key), ...parentIds(after, dependent.key)])].sort((a, b) => a - b);
    const resource = ctx.resources.get(dependent.parent.resource);
    if (!resource) continue;
    for (const id of ids) await refresh(db, ctx, resource, id, depth + 1);
  }
}

/** The stored record settled again (its lookups read anew), and what rolls it up in turn; whether it changed. */
export async function refresh(db: Db, ctx: RequestContext, resource: ResourceInfo, id: number, depth = 0): Promise<boolean> {
  const row = await db(resource.table).where('id', id).forUpdate().first();
  if (!row) return false;
  const stored = normalizeRow(row, resource);
  const settled = await settle(db, ctx, resource, stored);
  if (settled !== stored) await refreshParents(db, ctx, resource.entity!, stored, settled, depth);
  return settled !== stored;
}

/**
 * The stored record with its computed values refreshed and its automatic moves taken; the same
 * object when nothing changed. A refresh that breaks one of the record's validation rules which
 * held on its stored values is refused: the write that caused it is rolled back.
 */
/** `pointedTo`: false for a record created in this very transaction, which no row references yet. */
export async function settle(db: Db, ctx: RequestContext, resource: ResourceInfo, stored: Row, pointedTo = true): Promise<Row> {
  const entity = resource.entity!;
  const current = editableView(stored, entity);
  const lookups = await loadLookups(db, ctx, entity, { ...current, id: stored.id }, pointedTo);
  const values = computeRecord(entity, withoutEmptyCells(entity, current), lookups);
  const changed = entity.fields.filter(isComputedField).filter((f) => !sameValue(values[f.name], current[f.name]));
  if (changed.length) refuseBrokenRules(ctx, resource, stored, current, values, lookups);
  const moves = await automaticMoves(db, ctx, entity, stored, values, lookups);
  if (!changed.length && !moves.length) return stored;

  const columns = toColumns(
    Object.fromEntries([
      ...changed.map((f) => [f.name, values[f.name]] as const),
      ...(moves.length ? [[entity.workflow!.field, moves.at(-1)!.to] as const] : []),
    ]),
    entity,
  );
  const record = await updateVersioned(db, ctx, resource, Number(stored.id), Number(stored.version), columns, true);
  for (const move of moves) {
    await writeHistory(db, {
      resource: resource.name,
      recordId: record.id,
      from: move.from,
      to: move.to,
      userId: ctx.user.id,
      comment: phrase(ctx.locale, 'movedByFacts', {}),
    });
  }
  await writeAudit(db, {
    resource: resource.name,
    recordId: record.id,
    action: moves.length ? 'transition' : 'update',
    userId: ctx.user.id,
    before: stored,
    after: record,
  });
  return record;
}

function refuseBrokenRules(
  ctx: RequestContext,
  resource: ResourceInfo,
  stored: Row,
  current: Record<string, unknown>,
  values: Record<string, unknown>,
  lookups: Record<string, unknown>,
): void {
  const entity = resource.entity!;
  const before = ruleDocument(current, lookups);
  const heldBefore = (rule: ValidationRule) => holds(rule.rule, before);
  const name = stored[entity.recordRepresentation] ?? stored.id;
  const prefix = phrase(ctx.locale, 'onRecord', { entity: resourceLabel(resource, ctx.locale), record: String(name) });
  checkValidations(entity, ruleDocument(values, lookups), ctx.locale, heldBefore, prefix);
}

interface Move {
  from: string;
  to: string;
}

/**
 * The automatic moves the record takes now, in order (one may open the way to the next). A move
 * that needs approvals requests them (once) and the record waits in its stage.
 */
async function automaticMoves(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  stored: Row,
  values: Record<string, unknown>,
  lookups: Record<string, unknown>,
): Promise<Move[]> {
  const workflow = entity.workflow;
  if (!workflow?.transitions.some((t) => t.auto)) return [];
  const id = Number(stored.id);
  const moves: Move[] = [];
  let stage = String(stored[workflow.field]);
  for (let step = 0; step < workflow.stages.length; step++) {
    const document = ruleDocument(schemaView({ ...values, [workflow.field]: stage }, entity), lookups);
    const next = workflow.transitions
      .filter((t) => t.auto && t.from === stage)
      .map((t) => checkMove(entity, ctx.validators[entity.resource], document, stage, t.to, ctx.locale))
      .find((check) => check.allowed);
    if (!next) break;
    if (next.approvalRules.length) {
      const pending = await requestApprovals(
        db,
        ctx,
        entity,
        id,
        stage,
        next.to,
        next.approvalRules,
        phrase(ctx.locale, 'movedByFacts', {}),
      );
      if (pending > 0) break;
      await markApprovalsInForce(db, entity, id, stage, next.to, { ...values, [workflow.field]: next.to });
    }
    await cancelPending(db, entity.resource, id, ctx.user.id);
    await retireApprovalsBehind(db, entity, id, next.to);
    moves.push({ from: stage, to: next.to });
    stage = next.to;
  }
  return moves;
}
