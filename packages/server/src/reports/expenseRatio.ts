/**
 * `expense-ratio?from=&to=` → per salesperson, paid expense claims against won sales of the period,
 * then the total: `[{ salesperson_id, salesperson_name, expenses, won, ratio, total }]` (ratio =
 * expenses / won, null without wins; the last row has `total: true` and no salesperson). A claim
 * is dated by its expense date (when the cost arose), else the day it was paid.
 */
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import {
  amountField,
  columnOf,
  dateOf,
  entityOf,
  money,
  ownerField,
  periodParameter,
  salespeopleNames,
  whereInPeriod,
  whereWon,
  type Query,
} from './common.js';
import { wonPerSalesperson } from './keptWonSales.js';

const REPORT = 'expense-ratio';

export async function expenseRatio(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const claims = entityOf(ctx, 'expense_claims', REPORT);
  const owner = ownerField(ctx, claims);
  const amount = amountField(ctx, claims, 'amount');
  const period = periodParameter(ctx, query);
  const spent = whereInPeriod(
    whereWon(readableQuery(ctx, claims.info, {}), claims),
    dateOf(ctx, claims, ['expense_date', 'paid_date']),
    period,
  ).select(
    { salesperson_id: columnOf(claims, owner) },
    knex.raw('?? as expenses', [columnOf(claims, amount)]),
    knex.raw('0::numeric as won'),
  );
  const won = knex
    .from(wonPerSalesperson(ctx, REPORT, period).as('o'))
    .select('o.salesperson_id', knex.raw('0::numeric as expenses'), 'o.won');
  const totals = knex
    .from(spent.unionAll(won, true).as('x'))
    .select('x.salesperson_id', knex.raw('grouping(x.salesperson_id) = 1 as total'))
    .sum({ expenses: 'x.expenses', won: 'x.won' })
    .groupByRaw('rollup (x.salesperson_id)');
  return (await knex
    .from(totals.as('t'))
    .leftJoin(salespeopleNames(ctx, REPORT).as('n'), 'n.id', 't.salesperson_id')
    .select('t.salesperson_id', { salesperson_name: 'n.label' }, money(ctx, 't.expenses', 'expenses'), money(ctx, 't.won', 'won'))
    .select(knex.raw('(case when t.won > 0 then coalesce(t.expenses, 0) / t.won end)::float8 as ratio'), 't.total')
    .orderBy([
      { column: 't.total', order: 'asc' },
      { column: 'won', order: 'desc' },
      { column: 't.salesperson_id', order: 'asc' },
    ])) as {
    salesperson_id: number | null;
    salesperson_name: string | null;
    expenses: number;
    won: number;
    ratio: number | null;
    total: boolean;
  }[];
}
