/**
 * Edit and Delete buttons shown only when the current user may use them on the record: inside
 * their write scope, not locked in its stage (a locked record keeps Edit only when one of the
 * lock's exception fields is still writable).
 */
import { Box } from '@mui/material';
import { DeleteButton, EditButton, SaveButton, Toolbar, TopToolbar, useResourceDefinition } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { useRecordAccess } from './useRecordAccess.js';

export interface RecordButtonsProps {
  entity: ClientEntityModel;
  /** Names the users entity (`users`), whose own row a user with an `own` scope may edit. */
  model?: ClientSalesModel;
}

/** The actions of a Show page. */
export function ShowRecordActions({ entity, model }: RecordButtonsProps) {
  const access = useRecordAccess(entity, model);
  const { hasEdit } = useResourceDefinition({ resource: entity.resource });
  return (
    <TopToolbar>
      {hasEdit && access.edit && <EditButton />}
      {access.delete && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

/** The last cell of a list row. */
export function RowRecordActions({ entity, model }: RecordButtonsProps) {
  const access = useRecordAccess(entity, model);
  const { hasEdit } = useResourceDefinition({ resource: entity.resource });
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', whiteSpace: 'nowrap' }} data-testid="row-actions">
      {hasEdit && access.edit && <EditButton />}
      {access.delete && <DeleteButton mutationMode="pessimistic" />}
    </Box>
  );
}

/** The toolbar of an Edit form: Save, and Delete when the record may be deleted. */
export function EditFormToolbar({ entity, model }: RecordButtonsProps) {
  const access = useRecordAccess(entity, model);
  return (
    <Toolbar>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', width: '100%' }}>
        <SaveButton />
        {access.delete && <DeleteButton mutationMode="pessimistic" />}
      </Box>
    </Toolbar>
  );
}
