import { useMemo, type ReactNode } from 'react';
import {
  BulkDeleteButton,
  BulkExportButton,
  CreateButton,
  Datagrid,
  Empty,
  ExportButton,
  FilterButton,
  List,
  TopToolbar,
  useLocale,
  useTranslate,
  type ListProps,
} from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { hasOptions } from '../fields/choices.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { RowRecordActions } from '../rules/RecordButtons.js';
import { useMayCreate, useMayWrite } from '../rules/useMayCreate.js';
import { BulkSetButton } from './BulkSetButton.js';
import { BulkActionButton, bulkActionsOf } from './ActionButtons.js';
import { listColumns, filterInputs } from './elements.js';
import { entityOf, isWorkflowField, type EntityScreenProps } from './entity.js';
import { useSalesExporter } from './exporter.js';
import { ImportButton } from './ImportButton.js';
import { PhoneList } from './PhoneList.js';
import { SalesPagination } from './SalesPagination.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { useAfterFirstPaint } from '../lazy/useAfterFirstPaint.js';

export interface EntityListProps extends EntityScreenProps, Omit<ListProps, 'resource' | 'children'> {
  /** Replaces the Datagrid columns. */
  children?: ReactNode;
}

/** Enum fields offered for a bulk update: the workflow field and enums that are both listed and filtered. */
const bulkFields = (entity: ClientEntityModel) =>
  entity.fields.filter((f) => isWorkflowField(entity, f) || (hasOptions(entity, f) && f.list && f.filter));

/**
 * The list's bulk actions. Setting a field and Delete are writes: hidden from a user who may write
 * no record of the entity (write scope `none`); the server still judges each selected record.
 */
export const EntityBulkActions = ({ entity }: { entity: ClientEntityModel }) => {
  const mayWrite = useMayWrite(entity);
  // Shown once rows are selected: the buttons come right after the rows' first paint, not with it.
  const painted = useAfterFirstPaint();
  if (!painted) return null;
  return (
    <>
      {mayWrite && bulkFields(entity).map((field) => <BulkSetButton key={field.name} entity={entity} field={field} />)}
      {bulkActionsOf(entity).map((action) => (
        <BulkActionButton key={`action-${action.name}`} entity={entity} action={action} />
      ))}
      <BulkExportButton />
      {mayWrite && <BulkDeleteButton mutationMode="pessimistic" />}
    </>
  );
};

/** The collection title, e.g. 客户档案 / Customers. */
export function usePluralTitle(entity: ClientEntityModel): string {
  const translate = useTranslate();
  const locale = useLocale();
  return translate(keys.resourcePlural(entity.resource), { _: labelIn(entity.pluralLabel, locale) });
}

/**
 * The list of an entity: its `list` fields, `q` search and field filters, bulk actions and a
 * labelled CSV export. Each row offers Edit / Delete when the current user may use them there;
 * Create (in the toolbar and on the empty page), bulk Delete and the bulk field updates are
 * hidden from a user whose write scope is `none` — whether or not the host's authProvider has
 * `canAccess` (when it has, react-admin's buttons apply it too). On a phone the rows are cards (`PhoneList`).
 */
export const EntityList = ({ model, resource, children, ...props }: EntityListProps) => {
  const entity = entityOf(model, resource);
  const exporter = useSalesExporter(entity);
  const mayCreate = useMayCreate(entity);
  const phone = useIsPhone();
  // The same elements on every render (the user arriving, the resources registered): the rows do not render again.
  const bulkActions = useMemo(() => <EntityBulkActions entity={entity} />, [entity]);
  const columns = useMemo(
    () => children ?? [...listColumns(entity), <RowRecordActions key="ra-sales-row-actions" entity={entity} model={model} />],
    [children, entity, model],
  );
  return (
    <List
      resource={resource}
      title={usePluralTitle(entity)}
      sort={entity.sort}
      filters={filterInputs(entity)}
      exporter={exporter}
      actions={
        // One toolbar whoever the user is, so that the user's arrival (after the first render) adds
        // two buttons instead of mounting a toolbar again. Importing creates records: offered to
        // those who may create them.
        <TopToolbar>
          <FilterButton />
          {mayCreate && <CreateButton />}
          <ExportButton />
          {mayCreate && <ImportButton entity={entity} />}
        </TopToolbar>
      }
      empty={mayCreate ? undefined : <Empty hasCreate={false} />}
      pagination={<SalesPagination />}
      {...props}
    >
      {/* Below the small breakpoint the columns become cards, unless the host gave its own columns. */}
      {phone && !children ? (
        <PhoneList entity={entity} bulkActions={bulkActions} />
      ) : (
        // Optimized: the body and the rows render again when their data or selection change, not with the list's toolbar.
        <Datagrid rowClick="show" bulkActionButtons={bulkActions} optimized>
          {columns}
        </Datagrid>
      )}
    </List>
  );
};
