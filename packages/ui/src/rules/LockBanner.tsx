/** On Show and Edit: the record is locked in its stage, and who can move it out again. */
import { Alert } from '@mui/material';
import LockIcon from '@mui/icons-material/Lock';
import { useRecordContext, type RaRecord } from 'react-admin';
import { lockedStage, type ClientEntityModel } from '@ra-sales/schema';
import { useRoleNames } from '../i18n/useRoleNames.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useStageName } from './useStageName.js';

export interface LockBannerProps {
  entity: ClientEntityModel;
  /** Defaults to the record in context. */
  record?: RaRecord;
}

export function LockBanner({ entity, record: recordProp }: LockBannerProps) {
  const contextRecord = useRecordContext();
  const record = recordProp ?? contextRecord;
  const t = useUiTranslate();
  const roleNames = useRoleNames();
  const stageName = useStageName(entity);
  const stage = record ? lockedStage(entity, record) : undefined;
  if (!stage) return null;
  return (
    <Alert severity="info" icon={<LockIcon fontSize="inherit" />} sx={{ my: 1 }} data-testid="lock-banner" data-stage={stage.id}>
      {t('rules.locked', { stage: stageName(stage) })} {t('rules.reversible_by', { roles: roleNames(stage.lock.reversibleBy) })}
    </Alert>
  );
}
