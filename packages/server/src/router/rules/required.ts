import type { EntityModel } from '@ra-sales/schema';
import { badRequest } from '../errors.js';
import { phrase } from '../locale.js';
import { joinLabels } from './labels.js';

/**
 * Defaults are for new records: an update that empties a required field is refused (validation
 * alone would fill the schema default in and store it silently).
 */
export function refuseEmptiedRequired(entity: EntityModel, sent: Record<string, unknown>, locale: string): void {
  const emptied = entity.fields.filter((f) => f.required && f.name in sent && sent[f.name] === null).map((f) => f.name);
  if (!emptied.length) return;
  throw badRequest(
    phrase(locale, 'requiredEmptied', { fields: joinLabels(entity, emptied, locale) }),
    Object.fromEntries(emptied.map((n) => [n, phrase(locale, 'requiredField', {})])),
  );
}
