/**
 * What the reports share: the entities and fields a report needs (404 when a company removed one),
 * the query parameters (a period, an as-of date, a choice, a JSON filter), the won sales most
 * figures start from, and the names labelling a row — every piece a SQL subquery within the
 * caller's read scope, so a report never counts or names a row the caller could not list.
 */
import type { Knex } from 'knex';
import { WON_SALES } from '../migrate/wonTotals.js';
import { labelOf, STAGE_ENTERED_FIELD, type EntityModel, type StageKind } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { badRequest, notFound } from '../router/errors.js';
import { listWords, phrase } from '../router/locale.js';
import type { ResourceInfo } from '../router/resources.js';

export type Query = Record<string, unknown>;
export type Report = (ctx: RequestContext, query: Query) => Promise<unknown[]>;

/** An entity a report reads, with the report's name for the refusals. */
export interface Source {
  entity: EntityModel;
  info: ResourceInfo;
  table: string;
  report: string;
}

export function entityOf(ctx: RequestContext, resource: string, report: string): Source {
  const info = ctx.resources.get(resource);
  if (!info?.entity) throw notFound(phrase(ctx.locale, 'reportNeedsResource', { report, resource: JSON.stringify(resource) }));
  return { entity: info.entity, info, table: info.table, report };
}

export const hasField = (source: Source, name: string | undefined): name is string =>
  !!name && source.entity.fields.some((f) => f.name === name);

export function requireFields(ctx: RequestContext, source: Source, fields: string[]): void {
  const missing = fields.filter((name) => !hasField(source, name));
  if (missing.length) {
    throw notFound(
      phrase(ctx.locale, 'reportNeedsFields', {
        report: source.report,
        fields: listWords(
          ctx.locale,
          missing.map((m) => `${source.entity.resource}.${m}`),
        ),
      }),
    );
  }
}

/** The candidates the entity has, in order; 404 when it has none of them. */
export function presentFields(ctx: RequestContext, source: Source, candidates: string[]): string[] {
  const present = candidates.filter((name) => hasField(source, name));
  if (!present.length) {
    throw notFound(
      phrase(ctx.locale, 'reportNeedsAnyField', {
        report: source.report,
        fields: listWords(
          ctx.locale,
          candidates.map((m) => `${source.entity.resource}.${m}`),
        ),
      }),
    );
  }
  return present;
}

/** `table.field`, for the column of a source in a query built on its table. */
export const columnOf = (source: Source, field: string) => `${source.table}.${field}`;

/** Stage ids of a kind (`['']` when none, so that `whereIn` stays valid and matches nothing). */
export function stagesOf(entity: EntityModel, kind: StageKind): string[] {
  const ids = entity.workflow?.stages.filter((s) => s.kind === kind).map((s) => s.id) ?? [];
  return ids.length ? ids : [''];
}

/** Keeps the records of a workflow entity in its won stages. */
export function whereWon(query: Knex.QueryBuilder, source: Source): Knex.QueryBuilder {
  const workflow = source.entity.workflow;
  return workflow ? query.whereIn(columnOf(source, workflow.field), stagesOf(source.entity, 'won')) : query;
}

/** Drops the records of a workflow entity in its lost stages (written off, withdrawn, defaulted …). */
export function whereNotLost(query: Knex.QueryBuilder, source: Source): Knex.QueryBuilder {
  const workflow = source.entity.workflow;
  const lost = stagesOf(source.entity, 'lost');
  return workflow && lost[0] !== ''
    ? query.where((w) => w.whereNotIn(columnOf(source, workflow.field), lost).orWhereNull(columnOf(source, workflow.field)))
    : query;
}

/** The record's amount: the workflow's amount field, else the named field. */
export function amountField(ctx: RequestContext, source: Source, fallback: string): string {
  const field = source.entity.workflow?.amountField ?? fallback;
  requireFields(ctx, source, [field]);
  return field;
}

export function ownerField(ctx: RequestContext, source: Source): string {
  const owner = source.entity.access.ownerField;
  if (!owner || !hasField(source, owner)) {
    throw notFound(phrase(ctx.locale, 'reportNeedsAmountOwner', { report: source.report, resource: source.entity.resource }));
  }
  return owner;
}

// ---------------------------------------------------------------------------------------------
// Parameters

export function jsonParameter(ctx: RequestContext, query: Query, name: string): Record<string, unknown> {
  const raw = query[name];
  if (raw === undefined) return {};
  try {
    const value = JSON.parse(String(raw));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    /* reported below */
  }
  throw badRequest(phrase(ctx.locale, 'parameterObject', { name: JSON.stringify(name) }), {
    [name]: phrase(ctx.locale, 'ruleJsonObject', {}),
  });
}

/** One of `choices`; `fallback` when absent. */
export function choiceParameter<T extends string>(ctx: RequestContext, query: Query, name: string, choices: readonly T[], fallback: T): T {
  const raw = query[name];
  if (raw === undefined || raw === '') return fallback;
  if (choices.includes(raw as T)) return raw as T;
  const values = listWords(ctx.locale, [...choices]);
  throw badRequest(
    phrase(ctx.locale, 'parameterMustBe', { name: JSON.stringify(name), value: phrase(ctx.locale, 'valueOneOf', { values }) }),
    {
      [name]: phrase(ctx.locale, 'ruleOneOf', { values }),
    },
  );
}

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const MONTH = /^(\d{4})-(\d\d)$/;

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}

export function dateParameter(ctx: RequestContext, query: Query, name: string, end: boolean, allowMonth: boolean): string | undefined {
  const raw = query[name];
  if (raw === undefined || raw === '') return undefined;
  const text = String(raw);
  if (validDate(text)) return text;
  if (allowMonth && MONTH.test(text) && Number(text.slice(5)) >= 1 && Number(text.slice(5)) <= 12)
    return end ? lastDayOfMonth(text) : `${text}-01`;
  const value = phrase(ctx.locale, allowMonth ? 'valueDateOrMonth' : 'valueDate', {});
  throw badRequest(phrase(ctx.locale, 'parameterMustBe', { name: JSON.stringify(name), value }), {
    [name]: phrase(ctx.locale, 'ruleMustBe', { value }),
  });
}

/** Both ends included, as `YYYY-MM-DD`; either may be open. */
export interface Period {
  from?: string;
  to?: string;
}

/** `from` / `to`: a date `YYYY-MM-DD` or a month `YYYY-MM` (its first day for `from`, its last for `to`). */
export function periodParameter(ctx: RequestContext, query: Query): Period {
  const from = dateParameter(ctx, query, 'from', false, true);
  const to = dateParameter(ctx, query, 'to', true, true);
  if (from && to && from > to) {
    throw badRequest(phrase(ctx.locale, 'periodReversed', { from, to }), { from: phrase(ctx.locale, 'ruleAfterTo', {}) });
  }
  return { from, to };
}

/** `as_of=YYYY-MM-DD`, today (UTC) by default. */
export function asOfParameter(ctx: RequestContext, query: Query): string {
  return dateParameter(ctx, query, 'as_of', false, false) ?? new Date().toISOString().slice(0, 10);
}

/** The period widened to whole months, as `YYYY-MM` bounds: for records that carry a month (quotas, forecasts, plans). */
export function monthsOf(period: Period): { from?: string; to?: string } {
  return { from: period.from?.slice(0, 7), to: period.to?.slice(0, 7) };
}

/** The period widened to whole months, as dates: the wins of the months a monthly target covers. */
export function wholeMonths(period: Period): Period {
  return { from: period.from && `${period.from.slice(0, 7)}-01`, to: period.to && lastDayOfMonth(period.to.slice(0, 7)) };
}

/** `YYYY-MM` text column between the months of a period. */
export function whereMonthIn(query: Knex.QueryBuilder, column: string, period: Period): Knex.QueryBuilder {
  const months = monthsOf(period);
  if (months.from) query.where(column, '>=', months.from);
  if (months.to) query.where(column, '<=', months.to);
  return query;
}

// ---------------------------------------------------------------------------------------------
// Dates

/** A SQL expression and its bindings. */
export interface Expression {
  sql: string;
  bindings: string[];
  /** A moment (timestamptz), not a day: a period ends before the day after its last. */
  instant?: boolean;
}

/** The first of `fields` that holds a date: `coalesce(t.a, t.b)`. */
export function dateOf(ctx: RequestContext, source: Source, fields: string[]): Expression {
  const present = presentFields(ctx, source, fields);
  return {
    sql: present.length > 1 ? `coalesce(${present.map(() => '??').join(', ')})` : '??',
    bindings: present.map((f) => columnOf(source, f)),
  };
}

/** Keeps the rows whose date expression lies in the period (both ends included). */
export function whereInPeriod(query: Knex.QueryBuilder, date: Expression, period: Period): Knex.QueryBuilder {
  if (period.from) query.whereRaw(`${date.sql} >= ?::date`, [...date.bindings, period.from]);
  if (period.to) query.whereRaw(date.instant ? `${date.sql} < ?::date + 1` : `${date.sql} <= ?::date`, [...date.bindings, period.to]);
  return query;
}

// ---------------------------------------------------------------------------------------------
// Won sales

export const OPPORTUNITIES = WON_SALES.resource;

/**
 * When an opportunity was won: the moment it entered its won stage (the server's
 * `stage_entered_at`, on every workflow table, set by every move: the user's, an approval's or the
 * signed contract's). The table's partial index of won records by that moment carries the grouped
 * columns, so a period's won sales are read from the index alone.
 */
export function wonDateOf(source: Source): Expression {
  return { sql: '??', bindings: [columnOf(source, STAGE_ENTERED_FIELD)], instant: true };
}

/**
 * The caller's readable opportunities in a won stage whose won date lies in the period, one row
 * each: `doc_id`, `salesperson_id` (the owner), `amount` (the workflow's amount field, numeric),
 * `won_date`, and the `extra` fields under their own names.
 */
export function wonOpportunities(ctx: RequestContext, report: string, period: Period, extra: string[] = []): Knex.QueryBuilder {
  const source = entityOf(ctx, OPPORTUNITIES, report);
  const workflow = source.entity.workflow;
  const owner = source.entity.access.ownerField;
  if (!workflow?.amountField || !owner) {
    throw notFound(phrase(ctx.locale, 'reportNeedsAmountOwner', { report, resource: OPPORTUNITIES }));
  }
  requireFields(ctx, source, extra);
  const date = wonDateOf(source);
  const query = whereWon(readableQuery(ctx, source.info, {}), source)
    .select({ doc_id: columnOf(source, 'id'), salesperson_id: columnOf(source, owner) })
    .select(ctx.knex.raw('coalesce(??, 0) as amount', [columnOf(source, workflow.amountField)]))
    .select(ctx.knex.raw(`${date.sql} as won_date`, date.bindings));
  for (const field of extra) query.select({ [field]: columnOf(source, field) });
  return whereInPeriod(query, date, period);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The readable records of `resource` as `id, label` (their record representation), to left-join for names. */
export function namesOf(ctx: RequestContext, resource: string, report: string): Knex.QueryBuilder {
  const source = entityOf(ctx, resource, report);
  return readableQuery(ctx, source.info, {}).select({
    id: columnOf(source, 'id'),
    label: columnOf(source, source.entity.recordRepresentation),
  });
}

/** The users' names (model.json `users`); a model keeping no users answers 404 like any missing entity. */
export const salespeopleNames = (ctx: RequestContext, report: string) => namesOf(ctx, ctx.model.users?.resource ?? 'users', report);

/** An enum field's options as a derived table `alias(id, label)` (the value and its label in the caller's locale), to left-join like names. */
export function enumLabels(ctx: RequestContext, source: Source, field: string, alias: string): Knex.Raw {
  requireFields(ctx, source, [field]);
  const options = source.entity.fields.find((f) => f.name === field)!.options ?? [];
  if (!options.length) return ctx.knex.raw(`(select null::text as id, null::text as label where false) as ??`, [alias]);
  const bindings = options.flatMap((o) => [o.value, labelOf(o.label, ctx.locale) || o.value]);
  return ctx.knex.raw(`(values ${options.map(() => '(?::text, ?::text)').join(', ')}) as ??(id, label)`, [...bindings, alias]);
}

/** A numeric SQL aggregate read back as a JS number (`float8`; numeric sums are exact before the cast). */
export const money = (ctx: RequestContext, sql: string, alias: string, bindings: string[] = []) =>
  ctx.knex.raw(`coalesce(${sql}, 0)::float8 as ??`, [...bindings, alias]);
