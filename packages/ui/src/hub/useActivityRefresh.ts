/** After a note or task is saved: the record's timeline, the task lists and the inbox read again. */
import { useQueryClient } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { INBOX_QUERY_KEY } from './activityApi.js';

export function useActivityRefresh(resource: string, id: Identifier | undefined): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [resource, 'getTimeline', String(id)] });
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
  };
}
