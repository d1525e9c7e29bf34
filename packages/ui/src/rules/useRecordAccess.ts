import { useRecordContext, type RaRecord } from 'react-admin';
import type { ClientEntityModel, ClientSalesModel } from '@ra-sales/schema';
import { useRuleUser } from '../user/ruleUser.js';
import { recordAccess, type RecordAccess } from './recordAccess.js';

const NOTHING: RecordAccess = { edit: false, delete: false };

/**
 * Whether the current user may edit / delete the record (the record in context by default).
 * Nothing while the user is being fetched, so buttons do not flash and vanish. The model names the
 * users entity, whose own row the user may write with an `own` scope.
 */
export function useRecordAccess(entity: ClientEntityModel, model?: Pick<ClientSalesModel, 'users'>, recordProp?: RaRecord): RecordAccess {
  const contextRecord = useRecordContext();
  const record = recordProp ?? contextRecord;
  const { user, known, isPending } = useRuleUser();
  if (!record || isPending) return NOTHING;
  return recordAccess(entity, known ? user : undefined, record, model?.users?.resource);
}
