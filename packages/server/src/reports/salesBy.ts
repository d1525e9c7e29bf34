/**
 * `sales-by?by=salesperson|region|product|channel&from=&to=` → won sales grouped by one dimension,
 * `[{ key, label, amount, count }]`, the largest amount first. Salesperson, region and channel
 * group the won opportunities (amount: the workflow's amount field, dated by the won date of
 * common.ts); product groups the lines of won contracts (dated by their signing date), since an
 * opportunity carries no products. See docs/server.md, "Reports".
 */
import type { Knex } from 'knex';
import { SALES_DIMENSIONS, type SalesDimension } from '@ra-sales/schema';
import { WON_SALES } from '../migrate/wonTotals.js';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import {
  OPPORTUNITIES,
  choiceParameter,
  columnOf,
  dateOf,
  entityOf,
  enumLabels,
  money,
  namesOf,
  periodParameter,
  requireFields,
  salespeopleNames,
  whereInPeriod,
  whereWon,
  wonOpportunities,
  type Period,
  type Query,
} from './common.js';
import { keptBySalesperson, keptByTerritory } from './keptWonSales.js';

const REPORT = 'sales-by';
type Dimension = SalesDimension;

/** The opportunity field standing for the channel: where the business came from (no sale references a `channels` record). */
export const CHANNEL_FIELD = 'source';
/** The contract's signing date, else the day it was archived. */
const CONTRACT_DATE_FIELDS = ['sign_date', 'archived_date'];
/** A line's amount as stored (computed on save), else quantity × unit price less the discount. */
const LINE_AMOUNT = `coalesce((line.item->>'amount')::numeric,
  (line.item->>'quantity')::numeric * (line.item->>'unit_price')::numeric * (1 - coalesce((line.item->>'discount')::numeric, 0) / 100), 0)`;

/** What a dimension groups: rows `key, amount, doc_id` and the labels `l(id, label)` joined on the key. */
interface Grouping {
  items: Knex.QueryBuilder;
  labels: Knex.QueryBuilder | Knex.Raw;
  /** Several rows per document (a contract's lines): documents are counted once each. */
  perLine?: boolean;
  /** Rows of totals (the kept won sales): `n` says how many documents each row stands for. */
  totals?: boolean;
}

function wonBy(ctx: RequestContext, period: Period, key: string, extra: string[] = []): Knex.QueryBuilder {
  return ctx.knex.from(wonOpportunities(ctx, REPORT, period, extra).as('w')).select({ key, amount: 'w.amount', doc_id: 'w.doc_id' });
}

/** The kept won totals when they can answer (keptWonSales.ts), else the won opportunities themselves. */
function keptOr(kept: Knex.QueryBuilder | undefined, labels: Grouping['labels'], records: () => Knex.QueryBuilder): Grouping {
  return kept ? { items: kept, labels, totals: true } : { items: records(), labels };
}

const GROUPINGS: Record<Dimension, (ctx: RequestContext, period: Period) => Grouping> = {
  salesperson: (ctx, period) =>
    keptOr(keptBySalesperson(ctx, period), salespeopleNames(ctx, REPORT).as('l'), () => wonBy(ctx, period, 'w.salesperson_id')),

  /** The customer's current territory, for the customers the caller may read. */
  region: (ctx, period) => {
    const customers = entityOf(ctx, WON_SALES.customers, REPORT);
    requireFields(ctx, customers, [WON_SALES.territory]);
    requireFields(ctx, entityOf(ctx, OPPORTUNITIES, REPORT), [WON_SALES.customerReference]);
    const territories = () =>
      readableQuery(ctx, customers.info, {}).select({ id: columnOf(customers, 'id'), territory: columnOf(customers, WON_SALES.territory) });
    return keptOr(keptByTerritory(ctx, period), namesOf(ctx, 'territories', REPORT).as('l'), () =>
      wonBy(ctx, period, 'c.territory', [WON_SALES.customerReference]).leftJoin(
        territories().as('c'),
        'c.id',
        `w.${WON_SALES.customerReference}`,
      ),
    );
  },

  channel: (ctx, period) => ({
    items: wonBy(ctx, period, `w.${CHANNEL_FIELD}`, [CHANNEL_FIELD]),
    labels: enumLabels(ctx, entityOf(ctx, OPPORTUNITIES, REPORT), CHANNEL_FIELD, 'l'),
  }),

  /** One row per line of the caller's readable won contracts signed in the period. */
  product: (ctx, period) => {
    const contracts = entityOf(ctx, 'contracts', REPORT);
    requireFields(ctx, contracts, ['lines']);
    const lines = columnOf(contracts, 'lines');
    const items = whereInPeriod(
      whereWon(readableQuery(ctx, contracts.info, {}), contracts),
      dateOf(ctx, contracts, CONTRACT_DATE_FIELDS),
      period,
    )
      .joinRaw(`cross join lateral jsonb_array_elements(case when jsonb_typeof(??) = 'array' then ?? else '[]'::jsonb end) as line(item)`, [
        lines,
        lines,
      ])
      .select({ doc_id: columnOf(contracts, 'id') })
      .select(ctx.knex.raw(`(line.item->>'product_id')::bigint as key`))
      .select(ctx.knex.raw(`${LINE_AMOUNT} as amount`));
    return { items, labels: namesOf(ctx, 'products', REPORT).as('l'), perLine: true };
  },
};

export async function salesBy(ctx: RequestContext, query: Query) {
  const by = choiceParameter(ctx, query, 'by', SALES_DIMENSIONS, 'salesperson');
  const { items, labels, perLine, totals } = GROUPINGS[by](ctx, periodParameter(ctx, query));
  return (await ctx.knex
    .from(items.as('s'))
    .leftJoin(labels, 'l.id', 's.key')
    .select('s.key', 'l.label')
    .select(money(ctx, 'sum(s.amount)', 'amount'))
    // One row per won opportunity needs no distinct (a sort of every row at a million records).
    .select(ctx.knex.raw(totals ? 'sum(s.n)::int as count' : perLine ? 'count(distinct s.doc_id)::int as count' : 'count(*)::int as count'))
    .groupBy('s.key', 'l.label')
    // Kept rows whose sales all left (a customer moved, a win reopened) add up to nothing.
    .modify((q) => (totals ? q.havingRaw('sum(s.n) <> 0') : q))
    .orderBy([
      { column: 'amount', order: 'desc' },
      { column: 's.key', order: 'asc', nulls: 'last' },
    ])) as { key: number | string | null; label: string | null; amount: number; count: number }[];
}
