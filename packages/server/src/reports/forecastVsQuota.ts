/**
 * `forecast-vs-quota?from=&to=` → per salesperson, for a period (dates `YYYY-MM-DD` or months
 * `YYYY-MM`, both ends included, either open as in the other reports): their quota against what
 * they won and what their open pipeline forecasts, by the forecast category of each opportunity's
 * stage (`forecast` in the workflow):
 *
 *   [{ salesperson_id, salesperson_name, quota, won, commit, best_case, pipeline }]
 *
 * - `quota`: their quotas of the months the period covers (as quota-attainment counts them);
 * - `won`: their opportunities in a won stage dated in the period (the won date of quota-attainment);
 * - `commit`, `best_case`, `pipeline`: the amounts of their opportunities in open stages of that
 *   category whose expected signing date lies in the period (stages without a category count as
 *   pipeline; `omitted` ones are left out).
 *
 * Everything within the caller's read scope (quotas, opportunities and the names alike), summed and
 * named in SQL.
 */
import type { ForecastCategory } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { forecastOf } from '../router/stageFigures.js';
import {
  OPPORTUNITIES,
  columnOf,
  entityOf,
  money,
  ownerField,
  periodParameter,
  requireFields,
  salespeopleNames,
  whereInPeriod,
  whereMonthIn,
  type Query,
} from './common.js';
import { wonPerSalesperson } from './keptWonSales.js';

const REPORT = 'forecast-vs-quota';
/** The open categories summed, in the order of the answer. */
export const OPEN_CATEGORIES = ['commit', 'best_case', 'pipeline'] as const satisfies readonly ForecastCategory[];

export interface ForecastVsQuotaRow {
  salesperson_id: number;
  salesperson_name: string | null;
  quota: number;
  won: number;
  commit: number;
  best_case: number;
  pipeline: number;
}

export async function forecastVsQuota(ctx: RequestContext, query: Query): Promise<ForecastVsQuotaRow[]> {
  const quotas = entityOf(ctx, 'quotas', REPORT);
  const opportunities = entityOf(ctx, OPPORTUNITIES, REPORT);
  requireFields(ctx, quotas, ['salesperson_id', 'target_amount', 'period']);
  requireFields(ctx, opportunities, ['expected_sign_date']);
  const workflow = opportunities.entity.workflow!;
  const owner = ownerField(ctx, opportunities);
  const amountField = workflow.amountField;
  const period = periodParameter(ctx, query);
  const { knex } = ctx;

  const quotaRows = whereMonthIn(readableQuery(ctx, quotas.info, {}), columnOf(quotas, 'period'), period)
    .whereNotNull(columnOf(quotas, 'salesperson_id'))
    .select({ salesperson_id: columnOf(quotas, 'salesperson_id') })
    .sum({ quota: columnOf(quotas, 'target_amount') })
    .groupBy(columnOf(quotas, 'salesperson_id'));

  const wonRows = knex
    .from(wonPerSalesperson(ctx, REPORT, period).as('w'))
    .whereNotNull('w.salesperson_id')
    .select('w.*');

  // The open stages of each category; a category without stages sums to 0.
  const open = workflow.stages.filter((s) => s.kind === 'open');
  const stagesOf = (category: ForecastCategory) => open.filter((s) => forecastOf(s) === category).map((s) => s.id);
  const amount = amountField ? columnOf(opportunities, amountField) : undefined;
  const byCategory = OPEN_CATEGORIES.map((category) => {
    const ids = stagesOf(category);
    if (!amount || !ids.length) return knex.raw('0::numeric as ??', [category]);
    return knex.raw(`sum(CASE WHEN ?? IN (${ids.map(() => '?').join(', ')}) THEN coalesce(??, 0) ELSE 0 END) as ??`, [
      columnOf(opportunities, workflow.field),
      ...ids,
      amount,
      category,
    ]);
  });
  const openIds = OPEN_CATEGORIES.flatMap(stagesOf);
  const pipelineRows = whereInPeriod(
    readableQuery(ctx, opportunities.info, {}).whereIn(columnOf(opportunities, workflow.field), openIds.length ? openIds : ['']),
    { sql: '??', bindings: [columnOf(opportunities, 'expected_sign_date')] },
    period,
  )
    .whereNotNull(columnOf(opportunities, owner))
    .select({ salesperson_id: columnOf(opportunities, owner) })
    .select(byCategory)
    .groupBy(columnOf(opportunities, owner));

  const rows = (await knex
    .with('q', quotaRows)
    .with('w', wonRows)
    .with('o', pipelineRows)
    .with('p', knex.raw('select salesperson_id from q union select salesperson_id from w union select salesperson_id from o'))
    .from('p')
    .leftJoin('q', 'q.salesperson_id', 'p.salesperson_id')
    .leftJoin('w', 'w.salesperson_id', 'p.salesperson_id')
    .leftJoin('o', 'o.salesperson_id', 'p.salesperson_id')
    .leftJoin(salespeopleNames(ctx, REPORT).as('n'), 'n.id', 'p.salesperson_id')
    .select('p.salesperson_id', { salesperson_name: 'n.label' })
    .select(money(ctx, 'q.quota', 'quota'), money(ctx, 'w.won', 'won'), ...OPEN_CATEGORIES.map((c) => money(ctx, `o.${c}`, c)))
    .orderBy([
      { column: 'quota', order: 'desc' },
      { column: 'p.salesperson_id', order: 'asc' },
    ])) as (Omit<ForecastVsQuotaRow, 'salesperson_id'> & { salesperson_id: number | string })[];
  return rows.map((row) => ({ ...row, salesperson_id: Number(row.salesperson_id) }));
}
