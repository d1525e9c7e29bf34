/** `GET /api/<resource>/:id/workflow`: where the record stands and what each next move lacks. */
import { useQuery } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { useSalesApi } from './api.js';

export function useWorkflowInfo(resource: string, id: Identifier | undefined, version?: unknown) {
  const api = useSalesApi();
  return useQuery({
    queryKey: [resource, 'workflow', String(id), version],
    queryFn: async () => (await api.getWorkflow(resource, { id: id as Identifier })).data,
    enabled: id != null,
  });
}
