/**
 * The aggregates a sales manager reads (docs/server.md, "Reports"), computed in SQL over the rows
 * the user may read — the same scope and filters as a list, so a report never counts a row the
 * user could not list. Each answers `[rows]`; an entity or field a report needs that the model
 * lacks (a company removed it) answers 404, and the dashboard's card says the report is not available.
 * One report per function; what they share (entities, parameters, won sales, names) is in common.ts.
 */
import { labelOf, pipelineView, type ReportId } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { badRequest } from '../router/errors.js';
import { phrase } from '../router/locale.js';
import { stageProbabilitySql } from '../router/stageFigures.js';
import { entityOf, enumLabels, jsonParameter, requireFields, type Query, type Report } from './common.js';
import { expenseRatio } from './expenseRatio.js';
import { forecastAccuracy } from './forecastAccuracy.js';
import { forecastVsQuota } from './forecastVsQuota.js';
import { headline } from './headline.js';
import { overdueAgeing } from './overdueAgeing.js';
import { planVsActual } from './planVsActual.js';
import { quotaAttainment } from './quotaAttainment.js';
import { salesBy } from './salesBy.js';
import { satisfactionByEngineer } from './satisfactionByEngineer.js';
import { stageSla } from './stageSla.js';

/**
 * `stage-totals?resource=opportunities&filter={…}` → every stage in order (those of the pipeline the
 * filter names, if any) with its count, amount and
 * weighted amount: Σ amount × probability / 100, the probability being the record's own (the
 * workflow's `probabilityField`) and else its stage's; `weighted` is null when the workflow has no
 * amount field or no probability at all.
 */
export async function stageTotals(ctx: RequestContext, query: Query) {
  const { entity, info } = entityOf(ctx, String(query.resource ?? ''), 'stage-totals');
  const workflow = entity.workflow;
  if (!workflow) {
    throw badRequest(phrase(ctx.locale, 'noWorkflow', { resource: entity.resource, entity: labelOf(entity.label, ctx.locale) }), {
      resource: phrase(ctx.locale, 'ruleNoWorkflow', {}),
    });
  }
  const field = workflow.field;
  const amount = workflow.amountField
    ? ctx.knex.raw('coalesce(sum(??), 0)::float8 as amount', [workflow.amountField])
    : ctx.knex.raw('0 as amount');
  const ownProbability = workflow.probabilityField ? { sql: '??', bindings: [`${info.table}.${workflow.probabilityField}`] } : undefined;
  const probability = [ownProbability, stageProbabilitySql(info.table, workflow)].filter((p) => p !== undefined);
  const hasWeighted = !!workflow.amountField && probability.length > 0;
  const weighted = hasWeighted
    ? ctx.knex.raw(`(coalesce(sum(?? * coalesce(${probability.map((p) => p.sql).join(', ')})), 0) / 100)::float8 as weighted`, [
        `${info.table}.${workflow.amountField}`,
        ...probability.flatMap((p) => p.bindings),
      ])
    : ctx.knex.raw('null::float8 as weighted');
  const filter = jsonParameter(ctx, query, 'filter');
  const rows = (await readableQuery(ctx, info, filter)
    .select({ stage: field })
    .count({ count: '*' })
    .select(amount, weighted)
    .groupBy(field)) as { stage: string; count: string | number; amount: number; weighted: number | null }[];
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  // Filtered to one pipeline (as the board asks), the stages are that pipeline's; else every stage of every pipeline.
  const pipeline = workflow.pipelines && (filter as Record<string, unknown> | undefined)?.[workflow.pipelines.field];
  const stages = typeof pipeline === 'string' ? pipelineView(workflow, pipeline).stages : workflow.stages;
  return stages.map((s) => ({
    stage: s.id,
    count: Number(byStage.get(s.id)?.count ?? 0),
    amount: Number(byStage.get(s.id)?.amount ?? 0),
    weighted: hasWeighted ? Number(byStage.get(s.id)?.weighted ?? 0) : null,
  }));
}

/** `complaints-by-category` → how many complaints of each category, with the category's label in the caller's language. */
export async function complaintsByCategory(ctx: RequestContext, query: Query) {
  const complaints = entityOf(ctx, 'complaints', 'complaints-by-category');
  requireFields(ctx, complaints, ['category']);
  const counts = readableQuery(ctx, complaints.info, jsonParameter(ctx, query, 'filter'))
    .select({ category: 'category' })
    .count({ count: '*' })
    .groupBy('category');
  const rows = (await ctx.knex
    .from(counts.as('c'))
    .leftJoin(enumLabels(ctx, complaints, 'category', 'l'), 'l.id', 'c.category')
    .select('c.category', 'c.count', { label: 'l.label' })
    .orderBy('c.count', 'desc')) as { category: string | null; count: string | number; label: string | null }[];
  return rows.map((r) => ({ category: r.category, label: r.label, count: Number(r.count) }));
}

export { expenseRatio, forecastAccuracy, overdueAgeing, planVsActual, quotaAttainment, salesBy, satisfactionByEngineer };

/** One function per report id of @ra-sales/schema's `REPORT_SPECS`, which dashboard cards are checked against. */
export const REPORTS: Record<ReportId, Report> = {
  'stage-totals': stageTotals,
  'quota-attainment': quotaAttainment,
  'overdue-collections': overdueAgeing,
  'complaints-by-category': complaintsByCategory,
  'sales-by': salesBy,
  'plan-vs-actual': planVsActual,
  'forecast-accuracy': forecastAccuracy,
  'expense-ratio': expenseRatio,
  'satisfaction-by-engineer': satisfactionByEngineer,
  'forecast-vs-quota': forecastVsQuota,
  'stage-sla': stageSla,
  headline: (ctx, query) => headline(ctx, query, REPORTS),
};
