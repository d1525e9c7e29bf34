import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { StageHistory } from '../workflow/StageHistory.js';
import { StageStepper } from '../workflow/StageStepper.js';
import { entityOf, type EntityScreenProps } from './entity.js';

export interface WorkflowSlotProps {
  /** Shown above the record; default: the stage stepper for workflow entities. `null` hides it. */
  stepper?: ReactNode;
  /** Shown beside the record; default: the stage history for workflow entities. `null` hides it. */
  aside?: ReactNode;
}

/** The stepper and history of a workflow entity, unless the caller supplied its own (or `null`). */
export function workflowSlots({ model, resource, stepper, aside }: EntityScreenProps & WorkflowSlotProps) {
  const hasWorkflow = !!entityOf(model, resource).workflow;
  const pick = (given: ReactNode | undefined, fallback: ReactNode) => (given !== undefined ? given : hasWorkflow ? fallback : null);
  return {
    stepper: pick(stepper, <StageStepper model={model} resource={resource} />),
    aside: pick(
      aside,
      <Box sx={{ width: 300, flexShrink: 0, ml: 2 }}>
        <StageHistory model={model} resource={resource} />
      </Box>,
    ),
  };
}
