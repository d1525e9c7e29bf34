/**
 * The aggregates a sales manager reads (docs/server.md, "Reports"), computed in SQL over the rows
 * the user may read — the same scope and filters as a list, so a report never counts a row the
 * user could not list. Each answers `[rows]`; an entity or field a report needs that the model
 * lacks (a company removed it) answers 404, and the dashboard's card says the report is not available.
 * One report per function; what they share (entities, parameters, won sales, names) is in common.ts.
 */
import type { ReportId } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
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
import { stageTotals } from './stageTotals.js';

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

export { expenseRatio, stageTotals, forecastAccuracy, overdueAgeing, planVsActual, quotaAttainment, salesBy, satisfactionByEngineer };

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
