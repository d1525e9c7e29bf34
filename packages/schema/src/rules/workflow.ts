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
