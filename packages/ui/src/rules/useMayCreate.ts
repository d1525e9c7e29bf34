import type { ClientEntityModel } from '@ra-sales/schema';
import { useRuleUser } from '../user/ruleUser.js';
import { writeScopeOf } from './recordAccess.js';

/**
 * Whether the current user may write some record of the entity: false when their write scope on
 * it is `none` (the server would answer 403 to any write), and while the user is being fetched,
 * so that Create, bulk Delete… do not flash and vanish. When the user cannot be known, true:
 * the server decides.
 */
export function useMayWrite(entity: ClientEntityModel): boolean {
  const { user, known, isPending } = useRuleUser();
  if (isPending) return false;
  return !known || writeScopeOf(entity, user) !== 'none';
}

/** Whether the current user may create a record of the entity (a write scope other than `none`; see `useMayWrite`). */
export function useMayCreate(entity: ClientEntityModel): boolean {
  return useMayWrite(entity);
}
