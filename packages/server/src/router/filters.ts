/**
 * The filter object of a list request turned into WHERE terms. Keys name columns of the
 * resource, optionally with an operator suffix; values are checked against the column's kind so
 * that no filter value reaches the database in a shape it would reject.
 *
 *   { "grade": "A" }               equality          { "grade": ["A","B"] }  IN
 *   { "amount_gte": 10 }           >= (also _lte _gt _lt _neq)
 *   { "name_q": "acme" }           contains, case-insensitive (text columns)
 *   { "q": "acme north" }          every word found in some field marked `search`
 *   { "owner_id": null }           IS NULL
 *   { "stage_overdue": true }      in its stage longer than the stage's sla_days (workflow entities)
 */
import type { Knex } from 'knex';
import type { WorkflowModel } from '@ra-sales/schema';
import { badRequest } from './errors.js';
import { fieldName, listWords, phrase, quotedNames, resourceLabel } from './locale.js';
import { JSON_KINDS, NUMBER_KINDS, TEXT_KINDS, type Column, type ResourceInfo } from './resources.js';
import { STAGE_OVERDUE_FILTER, stageOverdueCondition } from './stageFigures.js';

export type Operator = 'eq' | 'gte' | 'lte' | 'gt' | 'lt' | 'neq' | 'contains';

export type FilterTerm =
  | { type: 'compare'; column: Column; operator: Operator; value: unknown }
  | { type: 'search'; columns: string[]; words: string[] }
  | { type: 'overdue'; workflow: WorkflowModel; overdue: boolean };

/** `stage_overdue` is a filter of workflow entities only. */
const isOverdueKey = (key: string, resource: ResourceInfo) => key === STAGE_OVERDUE_FILTER && !!resource.entity?.workflow;

const SUFFIXES: [string, Operator][] = [
  ['_gte', 'gte'],
  ['_lte', 'lte'],
  ['_gt', 'gt'],
  ['_lt', 'lt'],
  ['_neq', 'neq'],
  ['_q', 'contains'],
];

const SQL_OPERATORS: Record<Exclude<Operator, 'eq' | 'contains' | 'neq'>, string> = {
  gte: '>=',
  lte: '<=',
  gt: '>',
  lt: '<',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a filter value must be: a PHRASES key (`valueDate` → "a date YYYY-MM-DD"). */
class BadValue extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
  }
}

/** A filter value as the column's kind stores it; throws BadValue otherwise. */
export function coerceValue(column: Column, value: unknown): unknown {
  const { kind } = column;
  if (kind === 'integer' || kind === 'reference') {
    const n = typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
    if (!Number.isSafeInteger(n) || Math.abs(n as number) > 2 ** 53) throw new BadValue('valueInteger');
    if (kind === 'integer' && column.name !== 'id' && Math.abs(n as number) > 2147483647) throw new BadValue('valueInteger');
    return n;
  }
  if (NUMBER_KINDS.has(kind)) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new BadValue('valueNumber');
    return n;
  }
  if (kind === 'boolean') {
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    throw new BadValue('valueBoolean');
  }
  if (kind === 'date') {
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new BadValue('valueDate');
    }
    return value;
  }
  if (kind === 'datetime') {
    if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) {
      throw new BadValue('valueDateTime');
    }
    return new Date(value).toISOString();
  }
  if (TEXT_KINDS.has(kind)) {
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') throw new BadValue('valueString');
    return value.replace(/\0/g, '');
  }
  throw new BadValue('valueFilterable');
}

function columnAndOperator(key: string, resource: ResourceInfo): { column: Column; operator: Operator } | undefined {
  const exact = resource.columns.get(key);
  if (exact) return { column: exact, operator: 'eq' };
  for (const [suffix, operator] of SUFFIXES) {
    if (!key.endsWith(suffix)) continue;
    const column = resource.columns.get(key.slice(0, -suffix.length));
    if (column) return { column, operator };
  }
  return undefined;
}

function parseTerm(key: string, value: unknown, resource: ResourceInfo, locale: string): FilterTerm {
  const named = { resource: resource.name, entity: resourceLabel(resource, locale), name: JSON.stringify(key) };
  if (key === 'q') {
    if (!resource.searchFields.length)
      throw badRequest(phrase(locale, 'notSearchable', named), { q: phrase(locale, 'ruleNotSearchable', {}) });
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw badRequest(phrase(locale, 'searchNotText', {}), {
        q: phrase(locale, 'ruleMustBe', { value: phrase(locale, 'valueString', {}) }),
      });
    }
    const words = String(value).replace(/\0/g, '').trim().split(/\s+/).filter(Boolean).slice(0, 10);
    return { type: 'search', columns: resource.searchFields, words };
  }
  if (isOverdueKey(key, resource)) {
    if (value !== true && value !== false && value !== 'true' && value !== 'false') {
      const must = phrase(locale, 'valueBoolean', {});
      throw badRequest(phrase(locale, 'filterMustBe', { ...named, value: must }), { [key]: phrase(locale, 'ruleMustBe', { value: must }) });
    }
    return { type: 'overdue', workflow: resource.entity!.workflow!, overdue: value === true || value === 'true' };
  }
  const found = columnAndOperator(key, resource);
  if (!found)
    throw badRequest(phrase(locale, 'filterUnknown', { ...named, names: named.name }), { [key]: phrase(locale, 'ruleUnknownFilter', {}) });
  const { column, operator } = found;
  const field = fieldName(resource.entity, column.name, locale);
  if (JSON_KINDS.has(column.kind)) {
    throw badRequest(phrase(locale, 'fieldNotFilterable', { field: quotedNames(locale, [field]) }), {
      [key]: phrase(locale, 'ruleNotFilterable', {}),
    });
  }
  if (operator === 'contains' && !TEXT_KINDS.has(column.kind)) {
    throw badRequest(phrase(locale, 'filterNotText', { ...named, field }), { [key]: phrase(locale, 'ruleNotText', {}) });
  }
  try {
    if (value === null) {
      if (operator !== 'eq' && operator !== 'neq') throw new BadValue('valueNotNull');
      return { type: 'compare', column, operator, value: null };
    }
    if (Array.isArray(value)) {
      if (operator !== 'eq' && operator !== 'neq') throw new BadValue('valueSingle');
      if (value.length > 10000) throw new BadValue('valueAtMost', { max: '10000' });
      return {
        type: 'compare',
        column,
        operator,
        value: value.map((v) => (v === null ? null : coerceValue(column, v))),
      };
    }
    if (operator === 'contains') {
      if (typeof value !== 'string' && typeof value !== 'number') throw new BadValue('valueString');
      return { type: 'compare', column, operator, value: String(value).replace(/\0/g, '') };
    }
    return { type: 'compare', column, operator, value: coerceValue(column, value) };
  } catch (error) {
    if (error instanceof BadValue) {
      const must = phrase(locale, error.key, error.values);
      throw badRequest(phrase(locale, 'filterMustBe', { ...named, value: must }), { [key]: phrase(locale, 'ruleMustBe', { value: must }) });
    }
    throw error;
  }
}

/** Checks every key first so that one answer names all unknown filters. */
export function parseFilters(filter: Record<string, unknown>, resource: ResourceInfo, locale = 'en'): FilterTerm[] {
  const unknown = Object.keys(filter).filter((key) => key !== 'q' && !isOverdueKey(key, resource) && !columnAndOperator(key, resource));
  if (unknown.length) {
    throw badRequest(
      phrase(locale, 'filterUnknown', {
        resource: resource.name,
        entity: resourceLabel(resource, locale),
        names: listWords(
          locale,
          unknown.map((k) => JSON.stringify(k)),
        ),
      }),
      Object.fromEntries(unknown.map((k) => [k, phrase(locale, 'ruleUnknownFilter', {})])),
    );
  }
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => parseTerm(key, value, resource, locale));
}

/** `%`, `_` and `\` taken literally inside a LIKE pattern. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function applyEquality(qb: Knex.QueryBuilder, ref: string, value: unknown, negate: boolean): void {
  const list = Array.isArray(value) ? value : [value];
  const values = list.filter((v) => v !== null) as Knex.Value[];
  const withNull = values.length !== list.length;
  if (!negate) {
    qb.where((w) => {
      if (values.length) w.orWhereIn(ref, values);
      if (withNull) w.orWhereNull(ref);
      if (!values.length && !withNull) w.whereRaw('false');
    });
    return;
  }
  // "not equal" keeps rows where the column is empty, as a user reading the list expects.
  if (values.length) qb.where((w) => w.whereNotIn(ref, values).orWhereNull(ref));
  if (withNull) qb.whereNotNull(ref);
}

/**
 * Adds the terms to a query on `table`.
 *
 * Full-text search (`q`) is a case-insensitive substring match (ILIKE) over the `search` fields.
 * It needs no extension and no language configuration, finds Chinese text as well as Latin words,
 * and runs on PGlite unchanged; the price is a sequential scan, which stays fast to a few hundred
 * thousand rows. A deployment that outgrows it would add pg_trgm GIN indexes (which ILIKE then uses
 * as is) rather than a tsvector column, which would need a Chinese text-search parser.
 */
export function applyFilters(qb: Knex.QueryBuilder, table: string, terms: FilterTerm[]): void {
  for (const term of terms) {
    if (term.type === 'search') {
      for (const word of term.words) {
        qb.where((w) => {
          for (const column of term.columns) w.orWhereILike(`${table}.${column}`, likePattern(word));
        });
      }
      continue;
    }
    if (term.type === 'overdue') {
      const condition = stageOverdueCondition(table, term.workflow, term.overdue);
      qb.whereRaw(condition.sql, condition.bindings);
      continue;
    }
    const ref = `${table}.${term.column.name}`;
    switch (term.operator) {
      case 'eq':
        applyEquality(qb, ref, term.value, false);
        break;
      case 'neq':
        applyEquality(qb, ref, term.value, true);
        break;
      case 'contains':
        qb.whereILike(ref, likePattern(term.value as string));
        break;
      default:
        qb.where(ref, SQL_OPERATORS[term.operator], term.value as Knex.Value);
    }
  }
}
