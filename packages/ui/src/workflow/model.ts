/** Reading a workflow out of the compiled model: stages, moves, labels. */
import {
  nextStages,
  stageOf,
  type ClientEntityModel,
  type ClientSalesModel,
  type WorkflowEntity,
  type WorkflowModel,
} from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import type { ServerLabel } from './api.js';

export { workflowEntities, stageOf, isForward, type WorkflowEntity } from '@ra-sales/schema';

export function workflowEntity(model: ClientSalesModel, resource: string): WorkflowEntity {
  const entity = model.entities[resource];
  if (!entity?.workflow) throw new Error(`ra-sales: "${resource}" is not an entity with a workflow`);
  return entity as WorkflowEntity;
}

export function stageLabel(workflow: WorkflowModel, id: string | undefined, locale: string): string {
  const stage = stageOf(workflow, id);
  if (stage) return labelIn(stage.label, locale);
  // The history keeps the stages a migration retired: they are named as they were.
  const retired = workflow.retired?.find((r) => r.id === id)?.label;
  return retired ? labelIn(retired, locale) : String(id ?? '');
}

/** Stages a record may move to from `from`, following the schema's transitions. */
export const targetsOf = (workflow: WorkflowModel, from: string | undefined): Set<string> => new Set(nextStages(workflow, from));

/**
 * Whether entering `to` needs the reason field filled in first: its entry schema requires the
 * workflow's reason field, or (no entry schema) it is a lost stage and the workflow has one.
 */
export function reasonNeeded(workflow: WorkflowModel, to: string): boolean {
  const reason = workflow.reasonField;
  const stage = stageOf(workflow, to);
  if (!reason || !stage) return false;
  const required = (stage.entry?.required as string[] | undefined) ?? [];
  if (required.includes(reason)) return true;
  return stage.kind === 'lost' && !stage.entry;
}

/** The minimum length the entry schema asks of the reason field, if any. */
export function reasonMinLength(workflow: WorkflowModel, to: string): number | undefined {
  const reason = workflow.reasonField;
  const properties = stageOf(workflow, to)?.entry?.properties as Record<string, { minLength?: number }> | undefined;
  return reason ? properties?.[reason]?.minLength : undefined;
}

export function fieldLabel(entity: ClientEntityModel, field: string, locale: string): string {
  const model = entity.fields.find((f) => f.name === field);
  return model ? labelIn(model.label, locale) : field;
}

/** A label the server sent (string or per-locale object), else the fallback. */
export function serverLabel(label: ServerLabel, locale: string, fallback = ''): string {
  if (!label) return fallback;
  return typeof label === 'string' ? label : labelIn(label, locale);
}
