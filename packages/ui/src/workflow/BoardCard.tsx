/** One record on the board: its representation, owner and amount; draggable. */
import { memo, type DragEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { Box, Card, CardContent, LinearProgress, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, type RaRecord } from 'react-admin';
import { DeferredReferenceField } from '../fields/display.js';
import { formatMoney } from '../fields/format.js';
import { amountOf } from './amount.js';
import { CardMoveMenu } from './CardMoveMenu.js';
import type { WorkflowEntity } from './model.js';
import { StageSlaMark } from './StageSlaMark.js';

export interface BoardCardProps {
  entity: WorkflowEntity;
  record: RaRecord;
  locale: string;
  moving: boolean;
  onDragStart: (record: RaRecord) => void;
  onDragEnd: () => void;
  onMove: (record: RaRecord, to: string) => void;
  /** A tap anywhere on the card opens the record (a phone, where the title is a small target). */
  opensOnTap?: boolean;
}

function ownerReference(entity: WorkflowEntity): { source: string; reference: string } | undefined {
  const source = entity.access.ownerField;
  const reference = entity.fields.find((field) => field.name === source)?.ref;
  return source && reference ? { source, reference } : undefined;
}

export const BoardCard = memo(function BoardCard({
  entity,
  record,
  locale,
  moving,
  onDragStart,
  onDragEnd,
  onMove,
  opensOnTap,
}: BoardCardProps) {
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const path = createPath({ resource: entity.resource, id: record.id, type: 'show' });
  const open = (event: MouseEvent) => {
    // Clicks in the move menu (a portal) bubble here through React too: only those on the card itself open
    // it, and not those on a link, which goes there by itself.
    const target = event.target as HTMLElement;
    if (event.currentTarget.contains(target) && !target.closest('a')) navigate(path);
  };
  const owner = ownerReference(entity);
  const amountField = entity.workflow.amountField;
  const handleDragStart = (event: DragEvent) => {
    event.dataTransfer?.setData('text/plain', String(record.id));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    onDragStart(record);
  };
  return (
    <Card
      variant="outlined"
      draggable={!moving}
      onDragStart={handleDragStart}
      onDragEnd={onDragEnd}
      data-testid="board-card"
      data-id={record.id}
      onClick={opensOnTap ? open : undefined}
      sx={{ mb: 1, cursor: opensOnTap ? 'pointer' : 'grab', opacity: moving ? 0.5 : 1 }}
    >
      {moving && <LinearProgress />}
      <CardContent sx={{ p: 1.25, '&:last-child': { pb: 1.25 } }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
          <Typography
            variant="body2"
            component={Link}
            to={path}
            draggable={false}
            sx={{ fontWeight: 600, display: 'block', flex: 1, minWidth: 0 }}
          >
            {String(record[entity.recordRepresentation] ?? `#${record.id}`)}
          </Typography>
          <StageSlaMark entity={entity} record={record} />
          <CardMoveMenu entity={entity} record={record} locale={locale} onMove={onMove} />
        </Box>
        <RecordContextProvider value={record}>
          {owner && (
            <Typography variant="caption" sx={{ color: 'text.secondary' }} component="div">
              <DeferredReferenceField source={owner.source} reference={owner.reference} link={false} />
            </Typography>
          )}
        </RecordContextProvider>
        {amountField && (
          <Typography variant="body2" data-testid="card-amount">
            {formatMoney(amountOf(record, amountField), locale)}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
});
