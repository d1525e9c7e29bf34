import type { EntityModel } from '@ra-sales/schema';
import { useRuleUser } from '../user/ruleUser.js';
import { writeScopeOf } from './recordAccess.js';

/** False when the current user's write scope on the entity is `none` (the server would answer 403). */
export function useMayCreate(entity: EntityModel): boolean {
  const { user, known } = useRuleUser();
  return !known || writeScopeOf(entity, user) !== 'none';
}
