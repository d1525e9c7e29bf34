/**
 * Whether a user may edit or delete a record, as far as the browser can tell: the write scope
 * of their roles (`x-access`, the same widest-role rule as the server's), the record's owner,
 * its stage lock and the fields left writable. Where the browser cannot tell (a `team` scope:
 * it does not know the owner's team), it allows and the server decides.
 */
import { lockedStage, ownsRecord, readOnlyFieldsFor, scopeOf, type EntityModel, type RuleUser, type Scope } from '@ra-sales/schema';
import { editableFields } from '../resources/entity.js';
import { UNKNOWN_USER } from '../user/unknownUser.js';

/** The widest write scope among the user's roles (the server's own rule, from @ra-sales/schema). */
export function writeScopeOf(entity: EntityModel, user: RuleUser): Scope {
  return scopeOf(entity, user, 'write');
}

/** Whether the record is inside the user's write scope (`team`: assumed, the server checks). */
export function inWriteScope(entity: EntityModel, user: RuleUser, record: Record<string, unknown>): boolean {
  const scope = writeScopeOf(entity, user);
  if (scope === 'none') return false;
  if (scope === 'own' && entity.access.ownerField) return ownsRecord(entity, user, record);
  return true;
}

export interface RecordAccess {
  /** Some field of the record is still writable by the user (a locked record: one of the lock's exceptions). */
  edit: boolean;
  /** Not locked and inside the write scope. */
  delete: boolean;
}

/** `user` undefined: not known to the UI, which then checks only what holds for everyone (locks). */
export function recordAccess(entity: EntityModel, user: RuleUser | undefined, record: Record<string, unknown>): RecordAccess {
  if (user && !inWriteScope(entity, user, record)) return { edit: false, delete: false };
  const readOnly = readOnlyFieldsFor(entity, user ?? UNKNOWN_USER, record);
  return {
    edit: editableFields(entity).some((field) => !readOnly.has(field.name)),
    delete: !lockedStage(entity, record),
  };
}
