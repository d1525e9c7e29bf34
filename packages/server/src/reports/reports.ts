/**
 * The aggregates a sales manager reads (docs/server.md, "Reports"), computed in SQL over the rows
 * the user may read — the same scope and filters as a list, so a report never counts a row the
 * user could not list. Each answers `[rows]`; an entity or field a report needs that the model
 * lacks (a company removed it) answers 404, and the screens fall back to their own counting.
 */
import { labelOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { badRequest, notFound } from '../router/errors.js';
import { listWords, phrase } from '../router/locale.js';
import type { ResourceInfo } from '../router/resources.js';

type Query = Record<string, unknown>;

function entityOf(ctx: RequestContext, resource: string, report: string): { entity: EntityModel; info: ResourceInfo } {
  const info = ctx.resources.get(resource);
  if (!info?.entity) throw notFound(phrase(ctx.locale, 'reportNeedsResource', { report, resource: JSON.stringify(resource) }));
  return { entity: info.entity, info };
}

function requireFields(ctx: RequestContext, entity: EntityModel, fields: string[], report: string): void {
  const missing = fields.filter((name) => !entity.fields.some((f) => f.name === name));
  if (missing.length) {
    throw notFound(phrase(ctx.locale, 'reportNeedsFields', { report, fields: listWords(ctx.locale, missing.map((m) => `${entity.resource}.${m}`)) }));
  }
}

function jsonParameter(ctx: RequestContext, query: Query, name: string): Record<string, unknown> {
  const raw = query[name];
  if (raw === undefined) return {};
  try {
    const value = JSON.parse(String(raw));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    /* reported below */
  }
  throw badRequest(phrase(ctx.locale, 'parameterObject', { name: JSON.stringify(name) }), { [name]: phrase(ctx.locale, 'ruleJsonObject', {}) });
}

/** `stage-totals?resource=opportunities&filter={…}` → every stage in order with its count and amount. */
export async function stageTotals(ctx: RequestContext, query: Query) {
  const { entity, info } = entityOf(ctx, String(query.resource ?? ''), 'stage-totals');
  const workflow = entity.workflow;
  if (!workflow) {
    throw badRequest(phrase(ctx.locale, 'noWorkflow', { resource: entity.resource, entity: labelOf(entity.label, ctx.locale) }), {
      resource: phrase(ctx.locale, 'ruleNoWorkflow', {}),
    });
  }
  const field = workflow.field;
  const amount = workflow.amountField ? ctx.knex.raw('coalesce(sum(??), 0)::float8 as amount', [workflow.amountField]) : ctx.knex.raw('0 as amount');
  const rows = (await readableQuery(ctx, info, jsonParameter(ctx, query, 'filter'))
    .select({ stage: field })
    .count({ count: '*' })
    .select(amount)
    .groupBy(field)) as { stage: string; count: string | number; amount: number }[];
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return workflow.stages.map((s) => ({ stage: s.id, count: Number(byStage.get(s.id)?.count ?? 0), amount: Number(byStage.get(s.id)?.amount ?? 0) }));
}

/** `quota-attainment` → per salesperson: the quotas set for them and what they won. */
export async function quotaAttainment(ctx: RequestContext, query: Query) {
  const quotas = entityOf(ctx, 'quotas', 'quota-attainment');
  const opportunities = entityOf(ctx, 'opportunities', 'quota-attainment');
  requireFields(ctx, quotas.entity, ['salesperson_id', 'target_amount'], 'quota-attainment');
  const workflow = opportunities.entity.workflow;
  const owner = opportunities.entity.access.ownerField;
  if (!workflow?.amountField || !owner) {
    throw notFound(phrase(ctx.locale, 'reportNeedsAmountOwner', { report: 'quota-attainment', resource: 'opportunities' }));
  }
  const wonStages = workflow.stages.filter((s) => s.kind === 'won').map((s) => s.id);
  const [set, won] = await Promise.all([
    readableQuery(ctx, quotas.info, jsonParameter(ctx, query, 'filter'))
      .select({ salesperson_id: 'salesperson_id' })
      .select(ctx.knex.raw('coalesce(sum(target_amount), 0)::float8 as quota'))
      .whereNotNull('salesperson_id')
      .groupBy('salesperson_id') as Promise<{ salesperson_id: number; quota: number }[]>,
    readableQuery(ctx, opportunities.info, {})
      .select({ salesperson_id: owner })
      .select(ctx.knex.raw('coalesce(sum(??), 0)::float8 as won', [workflow.amountField]))
      .whereIn(workflow.field, wonStages.length ? wonStages : [''])
      .whereNotNull(owner)
      .groupBy(owner) as Promise<{ salesperson_id: number; won: number }[]>,
  ]);
  const rows = new Map<number, { salesperson_id: number; quota: number; won: number }>();
  const row = (id: number) => rows.get(Number(id)) ?? rows.set(Number(id), { salesperson_id: Number(id), quota: 0, won: 0 }).get(Number(id))!;
  for (const r of set) row(r.salesperson_id).quota += Number(r.quota);
  for (const r of won) row(r.salesperson_id).won += Number(r.won);
  return [...rows.values()].sort((a, b) => b.quota - a.quota || b.won - a.won);
}

const AGE_BUCKETS = [
  { bucket: '0-30', from: 1, to: 30 },
  { bucket: '31-60', from: 31, to: 60 },
  { bucket: '61-90', from: 61, to: 90 },
  { bucket: '90+', from: 91, to: null },
] as const;

/** `overdue-collections?as_of=YYYY-MM-DD` → open collections past their date, by days overdue. */
export async function overdueCollections(ctx: RequestContext, query: Query) {
  const { entity, info } = entityOf(ctx, 'collections', 'overdue-collections');
  requireFields(ctx, entity, ['expected_date', 'amount', 'received_amount'], 'overdue-collections');
  const asOf = String(query.as_of ?? new Date().toISOString().slice(0, 10));
  if (!/^\d{4}-\d\d-\d\d$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    const date = phrase(ctx.locale, 'valueDate', {});
    throw badRequest(phrase(ctx.locale, 'parameterMustBe', { name: '"as_of"', value: date }), { as_of: phrase(ctx.locale, 'ruleMustBe', { value: date }) });
  }
  const openStages = entity.workflow?.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const qb = readableQuery(ctx, info, {})
    .select(ctx.knex.raw('(?::date - expected_date) as days', [asOf]))
    .select(ctx.knex.raw('(coalesce(amount, 0) - coalesce(received_amount, 0))::float8 as outstanding'))
    .where('expected_date', '<', asOf)
    .whereRaw('coalesce(amount, 0) - coalesce(received_amount, 0) > 0');
  if (entity.workflow && openStages) qb.whereIn(entity.workflow.field, openStages);
  const overdue = (await qb) as { days: number; outstanding: number }[];
  return AGE_BUCKETS.map(({ bucket, from, to }) => {
    const inBucket = overdue.filter((r) => r.days >= from && (to === null || r.days <= to));
    return { bucket, count: inBucket.length, amount: inBucket.reduce((sum, r) => sum + Number(r.outstanding), 0) };
  });
}

/** `complaints-by-category` → how many complaints of each category. */
export async function complaintsByCategory(ctx: RequestContext, query: Query) {
  const { entity, info } = entityOf(ctx, 'complaints', 'complaints-by-category');
  requireFields(ctx, entity, ['category'], 'complaints-by-category');
  const rows = (await readableQuery(ctx, info, jsonParameter(ctx, query, 'filter'))
    .select({ category: 'category' })
    .count({ count: '*' })
    .groupBy('category')
    .orderBy('count', 'desc')) as { category: string | null; count: string | number }[];
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}

export const REPORTS: Record<string, (ctx: RequestContext, query: Query) => Promise<unknown[]>> = {
  'stage-totals': stageTotals,
  'quota-attainment': quotaAttainment,
  'overdue-collections': overdueCollections,
  'complaints-by-category': complaintsByCategory,
};
