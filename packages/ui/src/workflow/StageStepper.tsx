/**
 * For the Show/Edit of a workflow record: the open stages as a stepper, what the current stage's
 * gate still lacks, one button per allowed move and the approvals the record waits for.
 */
import { Alert, Box, Button, Chip, Stack, Step, StepLabel, Stepper } from '@mui/material';
import { useLocaleState, useRecordContext, type RaRecord } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
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

  return (
    <Box data-testid="stage-stepper" sx={{ my: 2 }}>
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
      <Box sx={{ display: 'flex', gap: 4, mt: 2, flexWrap: 'wrap' }}>
        {current?.kind === 'open' && current.gateChecklist && current.gateChecklist.length > 0 && info.data && (
          <Box sx={{ flex: '1 1 320px' }}>
            <GateChecklist stage={current} missing={gateMissing} locale={locale} />
          </Box>
        )}
        {info.data && info.data.pending.length > 0 && (
          <Box sx={{ flex: '1 1 240px' }} data-testid="pending-approvals">
            <Alert severity="info">
              {t('workflow.pending_approvals')}
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
                {info.data.pending.map((approval) => (
                  <Chip
                    key={approval.id}
                    size="small"
                    label={`${serverLabel(approval.label, locale, stageLabel(workflow, approval.to_stage, locale))} · ${t('workflow.awaiting_role', { role: roleLabel(approval.role) })}`}
                  />
                ))}
              </Stack>
            </Alert>
          </Box>
        )}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }} useFlexGap>
        {next.map((move) => {
          const kind = stageOf(workflow, move.to)?.kind;
          return (
            <Button
              key={move.to}
              data-testid={`move-${move.to}`}
              variant={isForward(workflow, current?.id, move.to) ? 'contained' : 'outlined'}
              color={kind === 'lost' ? 'warning' : 'primary'}
              disabled={
                moving != null || (locked && !locked.allowed) || info.data?.pending.some((approval) => approval.to_stage === move.to)
              }
              title={
                locked && !locked.allowed
                  ? t('workflow.reverse_not_allowed', { stage: labelIn(locked.stage.label, locale), roles: locked.who })
                  : move.missing.map((item) => serverLabel(item.label, locale, item.field)).join(', ')
              }
              onClick={() => requestMove(withEdits(record), move.to)}
            >
              {moveLabel(move.to, move.approvalRoles)}
            </Button>
          );
        })}
      </Stack>
      {dialogs}
    </Box>
  );
}
