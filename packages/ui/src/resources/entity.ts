import type { ClientEntityModel, ClientFieldModel, ClientSalesModel } from '@ra-sales/schema';

/** What every screen takes: the model and the resource it shows. */
export interface EntityScreenProps {
  model: ClientSalesModel;
  resource: string;
}

export function entityOf(model: ClientSalesModel, resource: string): ClientEntityModel {
  const entity = model.entities[resource];
  if (!entity) throw new Error(`ra-sales: the model has no resource "${resource}"`);
  return entity;
}

export const isWorkflowField = (entity: ClientEntityModel, field: ClientFieldModel) => entity.workflow?.field === field.name;

/**
 * Fields a person types in: not read-only, and not the workflow field (stages move through
 * transitions; a new record starts in the initial stage).
 */
export const editableFields = (entity: ClientEntityModel) => entity.fields.filter((f) => !f.readOnly && !isWorkflowField(entity, f));

/** Fields on an Edit/Create form: the editable ones and the computed ones (shown read-only, following the others). */
export const formFields = (entity: ClientEntityModel) =>
  entity.fields.filter((f) => (!f.readOnly || f.computed !== undefined) && !isWorkflowField(entity, f));
