import { useLocale, useTranslate } from 'react-admin';
import type { ClientEntityModel, StageModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';

/** A stage's label in the UI language (the i18n messages first, else the schema label). */
export function useStageName(entity: ClientEntityModel): (stage: StageModel) => string {
  const translate = useTranslate();
  const locale = useLocale();
  return (stage) => translate(keys.stage(entity.resource, stage.id), { _: labelIn(stage.label, locale) });
}
