/**
 * The list column of the workflow field when stages have time limits: the stage, and beside it
 * the overdue mark of a record past its stage's `sla_days` (see workflow/StageSlaMark).
 */
import type { ReactElement } from 'react';
import { Box } from '@mui/material';
import type { ClientEntityModel } from '@ra-sales/schema';
import { StageSlaMark } from '../workflow/StageSlaMark.js';

export interface StageColumnProps {
  entity: ClientEntityModel;
  /** The stage field as the kind registry renders it. */
  children: ReactElement;
  /** Read by the Datagrid header, like any column's. */
  source: string;
  label?: ReactElement | string | false;
  sortable?: boolean;
}

export function StageColumn({ entity, children }: StageColumnProps) {
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
      {children}
      <StageSlaMark entity={entity} />
    </Box>
  );
}
