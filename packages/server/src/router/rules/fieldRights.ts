/**
 * `x-write`: a field only some roles may give a value or change. Checked on the values the body
 * sets that differ from the stored ones (an echo of the stored record is not a write).
 */
import { mayWriteField, ownsRecord, type EntityModel, type SalesModel } from '@ra-sales/schema';
import { HttpError } from '../errors.js';
import { phrase } from '../locale.js';
import type { SalesUser } from '../types.js';
import { changedFields } from './changes.js';
import { joinLabels, roleLabels } from './labels.js';

export function checkFieldRights(
  model: SalesModel,
  entity: EntityModel,
  user: SalesUser,
  sent: Record<string, unknown>,
  stored: Record<string, unknown>,
  owner: Record<string, unknown>,
  locale: string,
): void {
  const owned = ownsRecord(entity, user, owner);
  const errors: Record<string, string> = {};
  for (const name of changedFields(entity, sent, stored)) {
    const field = entity.fields.find((f) => f.name === name)!;
    if (!field.write || field.computed !== undefined || mayWriteField(field, user, owned)) continue;
    const mayByRole = field.write.roles.some((r) => user.roles.includes(r));
    errors[name] = mayByRole
      ? phrase(locale, 'notOnOwnRecord', {})
      : phrase(locale, 'onlyRolesWrite', { roles: roleLabels(model, field.write.roles, locale) });
  }
  if (Object.keys(errors).length) {
    throw new HttpError(403, phrase(locale, 'fieldsNotWritable', { fields: joinLabels(entity, Object.keys(errors), locale) }), errors);
  }
}
