/**
 * The bodies of notes and tasks: each member checked against what its column holds, refusals in
 * the user's language naming the field. Server-owned members (the author, the creator, when and by
 * whom a task was done) may only echo their stored value.
 */
import { ACTIVITY_TEXT_MAX, TASK_TITLE_MAX, activityKindsOf, labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { badRequest } from '../errors.js';
import { listWords, phrase, quotedNames } from '../locale.js';
import { fieldsOfBody, requireObjectBody, sameValue } from '../records.js';
import type { ResourceInfo } from '../resources.js';

/** A column of `notes` or `tasks` by its name in the locale ("Due date" / "截止日期"). */
export function fieldLabel(locale: string, column: string): string {
  const key = `activityField_${column}`;
  const label = phrase(locale, key, {});
  return label === key ? column : label;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;

/** Collects every wrong member, then refuses them at once. */
class Refusals {
  readonly errors: Record<string, string> = {};
  constructor(readonly locale: string) {}
  add(column: string, rule: string): void {
    this.errors[column] ??= rule;
  }
  throwAny(): void {
    const columns = Object.keys(this.errors);
    if (!columns.length) return;
    const fields = listWords(
      this.locale,
      columns.map((c) => fieldLabel(this.locale, c)),
    );
    throw badRequest(phrase(this.locale, 'invalidRecord', { fields }), this.errors);
  }
}

type Values = Record<string, unknown>;

function text(refusals: Refusals, values: Values, column: string, value: unknown, max: number, required: boolean): void {
  const field = fieldLabel(refusals.locale, column);
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    if (required) refusals.add(column, phrase(refusals.locale, 'ruleFillIn', { field }));
    else values[column] = null;
    return;
  }
  if (typeof value !== 'string')
    return refusals.add(column, phrase(refusals.locale, 'ruleType', { field, type: phrase(refusals.locale, 'type_string', {}) }));
  if (value.length > max) return refusals.add(column, phrase(refusals.locale, 'ruleMaxLength', { field, limit: String(max) }));
  values[column] = value.replace(/\0/g, '');
}

function date(refusals: Refusals, values: Values, column: string, value: unknown): void {
  if (value === null || value === '') {
    values[column] = null;
    return;
  }
  if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
    refusals.add(
      column,
      phrase(refusals.locale, 'ruleFormatExample', { field: fieldLabel(refusals.locale, column), example: '2026-12-31' }),
    );
    return;
  }
  values[column] = value;
}

function instant(refusals: Refusals, values: Values, column: string, value: unknown): void {
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    refusals.add(
      column,
      phrase(refusals.locale, 'ruleFormatExample', { field: fieldLabel(refusals.locale, column), example: '2026-12-31T09:30:00Z' }),
    );
    return;
  }
  values[column] = new Date(value).toISOString();
}

function id(refusals: Refusals, values: Values, column: string, value: unknown, nullable: boolean): void {
  if (value === null && nullable) {
    values[column] = null;
    return;
  }
  const n = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) {
    refusals.add(
      column,
      phrase(refusals.locale, 'ruleType', {
        field: fieldLabel(refusals.locale, column),
        type: phrase(refusals.locale, 'type_integer', {}),
      }),
    );
    return;
  }
  values[column] = n;
}

/** Members only the server sets: absent, null on create, or the stored value echoed back. */
function refuseServerOwned(fields: Values, stored: Values, columns: string[], locale: string): void {
  const changed = columns.filter((c) => c in fields && !sameValue(fields[c], stored[c] ?? null));
  if (!changed.length) return;
  throw badRequest(
    phrase(locale, 'serverOwned', {
      fields: quotedNames(
        locale,
        changed.map((c) => fieldLabel(locale, c)),
      ),
    }),
    Object.fromEntries(changed.map((c) => [c, phrase(locale, 'cannotBeChanged', {})])),
  );
}

const SERVER_COLUMNS = ['id', 'version', 'created_at', 'updated_at'];
const NOTE_SERVER_COLUMNS = [...SERVER_COLUMNS, 'author_id'];
const TASK_SERVER_COLUMNS = [...SERVER_COLUMNS, 'created_by', 'done_at', 'done_by'];
/** The record a note or task is on cannot change: it would move it out of that record's access. */
const TARGET_COLUMNS = ['resource', 'record_id'];

/**
 * A note's values: on create (`stored` undefined) the record it is on, its kind and body are
 * required; on update only what the body carries, the record fixed.
 */
export function noteValues(ctx: RequestContext, resource: ResourceInfo, body: unknown, stored?: Values): Values {
  const fields = fieldsOfBody(requireObjectBody(body, ctx.locale), resource, ctx.locale);
  refuseServerOwned(fields, stored ?? {}, stored ? [...NOTE_SERVER_COLUMNS, ...TARGET_COLUMNS] : NOTE_SERVER_COLUMNS, ctx.locale);
  const refusals = new Refusals(ctx.locale);
  const values: Values = {};
  if (!stored) {
    targetValues(refusals, values, fields);
  }
  if (!stored || 'kind' in fields) {
    const kinds = activityKindsOf(ctx.model);
    if (typeof fields.kind !== 'string' || !kinds.some((k) => k.id === fields.kind)) {
      const labels = kinds.map((k) => `${k.id} (${labelOf(k.label, ctx.locale)})`);
      refusals.add('kind', phrase(ctx.locale, 'ruleOneOf', { values: listWords(ctx.locale, labels) }));
    } else values.kind = fields.kind;
  }
  if (!stored || 'body' in fields) text(refusals, values, 'body', fields.body, ACTIVITY_TEXT_MAX, true);
  if ('occurred_at' in fields) instant(refusals, values, 'occurred_at', fields.occurred_at);
  refusals.throwAny();
  return values;
}

/** A task's values, as `noteValues`; `done` is kept as given, the server sets when and by whom. */
export function taskValues(ctx: RequestContext, resource: ResourceInfo, body: unknown, stored?: Values): Values {
  const fields = fieldsOfBody(requireObjectBody(body, ctx.locale), resource, ctx.locale);
  refuseServerOwned(fields, stored ?? {}, stored ? [...TASK_SERVER_COLUMNS, ...TARGET_COLUMNS] : TASK_SERVER_COLUMNS, ctx.locale);
  const refusals = new Refusals(ctx.locale);
  const values: Values = {};
  if (!stored) targetValues(refusals, values, fields);
  if (!stored || 'title' in fields) text(refusals, values, 'title', fields.title, TASK_TITLE_MAX, true);
  if ('description' in fields) text(refusals, values, 'description', fields.description, ACTIVITY_TEXT_MAX, false);
  if ('due_date' in fields) date(refusals, values, 'due_date', fields.due_date);
  if ('assignee_id' in fields) id(refusals, values, 'assignee_id', fields.assignee_id, true);
  if ('done' in fields) {
    if (typeof fields.done !== 'boolean') {
      refusals.add(
        'done',
        phrase(ctx.locale, 'ruleType', { field: fieldLabel(ctx.locale, 'done'), type: phrase(ctx.locale, 'type_boolean', {}) }),
      );
    } else values.done = fields.done;
  }
  refusals.throwAny();
  return values;
}

function targetValues(refusals: Refusals, values: Values, fields: Values): void {
  if (typeof fields.resource !== 'string' || fields.resource === '') {
    refusals.add('resource', phrase(refusals.locale, 'ruleFillIn', { field: fieldLabel(refusals.locale, 'resource') }));
  } else values.resource = fields.resource;
  if (fields.record_id === undefined || fields.record_id === null) {
    refusals.add('record_id', phrase(refusals.locale, 'ruleFillIn', { field: fieldLabel(refusals.locale, 'record_id') }));
  } else id(refusals, values, 'record_id', fields.record_id, false);
}
