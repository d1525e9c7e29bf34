/**
 * `forecast-accuracy?from=&to=&filter={…}` → per salesperson and month, what their forecasts said
 * against what they won: `[{ salesperson_id, salesperson_name, period, forecasts, forecast,
 * actual, error, accuracy }]`. The forecasts of one salesperson (their owner) and month are summed
 * (one per product or region, say); the actual is their wins dated in that month; `error` is
 * forecast − actual and `accuracy` 1 − |error| / actual, at least 0 (null without an actual).
 */
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import {
  amountField,
  columnOf,
  entityOf,
  jsonParameter,
  money,
  ownerField,
  periodParameter,
  requireFields,
  salespeopleNames,
  whereMonthIn,
  wholeMonths,
  type Query,
} from './common.js';
import { wonByMonth } from './keptWonSales.js';

const REPORT = 'forecast-accuracy';

export async function forecastAccuracy(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const forecasts = entityOf(ctx, 'forecasts', REPORT);
  requireFields(ctx, forecasts, ['period']);
  const owner = ownerField(ctx, forecasts);
  const amount = amountField(ctx, forecasts, 'forecast_amount');
  const period = periodParameter(ctx, query);
  const said = whereMonthIn(readableQuery(ctx, forecasts.info, jsonParameter(ctx, query, 'filter')), columnOf(forecasts, 'period'), period)
    .whereNotNull(columnOf(forecasts, owner))
    .whereNotNull(columnOf(forecasts, 'period'))
    .select({ salesperson_id: columnOf(forecasts, owner), period: columnOf(forecasts, 'period') })
    .sum({ forecast: columnOf(forecasts, amount) })
    .count({ forecasts: '*' })
    .groupBy(columnOf(forecasts, owner), columnOf(forecasts, 'period'));
  return (await knex
    .from(said.as('f'))
    .leftJoin(wonByMonth(ctx, REPORT, wholeMonths(period)).as('w'), (on) =>
      on.on('w.salesperson_id', 'f.salesperson_id').andOn('w.month', 'f.period'),
    )
    .leftJoin(salespeopleNames(ctx, REPORT).as('n'), 'n.id', 'f.salesperson_id')
    .select('f.salesperson_id', { salesperson_name: 'n.label' }, 'f.period', knex.raw('f.forecasts::int as forecasts'))
    .select(money(ctx, 'f.forecast', 'forecast'), money(ctx, 'w.won', 'actual'))
    .select(knex.raw('(coalesce(f.forecast, 0) - coalesce(w.won, 0))::float8 as error'))
    .select(knex.raw('(case when w.won > 0 then greatest(0, 1 - abs(coalesce(f.forecast, 0) - w.won) / w.won) end)::float8 as accuracy'))
    .orderBy([
      { column: 'f.period', order: 'asc' },
      { column: 'n.label', order: 'asc' },
      { column: 'f.salesperson_id', order: 'asc' },
    ])) as {
    salesperson_id: number;
    salesperson_name: string | null;
    period: string;
    forecasts: number;
    forecast: number;
    actual: number;
    error: number;
    accuracy: number | null;
  }[];
}
