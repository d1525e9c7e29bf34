/**
 * The fields of the form's record the current user may not write, each with the sentence saying
 * why ("Only Sales manager or Administrator can change this", "Locked in stage Won", "Frozen
 * while the approval of … is pending", …).
 */
import { useRecordContext } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { useRoleNames } from '../i18n/useRoleNames.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useRuleUser } from '../user/ruleUser.js';
import { readOnlyReasons, type ReadOnlyReason } from './fieldAccess.js';
import { usePendingFreezes } from './usePendingFreezes.js';
import { useStageName } from './useStageName.js';

export interface ReadOnlyHints {
  /** Field name → why it is read-only; fields absent are writable. */
  hints: ReadonlyMap<string, string>;
  /** True until the current user is known (or known to be unknowable). */
  isPending: boolean;
}

/** Whether the form edits a new record (no id yet): its creator will own it. */
export const isNewRecord = (record: { id?: unknown } | undefined) => record?.id == null;

export function useReadOnlyHints(entity: ClientEntityModel): ReadOnlyHints {
  const record = useRecordContext();
  const { user, isPending } = useRuleUser();
  const t = useUiTranslate();
  const roleNames = useRoleNames();
  const stageName = useStageName(entity);
  const frozen = usePendingFreezes(entity);
  const say = (reason: ReadOnlyReason): string => {
    switch (reason.kind) {
      case 'computed':
      case 'server':
        return t('rules.computed');
      case 'right':
        return t('rules.write_roles', { roles: roleNames(reason.roles) });
      case 'own-record':
        return t('rules.not_own_record');
      case 'lock':
        return t('rules.locked_field', { stage: stageName(reason.stage) });
      case 'frozen':
        return t('rules.frozen', { roles: roleNames(reason.roles) });
    }
  };
  const reasons = readOnlyReasons(entity, user, isNewRecord(record) ? undefined : record, frozen);
  return { hints: new Map([...reasons].map(([name, reason]) => [name, say(reason)])), isPending };
}
