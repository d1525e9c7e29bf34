/**
 * Who the current user is: `GET /api/me` → `{ id, roles, teamId, fullName }`, read through the
 * data provider's `getMe()` (see `salesApiMethods`). The UI ships no authProvider; the server
 * decides who is calling (its `auth` hook, or the demo `X-Sales-User` header the data provider sends).
 */
import { useDataProvider, type DataProvider } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { SalesApi, SalesUser } from '../workflow/api.js';

/** The query key of `/me`, shared by every screen so the user is fetched once. */
export const SALES_USER_QUERY_KEY = ['ra-sales', 'me'] as const;

/**
 * The current user; `null` when it cannot be known — the data provider has no `getMe()`, or
 * `/me` failed. The screens then restrict nothing the server checks and leave it to decide.
 * (A failure is an answer, not an error state, so screens mounting later do not fetch it again
 * and again.)
 */
export function useSalesUser() {
  const dataProvider = useDataProvider() as DataProvider & Partial<SalesApi>;
  return useQuery<SalesUser | null>({
    queryKey: SALES_USER_QUERY_KEY,
    queryFn: async () => {
      if (typeof dataProvider.getMe !== 'function') return null;
      try {
        return (await dataProvider.getMe()).data ?? null;
      } catch {
        return null;
      }
    },
    staleTime: 60_000,
  });
}
