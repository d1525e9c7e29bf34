/** Whether the data provider acts as a chosen salesperson (the demo, see `demoActAs`), who, and the switch. */
import { useDataProvider, useNotify, useRefresh, type DataProvider, type Identifier } from 'react-admin';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActAsApi } from './actAs.js';

const ACT_AS_QUERY_KEY = ['ra-sales', 'act-as'] as const;

export interface ActAsState {
  /** The data provider offers the switch: the demo. */
  available: boolean;
  /** The salesperson acted as; null: the demo's own user. */
  acting: Identifier | null;
  switchTo: (id: Identifier | null) => Promise<void>;
}

export function useActAs(): ActAsState {
  const dataProvider = useDataProvider() as DataProvider & Partial<ActAsApi>;
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const notify = useNotify();
  const query = useQuery({
    queryKey: ACT_AS_QUERY_KEY,
    // A provider without the methods (combined providers answer every name with a function that throws) is no demo.
    queryFn: async () => {
      try {
        return { available: true, acting: (await dataProvider.getActingUser!()).data };
      } catch {
        return { available: false, acting: null };
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return {
    available: query.data?.available ?? false,
    acting: query.data?.acting ?? null,
    switchTo: async (id) => {
      try {
        await dataProvider.setActingUser!(id);
      } catch (error) {
        notify((error as Error).message, { type: 'error' });
        return;
      }
      // Everything read so far was read as the user before: the user itself, lists, reports.
      await queryClient.invalidateQueries();
      refresh();
    },
  };
}
