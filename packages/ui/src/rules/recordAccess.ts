/**
 * Whether a user may edit or delete a record, as far as the browser can tell: the write scope
 * of their roles (`x-access`, the same widest-role rule as the server's), the record's owner,
 * its stage lock and the fields left writable. Where the browser cannot tell (a `team` scope:
 * it does not know the owner's team), it allows and the server decides.
 */
import { lockedStage, ownsRecord, readOnlyFieldsFor, scopeOf, type ClientEntityModel, type RuleUser, type Scope } from '@ra-sales/schema';
import { editableFields } from '../resources/entity.js';
import { UNKNOWN_USER } from '../user/unknownUser.js';

/** The widest write scope among the user's roles (the server's own rule, from @ra-sales/schema). */
export function writeScopeOf(entity: ClientEntityModel, user: RuleUser): Scope {
  return scopeOf(entity, user, 'write');
}

/**
 * Whether the record is inside the user's write scope, by the server's rule: `own` — the owner
 * field holds the user's id; `team` — assumed (the browser does not know the owner's team; the
 * server checks). An entity without an owner field has no owned rows (`own` and `team` match
 * nothing), except the users entity (`usersResource`: the model's `users.resource`), whose `own`
 * row is the user's.
 */
export function inWriteScope(entity: ClientEntityModel, user: RuleUser, record: Record<string, unknown>, usersResource?: string): boolean {
  const scope = writeScopeOf(entity, user);
  if (scope === 'none') return false;
  if (scope === 'all') return true;
  if (entity.access.ownerField) return scope === 'team' || ownsRecord(entity, user, record);
  if (usersResource === undefined || entity.resource !== usersResource) return false;
  return scope === 'team' || (record.id != null && Number(record.id) === user.id);
}

export interface RecordAccess {
  /** Some field of the record is still writable by the user (a locked record: one of the lock's exceptions). */
  edit: boolean;
  /** Not locked and inside the write scope. */
  delete: boolean;
}

/** `user` undefined: not known to the UI, which then checks only what holds for everyone (locks). */
export function recordAccess(
  entity: ClientEntityModel,
  user: RuleUser | undefined,
  record: Record<string, unknown>,
  usersResource?: string,
): RecordAccess {
  if (user && !inWriteScope(entity, user, record, usersResource)) return { edit: false, delete: false };
  const readOnly = readOnlyFieldsFor(entity, user ?? UNKNOWN_USER, record);
  return {
    edit: editableFields(entity).some((field) => !readOnly.has(field.name)),
    delete: !lockedStage(entity, record),
  };
}
