/**
 * Why a field is read-only for a user on a record, from the schema's rule helpers
 * (`readOnlyFieldsFor`, `mayWriteField`, `lockedStage`): the screens show the reason, the
 * payload leaves the field out.
 */
import {
  lockedStage,
  mayWriteField,
  ownsRecord,
  readOnlyFieldsFor,
  type ClientEntityModel,
  type RuleUser,
  type StageLock,
  type StageModel,
} from '@ra-sales/schema';

export type ReadOnlyReason =
  /** `x-computed`: the value follows from others. */
  | { kind: 'computed' }
  /** Set by the server only (`readOnly`, `x-sequence`, …). */
  | { kind: 'server' }
  /** `x-write`: only these roles (and admin) may write it. */
  | { kind: 'right'; roles: string[] }
  /** `x-write` with `owner: false`: the user has the role, but owns the record. */
  | { kind: 'own-record' }
  /** The record's stage is locked and the field is not one of its exceptions. */
  | { kind: 'lock'; stage: StageModel & { lock: StageLock } }
  /** An approval the field decides (`freezes`) is pending, awaited from these roles. */
  | { kind: 'frozen'; roles: string[] };

/**
 * The fields `user` may not write, with the reason, on `record` — or, when `record` is undefined,
 * on a new record (which its creator owns). `frozen`: fields frozen by pending approvals (see `frozenFields`).
 */
export function readOnlyReasons(
  entity: ClientEntityModel,
  user: RuleUser,
  record?: Record<string, unknown>,
  frozen: ReadonlyMap<string, string[]> = new Map(),
): Map<string, ReadOnlyReason> {
  const creating = record === undefined;
  const isOwner = creating || ownsRecord(entity, user, record);
  const readOnly = creating
    ? new Set(entity.fields.filter((f) => f.readOnly || !mayWriteField(f, user, true)).map((f) => f.name))
    : readOnlyFieldsFor(entity, user, record);
  const stage = creating ? undefined : lockedStage(entity, record);
  const reasons = new Map<string, ReadOnlyReason>();
  for (const field of entity.fields) {
    const awaited = frozen.get(field.name);
    if (!readOnly.has(field.name)) {
      if (awaited) reasons.set(field.name, { kind: 'frozen', roles: awaited });
      continue;
    }
    if (field.computed !== undefined) reasons.set(field.name, { kind: 'computed' });
    else if (!mayWriteField(field, user, isOwner)) {
      const ownerOnly = isOwner && mayWriteField(field, user, false);
      reasons.set(field.name, ownerOnly ? { kind: 'own-record' } : { kind: 'right', roles: field.write?.roles ?? [] });
    } else if (field.readOnly) reasons.set(field.name, { kind: 'server' });
    else if (stage) reasons.set(field.name, { kind: 'lock', stage });
  }
  return reasons;
}
