import { cloneElement, type ReactElement } from 'react';
import { NullableBooleanInput, SearchInput } from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { ComputedValueInput } from '../fields/ComputedValueInput.js';
import { kindRegistry } from '../fields/registry.js';
import type { KindRenderer } from '../fields/types.js';
import { hasStageLimits } from '../workflow/StageSlaMark.js';
import { STAGE_OVERDUE_FILTER } from '../workflow/reports.js';
import { isWorkflowField } from './entity.js';
import { StageColumn } from './StageColumn.js';

/** The renderer of a field; the workflow field is shown as the enum of its stages whatever its kind. */
export function rendererFor(entity: ClientEntityModel, field: ClientFieldModel): KindRenderer {
  return isWorkflowField(entity, field) ? kindRegistry.enum : kindRegistry[field.kind];
}

const keyed = (element: ReactElement, key: string) => cloneElement(element, { key });

/** A field's value as its list column shows it (read from the record context), e.g. on a phone's record card. */
export const listField = (entity: ClientEntityModel, field: ClientFieldModel): ReactElement =>
  rendererFor(entity, field).list({ entity, field });

/** The list column of a field; the workflow field carries the overdue-in-stage mark when stages have time limits. */
function listColumn(entity: ClientEntityModel, field: ClientFieldModel): ReactElement {
  const column = listField(entity, field);
  if (!isWorkflowField(entity, field) || !hasStageLimits(entity)) return keyed(column, field.name);
  const { source, label, sortable } = column.props as { source: string; label?: string; sortable?: boolean };
  return (
    <StageColumn key={field.name} entity={entity} source={source} label={label} sortable={sortable}>
      {column}
    </StageColumn>
  );
}

export const listColumns = (entity: ClientEntityModel) => entity.fields.filter((f) => f.list).map((field) => listColumn(entity, field));

export const showFields = (entity: ClientEntityModel, fields: readonly ClientFieldModel[]) =>
  fields.map((field) => keyed(rendererFor(entity, field).show({ entity, field }), field.name));

/**
 * The inputs of `fields`; those named in `readOnly` are shown read-only with the reason as their
 * helper text, computed fields as values that follow the form.
 */
export const formInputs = (
  entity: ClientEntityModel,
  fields: readonly ClientFieldModel[],
  readOnly: ReadonlyMap<string, string> = new Map(),
) =>
  fields.map((field) => {
    const hint = readOnly.get(field.name);
    if (field.computed !== undefined) return <ComputedValueInput key={field.name} entity={entity} field={field} hint={hint} />;
    return keyed(rendererFor(entity, field).input({ entity, field, readOnly: readOnly.has(field.name), hint }), field.name);
  });

/** `q` when a field is searchable (always shown), then the filters of every `filter` field. */
export function filterInputs(entity: ClientEntityModel): ReactElement[] {
  const search = entity.fields.some((f) => f.search) ? [<SearchInput key="q" source="q" alwaysOn />] : [];
  // Records past their stage's time limit (the server's `stage_overdue` filter).
  const overdue = hasStageLimits(entity)
    ? [<NullableBooleanInput key={STAGE_OVERDUE_FILTER} source={STAGE_OVERDUE_FILTER} label="ra_sales.workflow.stage_overdue" />]
    : [];
  return [
    ...search,
    ...entity.fields.filter((f) => f.filter).flatMap((field) => rendererFor(entity, field).filters({ entity, field })),
    ...overdue,
  ];
}
