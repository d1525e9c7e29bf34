/**
 * Request bodies turned into records: unknown keys refused, fields the client may not set
 * protected, the merged record validated, and rows read back in one JSON shape.
 */
import { SERVER_FIELDS, STAGE_ENTERED_FIELD, type EntityModel, type EntityValidators, type FieldKind } from '@ra-sales/schema';
import { badRequest } from './errors.js';
import { fieldName, phrase, quotedNames } from './locale.js';
import { validationFailed } from './validationErrors.js';
import { embedName, JSON_KINDS, type ResourceInfo } from './resources.js';
import type { Row } from './types.js';

/** Body member carrying a comment for the history of a transition; never stored on the record. */
export const COMMENT_MEMBER = '_comment';

const embedKeysOf = new WeakMap<ResourceInfo, ReadonlySet<string>>();
const serverOwnedOf = new WeakMap<EntityModel, readonly string[]>();
const kindsOf = new WeakMap<ResourceInfo, Record<string, FieldKind | undefined>>();

/** What depends on the resource (or entity) alone, worked out at its first request. */
function perResource<K extends object, V>(kept: WeakMap<K, V>, key: K, make: () => V): V {
  let value = kept.get(key);
  if (value === undefined) kept.set(key, (value = make()));
  return value;
}

export function requireObjectBody(body: unknown, locale: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(phrase(locale, 'bodyNotObject', {}));
  }
  return body as Record<string, unknown>;
}

/**
 * The body without what react-admin echoes but is not a field (embedded records, `_comment`);
 * any other key that is no column is refused, naming it.
 */
export function fieldsOfBody(body: Record<string, unknown>, resource: ResourceInfo, locale: string): Record<string, unknown> {
  const embedKeys = perResource(embedKeysOf, resource, () => new Set([...resource.embeds.values()].map((e) => embedName(e.field))));
  const out: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (resource.columns.has(key)) {
      if (value !== undefined) out[key] = value;
    } else if (key === COMMENT_MEMBER) {
    } else if (embedKeys.has(key) && (value === null || (typeof value === 'object' && !Array.isArray(value)))) {
    } else {
      unknown.push(key);
    }
  }
  if (unknown.length) {
    throw badRequest(
      phrase(locale, 'unknownFields', { fields: quotedNames(locale, unknown) }),
      Object.fromEntries(unknown.map((k) => [k, phrase(locale, 'ruleUnknownField', {})])),
    );
  }
  return out;
}

export function commentOf(body: Record<string, unknown>, locale: string): string | null {
  const comment = body[COMMENT_MEMBER];
  if (comment === undefined || comment === null) return null;
  if (typeof comment !== 'string' || comment.length > 20000) {
    throw badRequest(phrase(locale, 'mustBeText', { field: phrase(locale, 'historyCommentField', {}) }), {
      [COMMENT_MEMBER]: phrase(locale, 'ruleText', {}),
    });
  }
  return comment;
}

function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value) && !Number.isNaN(Date.parse(value))) {
    return `time:${Date.parse(value)}`;
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) return `n:${Number(value)}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Equal as stored: numbers whatever their notation, instants whatever their time-zone notation. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Fields the client sends only as echoes: each present in `fields` must equal `stored` (for a
 * create, `stored` is empty and only null is an echo).
 */
export function refuseChanges(
  fields: Record<string, unknown>,
  stored: Record<string, unknown>,
  names: Iterable<string>,
  locale: string,
  /** Names the fields by their labels. */
  entity?: EntityModel,
): void {
  const changed = [...names].filter((name) => name in fields && !sameValue(fields[name], stored[name]));
  if (changed.length) {
    throw badRequest(
      phrase(locale, 'serverOwned', {
        fields: quotedNames(
          locale,
          changed.map((n) => fieldName(entity, n, locale)),
        ),
      }),
      Object.fromEntries(changed.map((name) => [name, phrase(locale, 'cannotBeChanged', {})])),
    );
  }
}

/** Fields no client writes: the server's columns and read-only fields. */
export function serverOwnedFields(entity: EntityModel): readonly string[] {
  // Computed fields are judged against the value the server computes (rules/computed.ts).
  return perResource(serverOwnedOf, entity, () => [
    ...SERVER_FIELDS,
    ...(entity.workflow ? [STAGE_ENTERED_FIELD] : []),
    ...entity.fields.filter((f) => f.readOnly && f.computed === undefined).map((f) => f.name),
  ]);
}

/** The entity's fields only, as the schema sees them (required fields left empty are absent). */
/** Fields of the stored record as a client would send them back. */
export function editableView(row: Row, entity: EntityModel): Record<string, unknown> {
  return Object.fromEntries(entity.fields.map((f) => [f.name, row[f.name] ?? null]));
}

export function schemaView(record: Record<string, unknown>, entity: EntityModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of entity.fields) {
    const value = record[field.name];
    if (value === undefined || (value === null && field.required)) continue;
    out[field.name] = value;
  }
  return out;
}

/**
 * Validates the record as it would be stored; returns the fields with schema defaults filled in.
 */
export function validateRecord(
  record: Record<string, unknown>,
  entity: EntityModel,
  validators: EntityValidators,
  locale: string,
): Record<string, unknown> {
  const view = structuredClone(schemaView(record, entity));
  if (!validators.record(view)) throw validationFailed(validators.record.errors, entity, locale);
  return view;
}

/** Column values for an insert or update: only the entity's fields, JSON kinds as JSON text. */
export function toColumns(fields: Record<string, unknown>, entity: EntityModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of entity.fields) {
    if (!(field.name in fields)) continue;
    const value = fields[field.name];
    out[field.name] = JSON_KINDS.has(field.kind) && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
  }
  return out;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const NUMBER_KINDS = new Set(['integer', 'reference', 'number', 'money', 'percent']);

/** What `toISOString` writes: the type parsers' own output, kept as it is. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A column's value in the JSON shape of the API, whatever the driver's type parsers return. */
function apiValue(kind: FieldKind | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'datetime') {
    if (typeof value === 'string' && ISO_INSTANT.test(value)) return value;
    const time = value instanceof Date ? value : new Date(String(value));
    return Number.isNaN(time.getTime()) ? value : time.toISOString();
  }
  if (kind === 'date' && value instanceof Date) return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  if (kind !== undefined && typeof value === 'string' && NUMBER_KINDS.has(kind)) return Number(value);
  return value;
}

const kindsByName = (resource: ResourceInfo) =>
  perResource(kindsOf, resource, () => {
    const byName: Record<string, FieldKind | undefined> = Object.create(null);
    for (const [name, column] of resource.columns) byName[name] = column.kind;
    return byName;
  });

/**
 * A row in the JSON shape of the API. Columns named `__…` are a statement's own (a list's capped
 * total), never fields, and are left out.
 */
export function normalizeRow(row: Record<string, unknown>, resource: ResourceInfo): Row {
  const kinds = kindsByName(resource);
  const out: Record<string, unknown> = {};
  for (const key in row) if (!key.startsWith('__')) out[key] = apiValue(kinds[key], row[key]);
  return out as Row;
}

/**
 * `normalizeRow` of rows nobody else holds (a page just read), converted where they are: no copy of
 * every row, and the type parsers' values mostly stay as they are.
 */
export function normalizeRowsInPlace(rows: Record<string, unknown>[], resource: ResourceInfo): Row[] {
  const kinds = kindsByName(resource);
  for (const row of rows) {
    for (const key in row) {
      if (key.startsWith('__')) {
        delete row[key];
        continue;
      }
      const value = row[key];
      const shaped = apiValue(kinds[key], value);
      if (shaped !== value) row[key] = shaped;
    }
  }
  return rows as Row[];
}
