import { useTranslate } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { keys } from '../i18n/keys.js';
import { humanize } from '../i18n/labels.js';

/** A section's tab label; the i18n messages name it (see `salesMessages`), else its id. */
export function useSectionLabel(entity: ClientEntityModel): (section: string) => string {
  const translate = useTranslate();
  return (section) => translate(keys.section(entity.resource, section), { _: humanize(section) });
}
