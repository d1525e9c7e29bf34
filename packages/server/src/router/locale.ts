import type { Request } from 'express';
import { labelOf, type FieldModel, type SalesModel } from '@ra-sales/schema';
import type { ResourceInfo } from './resources.js';

/** The model locale best matching `Accept-Language`, else the model's first locale. */
export function requestLocale(req: Request, model: SalesModel): string {
  const header = req.get('accept-language') ?? '';
  const wanted = header
    .split(',')
    .map((part) => part.split(';')[0].trim().toLowerCase())
    .filter(Boolean);
  for (const tag of wanted) {
    const exact = model.locales.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const sameLanguage = model.locales.find((l) => l.toLowerCase().split('-')[0] === tag.split('-')[0]);
    if (sameLanguage) return sameLanguage;
  }
  return model.locales[0] ?? 'en';
}

const PHRASES: Record<string, Record<string, string>> = {
  en: {
    requiredToLeave: 'required to leave {stage}',
    invalidToLeave: '{message} to leave {stage}',
    requiredToEnter: 'required to enter {stage}',
    invalidToEnter: '{message} to enter {stage}',
    cannotMove: 'Cannot move to {stage}: {missing}',
    // Rules of the schema language (x-write, locks, approvals, computed, unique, x-ref-where).
    onlyRolesWrite: 'only {roles} may set this field',
    notOnOwnRecord: 'cannot be set on your own record',
    fieldsNotWritable: 'You may not set {fields}',
    recordLocked: 'This {entity} is locked in {stage}; only {roles} can reverse it',
    recordLockedFinal: 'This {entity} is locked in {stage} for good',
    lockedField: 'locked in {stage}',
    reverseRoles: 'Only {roles} may reverse {stage}',
    reverseReason: 'Give a reason (at least 2 characters) to reverse {stage}',
    frozenPending: 'frozen while {approval} is pending',
    frozenRefused: 'Frozen while an approval is pending: {fields}',
    voidsApproval: 'changing it voids an approval',
    voidThenMove: 'Changing {fields} voids an approval: save the change without moving the record',
    approvalVoided: '{approvals} voided: {fields} changed',
    approvalVoidedBack: '{approvals} voided: {fields} changed; back to {stage} for approval',
    computedBy: 'computed by the server: {value}',
    computedRefused: 'Computed fields cannot be set: {fields}',
    requiredField: 'required: it cannot be emptied',
    requiredEmptied: 'Required fields cannot be emptied: {fields}',
    duplicate: '{fields} already used by {entity} {record}',
    duplicateOwned: '{fields} already used by {entity} {record} (owner: {owner})',
    refWhereMismatch: 'this {target} does not match the {fields} of this record',
    refWhereNotAllowed: 'this {target} is not allowed here',
    // Refusals of writes (validation, server-owned fields, references, versions, access).
    listSeparator: ', ',
    invalidRecord: 'Invalid record: {fields}',
    rejectedBySchema: 'rejected by the schema',
    ruleRequired: 'required',
    ruleUnknownField: 'unknown field',
    ruleOneOf: 'must be one of: {values}',
    nestedRule: '{path}: {message}',
    quotedName: '"{name}"',
    unknownFields: 'Unknown field {fields}',
    serverOwned: 'Field {fields} is set by the server',
    cannotBeChanged: 'cannot be changed',
    startsInInitial: 'A new record starts in {stage}',
    mustStartIn: 'must be {stage} on create',
    moveOnlyTo: '{stage} can move to {stages} only',
    moveNowhere: '{stage} can move to no other stage',
    movesAllowed: 'allowed: {stages}',
    staleRecord: '{entity} {id} was changed by someone else; reload it and try again',
    noSuchReference: 'no {entity} record {id}',
    unknownReferences: 'Unknown reference: {fields}',
    stillReferenced: '{entity} {id} is still referenced by {users}',
    referencedBy: 'referenced by {users}',
    referencingField: '{entity}.{field}',
    mayNotChangeAny: 'You may not change {entity}',
    mayNotChangeRecord: 'You may not change {entity} {id}',
    noSuchRecord: 'No {entity} record {id}',
    noRecordId: 'No record {id}',
    unknownResource: 'Unknown resource {name}',
    ownerNotInTeam: '{field} must be a member of your team',
    notInTeam: 'not a member of your team',
    resourceApprovals: 'Approval',
    resourceHistory: 'History',
  },
  'zh-CN': {
    requiredToLeave: '离开「{stage}」前必须填写',
    invalidToLeave: '离开「{stage}」前需满足：{message}',
    requiredToEnter: '进入「{stage}」前必须填写',
    invalidToEnter: '进入「{stage}」前需满足：{message}',
    cannotMove: '无法推进到「{stage}」：{missing}',
    onlyRolesWrite: '只有{roles}可以填写此字段',
    notOnOwnRecord: '不能在本人的记录上填写',
    fieldsNotWritable: '无权填写：{fields}',
    recordLocked: '此{entity}处于「{stage}」，已锁定；只有{roles}可以撤回',
    recordLockedFinal: '此{entity}处于「{stage}」，已永久锁定',
    lockedField: '「{stage}」状态下已锁定',
    reverseRoles: '只有{roles}可以撤回「{stage}」',
    reverseReason: '撤回「{stage}」须填写原因（至少 2 个字）',
    frozenPending: '「{approval}」审批中，不可修改',
    frozenRefused: '审批中，以下字段不可修改：{fields}',
    voidsApproval: '修改将使已通过的审批作废',
    voidThenMove: '修改{fields}将使审批作废：请先保存修改，不要同时推进阶段',
    approvalVoided: '「{approvals}」审批作废：{fields}已修改',
    approvalVoidedBack: '「{approvals}」审批作废：{fields}已修改，退回「{stage}」重新审批',
    computedBy: '由系统计算：{value}',
    computedRefused: '计算字段不能手工填写：{fields}',
    requiredField: '必填，不能清空',
    requiredEmptied: '必填字段不能清空：{fields}',
    duplicate: '{fields}已被{entity}「{record}」使用',
    duplicateOwned: '{fields}已被{entity}「{record}」使用（归属：{owner}）',
    refWhereMismatch: '所选{target}与本记录的{fields}不符',
    refWhereNotAllowed: '此处不能选择该{target}',
    listSeparator: '、',
    invalidRecord: '记录无效：{fields}',
    rejectedBySchema: '不符合数据规则',
    ruleRequired: '必填',
    ruleUnknownField: '未知字段',
    ruleOneOf: '必须是以下值之一: {values}',
    nestedRule: '{path}：{message}',
    quotedName: '「{name}」',
    unknownFields: '未知字段：{fields}',
    serverOwned: '字段{fields}由服务器设置，不能修改',
    cannotBeChanged: '不能修改',
    startsInInitial: '新记录只能从「{stage}」开始',
    mustStartIn: '新建时必须为「{stage}」',
    moveOnlyTo: '「{stage}」只能推进到：{stages}',
    moveNowhere: '「{stage}」不能再推进到其他阶段',
    movesAllowed: '只能推进到：{stages}',
    staleRecord: '{entity} {id} 已被他人修改，请刷新后重试',
    noSuchReference: '找不到{entity}记录 {id}',
    unknownReferences: '引用的记录不存在：{fields}',
    stillReferenced: '{entity} {id} 仍被引用，不能删除：{users}',
    referencedBy: '仍被引用：{users}',
    referencingField: '{entity}的「{field}」',
    mayNotChangeAny: '你无权修改{entity}',
    mayNotChangeRecord: '你无权修改{entity} {id}',
    noSuchRecord: '找不到{entity}记录 {id}',
    noRecordId: '找不到记录 {id}',
    unknownResource: '未知资源 {name}',
    ownerNotInTeam: '「{field}」必须是你团队的成员',
    notInTeam: '不是你团队的成员',
    resourceApprovals: '审批',
    resourceHistory: '历史记录',
  },
};

export function phrase(locale: string, key: string, values: Record<string, string>): string {
  const template = PHRASES[locale]?.[key] ?? PHRASES[locale.split('-')[0]]?.[key] ?? PHRASES.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/** Words listed as the locale writes them: `a, b` / `a、b`. */
export function listWords(locale: string, words: string[]): string {
  return words.join(phrase(locale, 'listSeparator', {}));
}

/** Names quoted and listed as the locale writes them: `"a", "b"` / `「a」、「b」`. */
export function quotedNames(locale: string, names: string[]): string {
  return listWords(locale, names.map((name) => phrase(locale, 'quotedName', { name })));
}

/**
 * A field of the entity (or a column of lines: `{ fields: itemFields }`) by its label in the locale;
 * the name itself when it is no field (id, version, …).
 */
export function fieldName(owner: { fields: readonly FieldModel[] } | undefined, name: string, locale: string): string {
  const field = owner?.fields.find((f) => f.name === name);
  return field ? labelOf(field.label, locale) : name;
}

/** What a record of the resource is called: the entity's label, or "Approval" / "审批". */
export function resourceLabel(resource: ResourceInfo, locale: string): string {
  if (resource.entity) return labelOf(resource.entity.label, locale);
  return phrase(locale, resource.kind === 'approvals' ? 'resourceApprovals' : 'resourceHistory', {});
}
