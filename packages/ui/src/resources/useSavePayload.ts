import type { RaRecord } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { readOnlyReasons } from '../rules/fieldAccess.js';
import { useRuleUser } from '../user/ruleUser.js';
import { toPayload } from './payload.js';

/**
 * The `transform` of the sales Edit and Create: `toPayload` leaving out what the current user
 * may not write on the record as it was loaded (`previousData`), or on a new record. (Fields
 * frozen by a pending approval are read-only on the form, so they go back unchanged.)
 */
export function useSavePayload(entity: ClientEntityModel, mode: 'create' | 'edit') {
  const { user } = useRuleUser();
  return (data: RaRecord | Record<string, unknown>, options?: { previousData?: RaRecord }) => {
    const record = mode === 'create' ? undefined : (options?.previousData ?? data);
    const readOnly = new Set(readOnlyReasons(entity, user, record).keys());
    return toPayload(entity, mode, readOnly)(data);
  };
}
