import { useDataProvider, useRecordContext, type DataProvider, type Identifier } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { ClientEntityModel } from '@ra-sales/schema';
import type { SalesApi, WorkflowInfo } from '../workflow/api.js';
import { frozenFields } from './approvalFreezes.js';

const NONE: ReadonlyMap<string, string[]> = new Map();

/**
 * The fields of the record in context frozen by its pending approvals, from
 * `GET /<resource>/:id/workflow` (the stage stepper's query, so it is fetched once). Nothing on
 * a new record, an entity without a workflow, or a data provider without `getWorkflow()`.
 */
export function usePendingFreezes(entity: ClientEntityModel): ReadonlyMap<string, string[]> {
  const record = useRecordContext();
  const dataProvider = useDataProvider() as DataProvider & Partial<SalesApi>;
  const workflow = entity.workflow;
  const id = record?.id;
  const info = useQuery<WorkflowInfo>({
    queryKey: [entity.resource, 'workflow', String(id), record?.version ?? (workflow ? record?.[workflow.field] : undefined)],
    queryFn: async () => (await dataProvider.getWorkflow!(entity.resource, { id: id as Identifier })).data,
    enabled: id != null && !!workflow?.approvals.some((rule) => rule.freezes.length) && typeof dataProvider.getWorkflow === 'function',
  });
  return info.data ? frozenFields(workflow, info.data.inFlight ?? info.data.pending ?? []) : NONE;
}
