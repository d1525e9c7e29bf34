/**
 * How many approval requests wait for the current user: pending rows of the roles they hold (every
 * pending row for the roles that see all, admin by default), within what the server lets them
 * read. The count is the list's total; no row is fetched but one.
 */
import { useGetList } from 'react-admin';
import { useSalesUser } from '../user/useSalesUser.js';

export function usePendingApprovalCount(seeAllRoles: readonly string[] = ['admin']): number | undefined {
  const user = useSalesUser();
  const roles = user.data?.roles;
  const seeAll = roles?.some((role) => seeAllRoles.includes(role));
  const { total } = useGetList(
    'approvals',
    {
      filter: seeAll || !roles ? { status: 'pending' } : { status: 'pending', role: roles },
      pagination: { page: 1, perPage: 1 },
    },
    // Before the user is known the count would be everybody's.
    { enabled: user.isFetched, staleTime: 30_000 },
  );
  return user.isFetched ? total : undefined;
}
