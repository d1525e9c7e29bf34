/** Below a record's fields: the records related to it and its activity, side by side when there is room. */
import { Box } from '@mui/material';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { ActivityTimeline } from './ActivityTimeline.js';
import { ActivityPanel } from './ActivityPanel.js';
import { AttachmentsPanel } from './AttachmentsPanel.js';
import { RelatedLists } from './RelatedLists.js';

export interface RecordHubProps {
  model: ClientSalesModel;
  entity: ClientEntityModel;
}

export function RecordHub({ model, entity }: RecordHubProps) {
  const hasRelated = (entity.related ?? []).some((list) => model.entities[list.resource]);
  // Side by side only when the hub itself is wide: the lists' columns need the room more than the activity.
  return (
    <Box data-testid="record-hub" sx={{ px: 2, pb: 2, containerType: 'inline-size' }}>
      <Box
        sx={{
          display: 'grid',
          gap: 3,
          gridTemplateColumns: 'minmax(0, 1fr)',
          ...(hasRelated ? { '@container (min-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr) 380px' } } : {}),
        }}
      >
        {hasRelated && <RelatedLists model={model} entity={entity} />}
        <Box sx={{ minWidth: 0 }}>
          <ActivityPanel model={model} entity={entity} />
          <AttachmentsPanel entity={entity} />
          <ActivityTimeline model={model} entity={entity} />
        </Box>
      </Box>
    </Box>
  );
}
