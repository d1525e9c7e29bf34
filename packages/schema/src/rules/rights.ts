import type { ClientEntityModel, ClientFieldModel, StageLock, StageModel } from '../model.js';

/** The role that may do everything a rule allows any role. */
export const SUPER_ROLE = 'admin';

export interface RuleUser {
  id: number;
  roles: readonly string[];
}

/** Whether `user` may give `field` a value or change it on a record they own (`isOwner`) or not. */
export function mayWriteField(field: ClientFieldModel, user: RuleUser, isOwner: boolean): boolean {
  if (!field.write) return true;
  if (user.roles.includes(SUPER_ROLE)) return true;
  if (isOwner && !field.write.owner) return false;
  return field.write.roles.some((role) => user.roles.includes(role));
}

/** Whether `user` owns `record` by the entity's owner field. */
export function ownsRecord(entity: ClientEntityModel, user: RuleUser, record: Record<string, unknown>): boolean {
  const owner = entity.access.ownerField;
  return owner !== undefined && record[owner] !== null && record[owner] !== undefined && Number(record[owner]) === user.id;
}

/** The stage the record is in, when that stage is locked. */
export function lockedStage(entity: ClientEntityModel, record: Record<string, unknown>): (StageModel & { lock: StageLock }) | undefined {
  const workflow = entity.workflow;
  if (!workflow) return undefined;
  const stage = workflow.stages.find((s) => s.id === record[workflow.field]);
  return stage?.lock ? (stage as StageModel & { lock: StageLock }) : undefined;
}

/** Whether `user` may reverse a lock (move a record out of a locked stage). */
export function mayReverse(lock: StageLock, user: RuleUser): boolean {
  return user.roles.includes(SUPER_ROLE) || lock.reversibleBy.some((role) => user.roles.includes(role));
}

/** Fields the user may not write on this record: by field right, or because its stage is locked. */
export function readOnlyFieldsFor(entity: ClientEntityModel, user: RuleUser, record: Record<string, unknown>): Set<string> {
  const owned = ownsRecord(entity, user, record);
  const lock = lockedStage(entity, record)?.lock;
  const out = new Set<string>();
  for (const field of entity.fields) {
    if (field.readOnly || !mayWriteField(field, user, owned)) out.add(field.name);
    else if (lock && !lock.except.includes(field.name)) out.add(field.name);
  }
  return out;
}
