/** Above a record's activity: a note, call or visit to write, a task to add, and the record's open tasks. */
import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { NoteComposer } from './NoteComposer.js';
import { OpenTasks } from './OpenTasks.js';
import { TaskForm } from './TaskForm.js';

export interface ActivityPanelProps {
  model: ClientSalesModel;
  entity: ClientEntityModel;
}

export function ActivityPanel({ model, entity }: ActivityPanelProps) {
  const t = useUiTranslate();
  const record = useRecordContext();
  if (record?.id == null) return null;
  return (
    <Box component="section" aria-label={t('activities.title')} data-testid="activity-panel" sx={{ display: 'grid', gap: 2, mb: 2 }}>
      <Typography variant="subtitle1" component="h3">
        {t('activities.title')}
      </Typography>
      <NoteComposer model={model} resource={entity.resource} recordId={record.id} />
      <TaskForm model={model} resource={entity.resource} recordId={record.id} />
      <OpenTasks resource={entity.resource} recordId={record.id} />
    </Box>
  );
}
