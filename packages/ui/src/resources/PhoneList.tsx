/**
 * A list on a phone: one card per record instead of the datagrid's columns. The card's title is
 * the record's name, its stage a chip (workflow entities), then the most telling list fields
 * (`cardFields`), each as its list column renders it (money and dates in the UI language,
 * references by name). A tap opens the record; the checkbox selects it for the bulk actions,
 * which then wrap in a bar at the bottom of the screen instead of covering the list.
 */
import type { MouseEvent, ReactNode } from 'react';
import { Box, Card, Checkbox, Chip, IconButton, LinearProgress, Paper, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import {
  FieldTitle,
  Link,
  RecordContextProvider,
  RecordRepresentation,
  useCreatePath,
  useListContext,
  useResourceDefinition,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { ClientEntityModel } from '@ra-sales/schema';
import { StageSlaMark } from '../workflow/StageSlaMark.js';
import { cardFields } from './cardFields.js';
import { listField } from './elements.js';

export interface PhoneListProps {
  entity: ClientEntityModel;
  /** The bulk action buttons (as the datagrid's `bulkActionButtons`); `false`: no selection. */
  bulkActions?: ReactNode | false;
  /** Shown when there is no record (default: react-admin's "No results found"). */
  empty?: ReactNode;
}

export function PhoneList({ entity, bulkActions, empty }: PhoneListProps) {
  const { data, isPending, selectedIds, onToggleItem } = useListContext();
  const translate = useTranslate();
  if (isPending) return <LinearProgress sx={{ m: 2 }} />;
  const selectable = bulkActions !== false && bulkActions != null;
  return (
    <Box data-testid="phone-list" sx={{ p: 1, display: 'flex', flexDirection: 'column', gap: 1 }}>
      {data?.length === 0 &&
        (empty ?? (
          <Typography variant="body2" sx={{ color: 'text.secondary', p: 2 }}>
            {translate('ra.navigation.no_results')}
          </Typography>
        ))}
      {data?.map((record) => (
        <RecordContextProvider key={record.id} value={record}>
          <PhoneListCard
            entity={entity}
            record={record}
            selected={selectable ? selectedIds.includes(record.id) : undefined}
            onToggle={() => onToggleItem(record.id)}
          />
        </RecordContextProvider>
      ))}
      {selectable && <PhoneBulkBar>{bulkActions}</PhoneBulkBar>}
    </Box>
  );
}

interface PhoneListCardProps {
  entity: ClientEntityModel;
  record: RaRecord;
  /** undefined: the list offers no selection. */
  selected: boolean | undefined;
  onToggle: () => void;
}

function PhoneListCard({ entity, record, selected, onToggle }: PhoneListCardProps) {
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const translate = useTranslate();
  const { hasShow } = useResourceDefinition({ resource: entity.resource });
  const path = createPath({ resource: entity.resource, id: record.id, type: hasShow ? 'show' : 'edit' });
  const stageField = entity.workflow && entity.fields.find((field) => field.name === entity.workflow!.field);
  return (
    <Card
      variant="outlined"
      data-testid="phone-card"
      data-id={record.id}
      // The whole card opens the record; a link inside it (the title, a reference, a phone number) goes where it goes.
      onClick={(event: MouseEvent) => {
        if (!(event.target as HTMLElement).closest('a')) navigate(path);
      }}
      sx={{ display: 'flex', alignItems: 'flex-start', cursor: 'pointer', bgcolor: selected ? 'action.selected' : undefined }}
    >
      {selected !== undefined && (
        <Checkbox
          checked={selected}
          onClick={(event) => event.stopPropagation()}
          onChange={onToggle}
          size="small"
          sx={{ mt: 0.5 }}
          // As react-admin's datagrid rows name theirs.
          aria-label={translate('ra.action.select_row', { _: 'Select this row' })}
        />
      )}
      <Box sx={{ flex: 1, minWidth: 0, py: 1.25, pr: 1.5, pl: selected === undefined ? 1.5 : 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
          <Typography component={Link} to={path} variant="subtitle2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            <RecordRepresentation resource={entity.resource} record={record} />
          </Typography>
          {stageField && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexShrink: 0 }}>
              <Chip size="small" color="primary" variant="outlined" label={listField(entity, stageField)} data-testid="phone-card-stage" />
              <StageSlaMark entity={entity} record={record} />
            </Box>
          )}
        </Box>
        <Box
          component="dl"
          sx={{ m: 0, mt: 0.75, display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: 1.5, rowGap: 0.25 }}
        >
          {cardFields(entity).map((field) => (
            <Box key={field.name} sx={{ display: 'contents' }} data-field={field.name}>
              <Typography component="dt" variant="caption" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                <FieldTitle source={field.name} resource={entity.resource} />
              </Typography>
              <Typography
                component="dd"
                variant="body2"
                sx={{ m: 0, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
              >
                {listField(entity, field)}
              </Typography>
            </Box>
          ))}
        </Box>
      </Box>
    </Card>
  );
}

/** While records are selected: how many, a way out, and the bulk buttons wrapping at the bottom of the screen. */
function PhoneBulkBar({ children }: { children: ReactNode }) {
  const { selectedIds, onUnselectItems } = useListContext();
  const translate = useTranslate();
  if (selectedIds.length === 0) return null;
  return (
    <Paper
      elevation={6}
      data-testid="phone-bulk-bar"
      sx={{ position: 'sticky', bottom: 8, zIndex: 2, p: 1, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5 }}
    >
      <IconButton size="small" aria-label={translate('ra.action.unselect')} onClick={() => onUnselectItems()}>
        <CloseIcon fontSize="small" />
      </IconButton>
      <Typography variant="body2" sx={{ mr: 'auto' }}>
        {translate('ra.action.bulk_actions', { smart_count: selectedIds.length })}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 0.5 }}>{children}</Box>
    </Paper>
  );
}
