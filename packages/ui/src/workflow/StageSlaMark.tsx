/**
 * The mark of a record that has stayed in its stage longer than the stage's time limit
 * (`sla_days`), from the record's server-owned `stage_entered_at`: a small chip with a clock,
 * its tooltip saying "In stage for 5 days, limit 1". Nothing when the stage has no limit, the
 * record is within it, or the server does not send `stage_entered_at`.
 */
import { memo } from 'react';
import { Chip, Tooltip } from '@mui/material';
import AccessTimeIcon from '@mui/icons-material/AccessTime';
import { useRecordContext, type RaRecord } from 'react-admin';
import { STAGE_ENTERED_FIELD, type ClientEntityModel, type WorkflowModel } from '@ra-sales/schema';
import { useSalesTranslate } from './messages.js';

const DAY = 86_400_000;

export interface StageOverdue {
  /** Whole days in the stage so far. */
  days: number;
  /** The stage's limit in days. */
  limit: number;
}

/** Days in the stage and the limit, when the record is past its stage's limit; undefined otherwise. */
export function stageOverdue(workflow: WorkflowModel, record: RaRecord | undefined, now = Date.now()): StageOverdue | undefined {
  if (!record) return undefined;
  const limit = workflow.stages.find((stage) => stage.id === record[workflow.field])?.slaDays;
  const entered = Date.parse(String(record[STAGE_ENTERED_FIELD] ?? ''));
  if (limit === undefined || Number.isNaN(entered)) return undefined;
  // Overdue as the server counts it: entered + limit days < now.
  if (entered + limit * DAY >= now) return undefined;
  return { days: Math.floor((now - entered) / DAY), limit };
}

/** Whether any stage of the workflow has a time limit (the list then offers the filter and the mark). */
export const hasStageLimits = (entity: ClientEntityModel) => !!entity.workflow?.stages.some((stage) => stage.slaDays !== undefined);

export interface StageSlaMarkProps {
  entity: ClientEntityModel;
  /** The record; the record context when absent (a list cell). */
  record?: RaRecord;
}

export const StageSlaMark = memo(function StageSlaMark({ entity, record: given }: StageSlaMarkProps) {
  const t = useSalesTranslate();
  const context = useRecordContext();
  const record = given ?? context;
  const overdue = entity.workflow ? stageOverdue(entity.workflow, record) : undefined;
  if (!overdue) return null;
  return (
    <Tooltip title={t('workflow.sla_overdue', { days: overdue.days, limit: overdue.limit })}>
      <Chip
        size="small"
        color="warning"
        variant="outlined"
        icon={<AccessTimeIcon />}
        label={t('workflow.sla_days', { days: overdue.days })}
        data-testid="stage-sla-mark"
        aria-label={t('workflow.sla_overdue', { days: overdue.days, limit: overdue.limit })}
        sx={{ height: 20, '& .MuiChip-label': { px: 0.75 }, '& .MuiChip-icon': { fontSize: 14 } }}
      />
    </Tooltip>
  );
});
