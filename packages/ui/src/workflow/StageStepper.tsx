/**
 * For the Show/Edit of a workflow record: the open stages as a stepper, what the current stage's
 * gate still lacks, one button per allowed move and the approvals the record waits for. On a phone
 * the stepper is compact: the current stage and how far along it is, the next step as a button and
 * the other moves in a menu.
 */
import { useState } from 'react';
import { Alert, Box, Button, Chip, LinearProgress, Menu, MenuItem, Stack, Step, StepLabel, Stepper, Typography } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { useLocaleState, useRecordContext, type RaRecord } from 'react-admin';
import type { ClientSalesModel, StageModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useIsPhone } from '../layout/useIsPhone.js';
import { GateChecklist } from './GateChecklist.js';
import { useSalesTranslate } from './messages.js';
import { workflowOfRecord } from '@ra-sales/schema';
import { useSavePayload } from '../resources/useSavePayload.js';
import { isForward, serverLabel, stageLabel, stageOf, workflowEntity } from './model.js';
import { useUnsavedEdits } from './unsavedEdits.js';
import { useLockedExit } from './useLockedExit.js';
import { useStageMove } from './useStageMove.js';
import { useWorkflowInfo } from './useWorkflowInfo.js';

export interface StageStepperProps {
  model: ClientSalesModel;
  resource: string;
  /** Defaults to the record of the surrounding Show/Edit. */
  record?: RaRecord;
}

export function StageStepper({ model, resource, record: recordProp }: StageStepperProps) {
  const contextRecord = useRecordContext();
  const record = recordProp ?? contextRecord;
  const entity = workflowEntity(model, resource);
  // The record's own pipeline: its stages only, never those of another.
  const workflow = workflowOfRecord(entity.workflow, record);
  const [locale] = useLocaleState();
  const t = useSalesTranslate();
  // On an edit page the move carries the unsaved values, and the form then takes the saved record.
  const unsaved = useUnsavedEdits();
  const toPayload = useSavePayload(entity, 'edit');
  const { requestMove, moving, dialogs } = useStageMove(entity, (saved) => unsaved.reset(saved));
  const withEdits = (stored: RaRecord): RaRecord => {
    const edits = unsaved.read();
    return edits ? { ...stored, ...toPayload(edits, { previousData: stored }) } : stored;
  };
  const info = useWorkflowInfo(resource, record?.id, record?.version ?? record?.[workflow.field]);
  const lockedExit = useLockedExit(entity);
  const phone = useIsPhone();
  if (!record) return null;
  /** Set when the record's stage is locked: every move out is a reversal. */
  const locked = lockedExit(record);

  const current = stageOf(workflow, (info.data?.stage ?? record[workflow.field]) as string);
  const openStages = workflow.stages.filter((stage) => stage.kind === 'open');
  // A closed record (won or lost) has no active step; a won one has every step completed.
  const activeStep = current?.kind === 'open' ? openStages.findIndex((stage) => stage.id === current.id) : -1;
  const next = info.data?.next ?? [];
  const forward = next.filter((move) => isForward(workflow, current?.id, move.to));
  const gateMissing = forward
    .flatMap((move) => move.missing)
    .filter((item, index, all) => all.findIndex((other) => other.field === item.field) === index);
  const roleLabel = (role: string) => labelIn(model.roles[role], locale) || role;
  const moveLabel = (to: string, approvalRoles: string[]) => {
    const stage = stageLabel(workflow, to, locale);
    if (locked) return t('workflow.reverse_to', { stage });
    if (approvalRoles.length > 0) return t('workflow.request_approval', { stage });
    return t(isForward(workflow, current?.id, to) || stageOf(workflow, to)?.kind !== 'open' ? 'workflow.move_to' : 'workflow.back_to', {
      stage,
    });
  };

  const moves: MoveChoice[] = next.map((move) => ({
    to: move.to,
    label: moveLabel(move.to, move.approvalRoles),
    forward: isForward(workflow, current?.id, move.to),
    lost: stageOf(workflow, move.to)?.kind === 'lost',
    disabled: moving != null || (locked && !locked.allowed) || !!info.data?.pending.some((approval) => approval.to_stage === move.to),
    title:
      locked && !locked.allowed
        ? t('workflow.reverse_not_allowed', { stage: labelIn(locked.stage.label, locale), roles: locked.who })
        : move.missing.map((item) => serverLabel(item.label, locale, item.field)).join(', '),
  }));
  const onMove = (to: string) => requestMove(withEdits(record), to);

  return (
    <Box data-testid="stage-stepper" sx={{ my: 2 }}>
      {phone ? (
        <CompactStages current={current} openStages={openStages} activeStep={activeStep} locale={locale} />
      ) : (
        <Stepper activeStep={activeStep} alternativeLabel>
          {openStages.map((stage) => (
            <Step
              key={stage.id}
              completed={current ? (current.kind === 'open' && stage.order < current.order) || current.kind === 'won' : false}
            >
              <StepLabel>{labelIn(stage.label, locale)}</StepLabel>
            </Step>
          ))}
        </Stepper>
      )}
      {current && current.kind !== 'open' && (
        <Alert severity={current.kind === 'won' ? 'success' : 'warning'} sx={{ mt: 2 }}>
          {current.kind === 'won' ? labelIn(current.label, locale) : t('workflow.closed_lost', { stage: labelIn(current.label, locale) })}
        </Alert>
      )}
      {info.error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
          {String((info.error as Error).message)}
        </Alert>
      ) : null}
      <Box sx={{ display: 'flex', gap: { xs: 2, sm: 4 }, mt: 2, flexWrap: 'wrap' }}>
        {current?.kind === 'open' && current.gateChecklist && current.gateChecklist.length > 0 && info.data && (
          <Box sx={{ flex: '1 1 280px', minWidth: 0 }}>
            <GateChecklist stage={current} missing={gateMissing} locale={locale} />
          </Box>
        )}
        {info.data && info.data.pending.length > 0 && (
          <Box sx={{ flex: '1 1 240px', minWidth: 0 }} data-testid="pending-approvals">
            <Alert severity="info">
              {t('workflow.pending_approvals')}
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }} useFlexGap>
                {info.data.pending.map((approval) => (
                  <Chip
                    key={approval.id}
                    size="small"
                    sx={{ maxWidth: '100%' }}
                    label={`${serverLabel(approval.label, locale, stageLabel(workflow, approval.to_stage, locale))} · ${t('workflow.awaiting_role', { role: roleLabel(approval.role) })}`}
                  />
                ))}
              </Stack>
            </Alert>
          </Box>
        )}
      </Box>
      {phone ? (
        <CompactMoves moves={moves} onMove={onMove} />
      ) : (
        <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
          {moves.map((move) => (
            <MoveButton key={move.to} move={move} onMove={onMove} />
          ))}
        </Stack>
      )}
      {dialogs}
    </Box>
  );
}

/** One move the record may make, as the stepper offers it. */
interface MoveChoice {
  to: string;
  label: string;
  forward: boolean;
  lost: boolean;
  disabled: boolean;
  /** Why it is disabled, or what its gate still lacks. */
  title: string;
}

function MoveButton({ move, onMove }: { move: MoveChoice; onMove: (to: string) => void }) {
  return (
    <Button
      data-testid={`move-${move.to}`}
      variant={move.forward ? 'contained' : 'outlined'}
      color={move.lost ? 'warning' : 'primary'}
      disabled={move.disabled}
      title={move.title}
      onClick={() => onMove(move.to)}
    >
      {move.label}
    </Button>
  );
}

interface CompactStagesProps {
  current: StageModel | undefined;
  openStages: StageModel[];
  activeStep: number;
  locale: string;
}

/** On a phone: the current stage, where it stands among the open stages, and a bar of the way done. */
function CompactStages({ current, openStages, activeStep, locale }: CompactStagesProps) {
  const ui = useUiTranslate();
  const done = current?.kind === 'won' ? openStages.length : activeStep + 1;
  return (
    <Box data-testid="compact-stages">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {current && <Chip color="primary" label={labelIn(current.label, locale)} data-testid="current-stage" />}
        {activeStep >= 0 && (
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {ui('phone.stage_of', { index: activeStep + 1, count: openStages.length })}
          </Typography>
        )}
      </Box>
      {openStages.length > 0 && (
        <LinearProgress variant="determinate" value={(Math.max(done, 0) / openStages.length) * 100} sx={{ mt: 1, borderRadius: 1 }} />
      )}
    </Box>
  );
}

/** On a phone: the first forward move as the button, the others in a menu. */
function CompactMoves({ moves, onMove }: { moves: MoveChoice[]; onMove: (to: string) => void }) {
  const ui = useUiTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (moves.length === 0) return null;
  const primary = moves.find((move) => move.forward && !move.lost);
  const others = moves.filter((move) => move !== primary);
  return (
    <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
      {primary && <MoveButton move={primary} onMove={onMove} />}
      {others.length > 0 && (
        <>
          <Button
            variant="outlined"
            endIcon={<ArrowDropDownIcon />}
            onClick={(event) => setAnchor(event.currentTarget)}
            data-testid="stage-moves-menu"
          >
            {ui('phone.more_moves')}
          </Button>
          <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
            {others.map((move) => (
              <MenuItem
                key={move.to}
                data-testid={`move-${move.to}`}
                disabled={move.disabled}
                title={move.title}
                onClick={() => {
                  setAnchor(null);
                  onMove(move.to);
                }}
              >
                {move.label}
              </MenuItem>
            ))}
          </Menu>
        </>
      )}
    </Box>
  );
}
