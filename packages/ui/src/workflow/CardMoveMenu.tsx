/** The keyboard and touch alternative to dragging: a card's "move to" menu of allowed stages. */
import { useState, type MouseEvent } from 'react';
import { IconButton, Menu, MenuItem } from '@mui/material';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import type { RaRecord } from 'react-admin';
import { labelIn } from '../i18n/labels.js';
import { useSalesTranslate } from './messages.js';
import { targetsOf, type WorkflowEntity } from './model.js';
import { useLockedExit } from './useLockedExit.js';

export interface CardMoveMenuProps {
  entity: WorkflowEntity;
  record: RaRecord;
  locale: string;
  onMove: (record: RaRecord, to: string) => void;
}

/** Out of a locked stage the items read "Reverse to …", and are disabled for users who may not reverse it. */
export function CardMoveMenu({ entity, record, locale, onMove }: CardMoveMenuProps) {
  const t = useSalesTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // The menu is mounted once first opened (then kept, for its closing transition): a board shows a hundred cards.
  const [opened, setOpened] = useState(false);
  const lockedExit = useLockedExit(entity);
  const { workflow } = entity;
  const targets = anchor ? targetsOf(workflow, record[workflow.field] as string) : new Set<string>();
  const locked = anchor ? lockedExit(record) : undefined;
  const open = (event: MouseEvent<HTMLElement>) => {
    event.preventDefault();
    event.stopPropagation();
    setAnchor(event.currentTarget);
    setOpened(true);
  };
  return (
    <>
      <IconButton size="small" aria-label={t('workflow.move_menu')} onClick={open} data-testid="card-move-menu" sx={{ p: 0.25 }}>
        <MoreVertIcon fontSize="small" />
      </IconButton>
      {opened && (
        <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
          {workflow.stages
            .filter((stage) => targets.has(stage.id))
            .map((stage) => (
              <MenuItem
                key={stage.id}
                data-stage={stage.id}
                disabled={locked && !locked.allowed}
                title={
                  locked && !locked.allowed
                    ? t('workflow.reverse_not_allowed', { stage: labelIn(locked.stage.label, locale), roles: locked.who })
                    : undefined
                }
                onClick={() => {
                  setAnchor(null);
                  onMove(record, stage.id);
                }}
              >
                {t(locked ? 'workflow.reverse_to' : 'workflow.move_to', { stage: labelIn(stage.label, locale) })}
              </MenuItem>
            ))}
        </Menu>
      )}
    </>
  );
}
