import type { ReactNode } from 'react';
import { BulkDeleteButton, BulkExportButton, Datagrid, List, ListActions, useLocale, useTranslate, type ListProps } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { hasOptions } from '../fields/choices.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { RowRecordActions } from '../rules/RecordButtons.js';
import { useMayCreate } from '../rules/useMayCreate.js';
import { BulkSetButton } from './BulkSetButton.js';
import { BulkActionButton, bulkActionsOf } from './ActionButtons.js';
import { listColumns, filterInputs } from './elements.js';
import { entityOf, isWorkflowField, type EntityScreenProps } from './entity.js';
import { useSalesExporter } from './exporter.js';

export interface EntityListProps extends EntityScreenProps, Omit<ListProps, 'resource' | 'children'> {
  /** Replaces the Datagrid columns. */
  children?: ReactNode;
}

/** Enum fields offered for a bulk update: the workflow field and enums that are both listed and filtered. */
const bulkFields = (entity: EntityModel) =>
  entity.fields.filter((f) => isWorkflowField(entity, f) || (hasOptions(entity, f) && f.list && f.filter));

export const EntityBulkActions = ({ entity }: { entity: EntityModel }) => (
  <>
    {bulkFields(entity).map((field) => (
      <BulkSetButton key={field.name} entity={entity} field={field} />
    ))}
    {bulkActionsOf(entity).map((action) => (
      <BulkActionButton key={`action-${action.name}`} entity={entity} action={action} />
    ))}
    <BulkExportButton />
    <BulkDeleteButton mutationMode="pessimistic" />
  </>
);

/** The collection title, e.g. 客户档案 / Customers. */
export function usePluralTitle(entity: EntityModel): string {
  const translate = useTranslate();
  const locale = useLocale();
  return translate(keys.resourcePlural(entity.resource), { _: labelIn(entity.pluralLabel, locale) });
}

/**
 * The list of an entity: its `list` fields, `q` search and field filters, bulk actions and a
 * labelled CSV export. Each row offers Edit / Delete when the current user may use them there;
 * Create is hidden from a user whose write scope is `none`.
 */
export const EntityList = ({ model, resource, children, ...props }: EntityListProps) => {
  const entity = entityOf(model, resource);
  const exporter = useSalesExporter(entity);
  const mayCreate = useMayCreate(entity);
  return (
    <List
      resource={resource}
      title={usePluralTitle(entity)}
      sort={entity.sort}
      filters={filterInputs(entity)}
      exporter={exporter}
      actions={mayCreate ? undefined : <ListActions hasCreate={false} />}
      {...props}
    >
      <Datagrid rowClick="show" bulkActionButtons={<EntityBulkActions entity={entity} />}>
        {children ?? [...listColumns(entity), <RowRecordActions key="ra-sales-row-actions" entity={entity} />]}
      </Datagrid>
    </List>
  );
};
