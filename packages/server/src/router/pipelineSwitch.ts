/**
 * A save that changes a record's pipeline field: allowed only as a declared switch, by a role it
 * names, from an open stage. The record goes to the stage the switch maps its stage to, else the
 * initial stage of the new pipeline; the move is then checked like any other (entry condition of
 * the stage entered), without the gate of the stage left, which belongs to the other pipeline.
 */
import { labelOf, pipelineOf, pipelineSwitch, pipelineView, SUPER_ROLE, stageOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import { badRequest, conflict, forbidden } from './errors.js';
import { listWords, phrase } from './locale.js';
import { sameValue } from './records.js';
import { roleLabels } from './rules/labels.js';

export interface PipelineMove {
  from: string;
  to: string;
  /** The stage the record goes to. */
  stage: string;
}

/** The switch a save makes, or undefined when it leaves the pipeline alone. Refuses an undeclared or closed one. */
export function pipelineMove(
  ctx: RequestContext,
  entity: EntityModel,
  stored: Record<string, unknown>,
  merged: Record<string, unknown>,
): PipelineMove | undefined {
  const workflow = entity.workflow;
  const pipelines = workflow?.pipelines;
  if (!workflow || !pipelines) return undefined;
  const from = pipelineOf(workflow, stored)!;
  const to = merged[pipelines.field];
  if (to === undefined || sameValue(to, from)) return undefined;
  const words = pipelineNames(entity, { from, to: String(to) }, ctx.locale);
  const declared = pipelineSwitch(workflow, from, to);
  if (!declared) {
    const targets = pipelines.switches.filter((s) => s.from === from).map((s) => pipelineNames(entity, { from, to: s.to }, ctx.locale).to);
    const allowed = targets.length ? phrase(ctx.locale, 'switchAllowedTo', { pipelines: listWords(ctx.locale, targets) }) : '';
    const message = phrase(ctx.locale, 'noSwitch', { ...words, allowed });
    throw conflict(message, { [pipelines.field]: message });
  }
  if (declared.roles && !ctx.user.roles.some((role) => role === SUPER_ROLE || declared.roles!.includes(role))) {
    throw forbidden(phrase(ctx.locale, 'switchRoles', { ...words, roles: roleLabels(ctx.model, declared.roles, ctx.locale) }));
  }
  const current = String(stored[workflow.field]);
  const currentStage = stageOf(workflow, current);
  if (currentStage && currentStage.kind !== 'open') {
    throw conflict(phrase(ctx.locale, 'switchClosed', { stage: labelOf(currentStage.label, ctx.locale) }), {
      [pipelines.field]: phrase(ctx.locale, 'switchClosed', { stage: labelOf(currentStage.label, ctx.locale) }),
    });
  }
  const stage = declared.stages[current] ?? pipelineView(workflow, String(to)).initial;
  const sent = merged[workflow.field];
  if (!sameValue(sent, current) && !sameValue(sent, stage)) {
    const message = phrase(ctx.locale, 'switchStage', { to: words.to, stage: labelOf(stageOf(workflow, stage)?.label, ctx.locale) });
    throw badRequest(message, { [workflow.field]: message });
  }
  return { from, to: String(to), stage };
}

/** The two pipelines of a switch by their labels. */
export function pipelineNames(entity: EntityModel, move: { from: string; to: string }, locale: string): { from: string; to: string } {
  const name = (id: string) => labelOf(entity.workflow?.pipelines?.list.find((p) => p.id === id)?.label, locale) || id;
  return { from: name(move.from), to: name(move.to) };
}
