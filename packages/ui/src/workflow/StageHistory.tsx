/** A timeline of a record's stage changes, from the read-only `history` resource. */
import { Box, Typography } from '@mui/material';
import { RecordContextProvider, useGetList, useLocaleState, useRecordContext, type RaRecord } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { LocaleDateField } from '../fields/display.js';
import { useSalesTranslate } from './messages.js';
import { stageLabel, workflowEntity } from './model.js';
import { UserReference } from './UserReference.js';

export interface StageHistoryProps {
  model: ClientSalesModel;
  resource: string;
  record?: RaRecord;
  /** Where `user_id` points (default: the model's users entity, `users` in model.json). */
  userResource?: string;
}

export function StageHistory({ model, resource, record: recordProp, userResource = model.users?.resource }: StageHistoryProps) {
  const contextRecord = useRecordContext();
  const record = recordProp ?? contextRecord;
  const { workflow } = workflowEntity(model, resource);
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  const { data = [], isPending } = useGetList(
    'history',
    {
      filter: { resource, record_id: record?.id },
      sort: { field: 'created_at', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
    },
    { enabled: record?.id != null },
  );
  const label = (id: string | null | undefined) => stageLabel(workflow, id ?? undefined, locale);
  return (
    <Box data-testid="stage-history" sx={{ my: 2 }}>
      <Typography variant="subtitle1" gutterBottom>
        {t('workflow.history')}
      </Typography>
      {!isPending && data.length === 0 && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          {t('workflow.history_empty')}
        </Typography>
      )}
      {data.map((row) => (
        <RecordContextProvider key={row.id} value={row}>
          <Box sx={{ position: 'relative', pl: 3, pb: 2, borderLeft: 2, borderColor: 'divider', ml: 1 }} data-testid="history-row">
            <Box sx={{ position: 'absolute', left: -7, top: 4, width: 12, height: 12, borderRadius: '50%', bgcolor: 'primary.main' }} />
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {row.from_stage
                ? `${label(row.from_stage)} → ${label(row.to_stage)}`
                : t('workflow.history_created', { stage: label(row.to_stage) })}
            </Typography>
            <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
              <LocaleDateField source="created_at" showTime /> ·{' '}
              {row.user_id != null ? <UserReference source="user_id" resource={userResource} /> : t('workflow.unknown_user')}
            </Typography>
            {row.comment && <Typography variant="body2">{row.comment}</Typography>}
          </Box>
        </RecordContextProvider>
      ))}
    </Box>
  );
}
