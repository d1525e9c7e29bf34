/** Reading a workflow: its stages and the moves between them. The server and the screens decide moves with these. */
import type { ClientEntityModel, ClientSalesModel, StageModel, WorkflowModel } from '../model.js';

export type WorkflowEntity<E extends ClientEntityModel = ClientEntityModel> = E & { workflow: WorkflowModel };

export function workflowEntities<M extends ClientSalesModel>(model: M): WorkflowEntity<M['entities'][string]>[] {
  return Object.values(model.entities).filter((entity): entity is WorkflowEntity<M['entities'][string]> => !!entity.workflow);
}

export function stageOf(workflow: WorkflowModel, id: unknown): StageModel | undefined {
  return workflow.stages.find((stage) => stage.id === id);
}

/** The stages a record in `from` may move to, in the order the schema's transitions list them. */
export function nextStages(workflow: WorkflowModel, from: unknown): string[] {
  return workflow.transitions.filter((t) => t.from === from).map((t) => t.to);
}

/** Forward: to a later open stage, or to a won stage. Backward moves and losing need no gate. */
export function isForward(workflow: WorkflowModel, from: unknown, to: unknown): boolean {
  const source = stageOf(workflow, from);
  const target = stageOf(workflow, to);
  if (!source || !target) return false;
  return target.kind === 'won' || (target.kind === 'open' && target.order > source.order);
}

/** The pipeline a record is in: that of its stage, else the one its pipeline field names, else the main one. */
export function pipelineOf(workflow: WorkflowModel, record: Record<string, unknown> | undefined): string | undefined {
  const pipelines = workflow.pipelines;
  if (!pipelines) return undefined;
  const byStage = stageOf(workflow, record?.[workflow.field])?.pipeline;
  if (byStage) return byStage;
  const named = record?.[pipelines.field];
  return pipelines.list.some((p) => p.id === named) ? (named as string) : pipelines.list[0]!.id;
}

const pipelineViews = new WeakMap<WorkflowModel, Map<string, WorkflowModel>>();

/**
 * One pipeline as a workflow of its own: its stages, the moves between them, its initial stage.
 * Approvals keep their positions (rules are known by their index) and apply only to their moves.
 * A workflow without pipelines is returned as it is.
 */
export function pipelineView(workflow: WorkflowModel, pipeline: string | undefined): WorkflowModel {
  const chosen = workflow.pipelines?.list.find((p) => p.id === pipeline);
  if (!chosen) return workflow;
  // Asked on every write of a record with pipelines: one view per pipeline, made once.
  let views = pipelineViews.get(workflow);
  if (!views) pipelineViews.set(workflow, (views = new Map()));
  let view = views.get(chosen.id);
  if (!view) {
    const ids = new Set(chosen.stages);
    const { pipelines: _all, ...rest } = workflow;
    view = {
      ...rest,
      initial: chosen.initial,
      stages: workflow.stages.filter((stage) => ids.has(stage.id)),
      transitions: workflow.transitions.filter((t) => ids.has(t.from)),
    };
    views.set(chosen.id, view);
  }
  return view;
}

/** The workflow a record goes through: its pipeline's. */
export const workflowOfRecord = (workflow: WorkflowModel, record: Record<string, unknown> | undefined): WorkflowModel =>
  pipelineView(workflow, pipelineOf(workflow, record));

/** The stage a new record starts in: the initial stage of the pipeline it is created in. */
export function initialStageOf(workflow: WorkflowModel, values: Record<string, unknown>): string {
  const field = workflow.pipelines?.field;
  return pipelineView(workflow, field ? pipelineOf(workflow, { [field]: values[field] }) : undefined).initial;
}

/** The declared switch from one pipeline to another, if any. */
export const pipelineSwitch = (workflow: WorkflowModel, from: string | undefined, to: unknown) =>
  workflow.pipelines?.switches.find((s) => s.from === from && s.to === to);
