/**
 * `quota-attainment?from=&to=&filter={…}` → per salesperson, their quotas against what they won in
 * the quotas' own months: `[{ salesperson_id, salesperson_name, quota, won, count }]`. Each quota
 * (a month `YYYY-MM` in `period`) is matched with the salesperson's wins dated in that month, so a
 * quota of 1999-01 never meets this year's wins; `from` / `to` keep the quotas of the months they
 * cover and the wins dated between them.
 */
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import {
  columnOf,
  entityOf,
  jsonParameter,
  money,
  periodParameter,
  requireFields,
  salespeopleNames,
  whereMonthIn,
  type Query,
} from './common.js';
import { wonByMonth } from './keptWonSales.js';

const REPORT = 'quota-attainment';

export async function quotaAttainment(ctx: RequestContext, query: Query) {
  const quotas = entityOf(ctx, 'quotas', REPORT);
  requireFields(ctx, quotas, ['salesperson_id', 'target_amount', 'period']);
  const period = periodParameter(ctx, query);
  const set = whereMonthIn(readableQuery(ctx, quotas.info, jsonParameter(ctx, query, 'filter')), columnOf(quotas, 'period'), period)
    .whereNotNull(columnOf(quotas, 'salesperson_id'))
    .select({ salesperson_id: columnOf(quotas, 'salesperson_id'), period: columnOf(quotas, 'period') })
    .sum({ quota: columnOf(quotas, 'target_amount') })
    .groupBy(columnOf(quotas, 'salesperson_id'), columnOf(quotas, 'period'));
  return (await ctx.knex
    .from(set.as('q'))
    .leftJoin(wonByMonth(ctx, REPORT, period).as('w'), (on) => on.on('w.salesperson_id', 'q.salesperson_id').andOn('w.month', 'q.period'))
    .leftJoin(salespeopleNames(ctx, REPORT).as('n'), 'n.id', 'q.salesperson_id')
    .select('q.salesperson_id', { salesperson_name: 'n.label' })
    .select(money(ctx, 'sum(q.quota)', 'quota'), money(ctx, 'sum(w.won)', 'won'))
    .select(ctx.knex.raw('coalesce(sum(w.count), 0)::int as count'))
    .groupBy('q.salesperson_id', 'n.label')
    .orderBy([
      { column: 'quota', order: 'desc' },
      { column: 'won', order: 'desc' },
      { column: 'q.salesperson_id', order: 'asc' },
    ])) as {
    salesperson_id: number;
    salesperson_name: string | null;
    quota: number;
    won: number;
    count: number;
  }[];
}
