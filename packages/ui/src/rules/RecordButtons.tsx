/**
 * Edit and Delete buttons shown only when the current user may use them on the record: inside
 * their write scope, not locked in its stage (a locked record keeps Edit only when one of the
 * lock's exception fields is still writable).
 */
import { Box } from '@mui/material';
import { DeleteButton, EditButton, SaveButton, Toolbar, TopToolbar, useResourceDefinition } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { useAfterFirstPaint } from '../lazy/useAfterFirstPaint.js';
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

const rowActionsSx = { display: 'flex', justifyContent: 'flex-end', whiteSpace: 'nowrap' } as const;

/**
 * The last cell of a list row. Its buttons (Delete brings a confirmation dialog and a mutation per
 * row, some 40% of a page of rows' render) come right after the rows have been painted.
 */
export function RowRecordActions(props: RecordButtonsProps) {
  return (
    <Box sx={rowActionsSx} data-testid="row-actions">
      {useAfterFirstPaint() && <RowButtons {...props} />}
    </Box>
  );
}

function RowButtons({ entity, model }: RecordButtonsProps) {
  const access = useRecordAccess(entity, model);
  const { hasEdit } = useResourceDefinition({ resource: entity.resource });
  return (
    <>
      {hasEdit && access.edit && <EditButton />}
      {access.delete && <DeleteButton mutationMode="pessimistic" />}
    </>
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
