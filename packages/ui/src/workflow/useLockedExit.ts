/**
 * Leaving a locked stage is a reversal: only the lock's `reversibleBy` roles (and admin) may make
 * it, giving a reason. This tells the move screens whether a record's stage is locked, whether
 * the current user may reverse it, and who may.
 */
import type { RaRecord } from 'react-admin';
import { lockedStage, mayReverse, type ClientEntityModel, type StageLock, type StageModel } from '@ra-sales/schema';
import { useRoleNames } from '../i18n/useRoleNames.js';
import { useRuleUser } from '../user/ruleUser.js';

export interface LockedExit {
  stage: StageModel & { lock: StageLock };
  /** The current user may move the record out (a user the UI does not know: the server decides). */
  allowed: boolean;
  /** The roles that may, as one phrase in the UI language. */
  who: string;
}

export function useLockedExit(entity: ClientEntityModel): (record: RaRecord | undefined) => LockedExit | undefined {
  const { user } = useRuleUser();
  const roleNames = useRoleNames();
  return (record) => {
    const stage = record ? lockedStage(entity, record) : undefined;
    if (!stage) return undefined;
    return { stage, allowed: mayReverse(stage.lock, user), who: roleNames(stage.lock.reversibleBy) };
  };
}
