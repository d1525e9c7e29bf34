/**
 * `x-actions`: `POST /<resource>/<id>/actions/<name>` creates the next documents from a record in
 * one transaction, each through the same path as a user's create (rights, rules, numbers, roll-ups),
 * then updates the record (a stage change is a move, checked like one). Any refusal rolls it all back.
 */
import { inTransaction } from '../db/transactions.js';
import {
  actionOffered,
  evaluate,
  holds,
  isLinesMapping,
  labelOf,
  type ActionModel,
  type ActionStep,
  type Expression,
} from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import type { Row } from './types.js';
import { conflict, HttpError, notFound } from './errors.js';
import { listWords, phrase, resourceLabel } from './locale.js';
import { findReadable } from './reads.js';
import { COMMENT_MEMBER, commentOf, requireObjectBody } from './records.js';
import { loadLookups, ruleDocument } from './rules/index.js';
import { createWithin, updateWithin } from './writes.js';

export interface ActionResult {
  record: Row;
  created: { as: string; resource: string; id: number }[];
  opens: { resource: string; id: number } | null;
}

export function actionOf(ctx: RequestContext, resource: ResourceInfo, name: string): ActionModel {
  const actions = resource.entity?.actions ?? {};
  const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
  if (!action) {
    const known = Object.keys(actions);
    throw notFound(
      phrase(ctx.locale, 'actionUnknown', {
        entity: resourceLabel(resource, ctx.locale),
        name: JSON.stringify(name),
        actions: known.length ? listWords(ctx.locale, known) : '—',
      }),
    );
  }
  return action;
}

export async function runAction(
  ctx: RequestContext,
  resource: ResourceInfo,
  id: number,
  action: ActionModel,
  body: unknown,
): Promise<ActionResult> {
  const comment = commentOf(requireObjectBody(body ?? {}, ctx.locale), ctx.locale);
  return inTransaction(ctx.knex, (trx) => runWithin(trx, ctx, resource, id, action, comment));
}

/** `POST /<resource>/actions/<name> { ids }`: each record in its own transaction; one refused does not stop the others. */
export async function runBulkAction(ctx: RequestContext, resource: ResourceInfo, action: ActionModel, body: unknown) {
  const raw = requireObjectBody(body, ctx.locale);
  const ids = raw.ids;
  if (!Array.isArray(ids) || !ids.length || !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) {
    throw new HttpError(400, phrase(ctx.locale, 'actionIds', {}), { ids: phrase(ctx.locale, 'actionIds', {}) });
  }
  const results = [];
  for (const id of ids as number[]) {
    try {
      const result = await runAction(ctx, resource, id, action, { [COMMENT_MEMBER]: raw[COMMENT_MEMBER] });
      results.push({ id, ok: true, opens: result.opens });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      results.push({ id, ok: false, status: error.status, message: error.message });
    }
  }
  return { results };
}

async function runWithin(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  id: number,
  action: ActionModel,
  comment: string | null,
): Promise<ActionResult> {
  const entity = resource.entity!;
  const source = await findReadable(trx, ctx, resource, id, true);
  if (!actionOffered(entity, action, source, ctx.user.roles)) throw notOffered(ctx, resource, action, source);
  const data: Record<string, unknown> = ruleDocument(source, await loadLookups(trx, ctx, entity, source));
  const created: ActionResult['created'] = [];
  for (const step of action.creates) {
    if (step.when !== undefined && !holds(step.when, data)) continue;
    const target = ctx.resources.get(step.resource)!;
    const items = step.each === undefined ? [undefined] : asList(evaluate(step.each, data));
    const records: Row[] = [];
    for (const [index, item] of items.entries()) {
      const scope = step.each === undefined ? data : { ...data, $item: item, $index: index };
      const { record } = await naming(ctx, target, () => createWithin(trx, ctx, target, valuesOf(step, scope)));
      records.push(record);
      created.push({ as: step.as, resource: step.resource, id: Number(record.id) });
    }
    data[step.as] = step.each === undefined ? records[0] : records;
  }
  let record = source;
  if (Object.keys(action.update).length) {
    const changes = Object.fromEntries(Object.entries(action.update).map(([field, expression]) => [field, evaluate(expression, data)]));
    ({ record } = await updateWithin(trx, ctx, resource, id, {
      ...changes,
      version: source.version,
      [COMMENT_MEMBER]: comment ?? labelOf(action.label, ctx.locale),
    }));
  }
  const opened = created.filter((c) => c.as === action.opens).at(-1) ?? created.at(-1);
  return { record, created, opens: opened ? { resource: opened.resource, id: opened.id } : null };
}

function valuesOf(step: ActionStep, scope: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(step.set)) {
    const result = isLinesMapping(value)
      ? asList(evaluate(value.rows, scope)).map((row) =>
          Object.fromEntries(
            Object.entries(value.columns).map(([column, expression]) => [column, evaluate(expression, { ...scope, $row: row })]),
          ),
        )
      : evaluate(value as Expression, scope);
    if (result !== null && result !== undefined) out[field] = result;
  }
  return out;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A refusal of a created record says which record it is about. */
async function naming<T>(ctx: RequestContext, target: ResourceInfo, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    throw new HttpError(
      error.status,
      phrase(ctx.locale, 'actionStepRefused', { entity: resourceLabel(target, ctx.locale), message: error.message }),
      error.errors,
      error.extra,
    );
  }
}

function notOffered(ctx: RequestContext, resource: ResourceInfo, action: ActionModel, record: Row): HttpError {
  const workflow = resource.entity!.workflow;
  const stages = (action.stages ?? []).map((id) => labelOf(workflow?.stages.find((s) => s.id === id)?.label, ctx.locale));
  const inStage = workflow && action.stages && !action.stages.includes(String(record[workflow.field]));
  return conflict(
    phrase(ctx.locale, inStage ? 'actionNotInStage' : 'actionNotForRole', {
      action: labelOf(action.label, ctx.locale),
      stages: listWords(ctx.locale, stages),
      roles: listWords(
        ctx.locale,
        (action.roles ?? []).map((role) => labelOf(ctx.model.roles[role], ctx.locale) || role),
      ),
    }),
  );
}
