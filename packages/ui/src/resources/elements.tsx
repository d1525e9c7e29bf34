import { cloneElement, type ReactElement } from 'react';
import { SearchInput } from 'react-admin';
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { ComputedValueInput } from '../fields/ComputedValueInput.js';
import { kindRegistry } from '../fields/registry.js';
import type { KindRenderer } from '../fields/types.js';
import { isWorkflowField } from './entity.js';

/** The renderer of a field; the workflow field is shown as the enum of its stages whatever its kind. */
export function rendererFor(entity: EntityModel, field: FieldModel): KindRenderer {
  return isWorkflowField(entity, field) ? kindRegistry.enum : kindRegistry[field.kind];
}

const keyed = (element: ReactElement, key: string) => cloneElement(element, { key });

export const listColumns = (entity: EntityModel) =>
  entity.fields.filter((f) => f.list).map((field) => keyed(rendererFor(entity, field).list({ entity, field }), field.name));

export const showFields = (entity: EntityModel, fields: readonly FieldModel[]) =>
  fields.map((field) => keyed(rendererFor(entity, field).show({ entity, field }), field.name));

/**
 * The inputs of `fields`; those named in `readOnly` are shown read-only with the reason as their
 * helper text, computed fields as values that follow the form.
 */
export const formInputs = (entity: EntityModel, fields: readonly FieldModel[], readOnly: ReadonlyMap<string, string> = new Map()) =>
  fields.map((field) => {
    const hint = readOnly.get(field.name);
    if (field.computed !== undefined) return <ComputedValueInput key={field.name} entity={entity} field={field} hint={hint} />;
    return keyed(rendererFor(entity, field).input({ entity, field, readOnly: readOnly.has(field.name), hint }), field.name);
  });

/** `q` when a field is searchable (always shown), then the filters of every `filter` field. */
export function filterInputs(entity: EntityModel): ReactElement[] {
  const search = entity.fields.some((f) => f.search) ? [<SearchInput key="q" source="q" alwaysOn />] : [];
  return [...search, ...entity.fields.filter((f) => f.filter).flatMap((field) => rendererFor(entity, field).filters({ entity, field }))];
}
