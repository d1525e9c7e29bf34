/**
 * Won sales by salesperson, by territory and by month, read from the totals the database keeps
 * (migrate/wonTotals.ts) under the caller's read scope when the period is made of whole months
 * (what the dashboard asks): the figures of counting the won opportunities (common.ts
 * `wonOpportunities`), read from one row per month, salesperson, territory and customer owner.
 * When the kept totals cannot answer (a period ending inside a month, a model without them), a
 * `kept…` function answers `undefined` and its report counts the records; a `won…` function
 * counts them itself.
 */
import type { Knex } from 'knex';
import { WON_TOTALS_COLUMNS as C, wonTotalsDefinition, type WonTotalsDefinition } from '../migrate/wonTotals.js';
import { addEntityScope, scopeOf } from '../router/access.js';
import type { RequestContext } from '../router/context.js';
import { type Period, wholeMonths, wonOpportunities } from './common.js';

interface Kept {
  definition: WonTotalsDefinition;
  rows: Knex.QueryBuilder;
}

/** The kept rows of the period's months that the caller may read as sales (scope on the salesperson), when the period is whole months. */
function keptRows(ctx: RequestContext, period: Period): Kept | undefined {
  const definition = wonTotalsDefinition(ctx.model);
  const months = wholeMonths(period);
  if (!definition || months.from !== period.from || months.to !== period.to) return undefined;
  const rows = ctx.knex(definition.table);
  if (period.from) rows.where(`${definition.table}.${C.month}`, '>=', period.from);
  if (period.to) rows.where(`${definition.table}.${C.month}`, '<=', `${period.to.slice(0, 7)}-01`);
  addEntityScope(rows, ctx.knex, ctx.model, ctx.model.entities[definition.source], ctx.user, 'read', definition.table);
  return { definition, rows };
}

/** Rows `key, amount, n` (n: how many sales) by salesperson. */
export function keptBySalesperson(ctx: RequestContext, period: Period): Knex.QueryBuilder | undefined {
  const kept = keptRows(ctx, period);
  return kept?.rows.select({ key: kept.definition.owner.name, amount: C.amount, n: C.count });
}

/**
 * Rows `key, amount, n` by the customer's territory: the territory of a customer the caller may
 * read, else none (NULL), as a join on the readable customers gives.
 */
export function keptByTerritory(ctx: RequestContext, period: Period): Knex.QueryBuilder | undefined {
  const kept = keptRows(ctx, period);
  const customers = kept?.definition.customers;
  if (!kept || !customers) return undefined;
  const entity = ctx.model.entities[customers.table];
  const rows = kept.rows;
  if (scopeOf(entity, ctx.user, 'read') === 'all') return rows.select({ key: C.territory, amount: C.amount, n: C.count });
  const owner = customers.owner?.name;
  // Without an owner on customers, only a reader of every customer reads a territory.
  if (!owner) return rows.select(ctx.knex.raw('null as key'), { amount: C.amount, n: C.count });
  // Summed by territory and customer owner first (a few hundred rows, read once), the customer's
  // owner under the customers' own owner field, so that their read scope applies as written.
  const byOwner = rows
    .select({ key: C.territory, [owner]: C.customerOwner })
    .sum({ amount: C.amount, n: C.count })
    .groupBy(C.territory, C.customerOwner);
  const scope = (q: Knex.QueryBuilder) => addEntityScope(q, ctx.knex, ctx.model, entity, ctx.user, 'read', 'c');
  const hidden = ctx.knex
    .from({ c: 'by_owner' })
    .select(ctx.knex.raw('null as key'), 'c.amount', 'c.n')
    .where((w) => w.whereNull(`c.${owner}`).orWhereNot(scope));
  return ctx.knex
    .withMaterialized('by_owner', byOwner)
    .from({ c: 'by_owner' })
    .select('c.key', 'c.amount', 'c.n')
    .modify(scope)
    .unionAll(hidden);
}

/** Won amounts per salesperson and month (`YYYY-MM`): `salesperson_id, month, won, count`. */
export function wonByMonth(ctx: RequestContext, report: string, period: Period): Knex.QueryBuilder {
  const kept = keptRows(ctx, period);
  if (kept) {
    const { definition, rows } = kept;
    const month = (alias = '') => ctx.knex.raw(`to_char(??, 'YYYY-MM')${alias}`, [`${definition.table}.${C.month}`]);
    return (
      rows
        .select({ salesperson_id: `${definition.table}.${definition.owner.name}` })
        .select(month(' as month'))
        .select(ctx.knex.raw(`sum(${C.amount}) as won`))
        .select(ctx.knex.raw(`sum(${C.count}) as count`))
        .groupBy(`${definition.table}.${definition.owner.name}`, month())
        // Kept rows whose sales all left (a win reopened) add up to nothing.
        .havingRaw(`sum(${C.count}) <> 0`)
    );
  }
  return ctx.knex
    .from(wonOpportunities(ctx, report, period).as('w'))
    .select('w.salesperson_id')
    .select(ctx.knex.raw(`to_char(w.won_date, 'YYYY-MM') as month`))
    .select(ctx.knex.raw('sum(w.amount) as won'))
    .select(ctx.knex.raw('count(*) as count'))
    .groupBy('w.salesperson_id', ctx.knex.raw(`to_char(w.won_date, 'YYYY-MM')`));
}

/** Won amounts per salesperson over the period: `salesperson_id, won`, a row for sales without one too. */
export function wonPerSalesperson(ctx: RequestContext, report: string, period: Period): Knex.QueryBuilder {
  const kept = keptRows(ctx, period);
  if (kept) {
    const owner = `${kept.definition.table}.${kept.definition.owner.name}`;
    return kept.rows.select({ salesperson_id: owner }).sum({ won: C.amount }).groupBy(owner).havingRaw(`sum(${C.count}) <> 0`);
  }
  return ctx.knex
    .from(wonOpportunities(ctx, report, period).as('w'))
    .select('w.salesperson_id')
    .sum({ won: 'w.amount' })
    .groupBy('w.salesperson_id');
}

/**
 * Every month's wins per salesperson, for targets of whole months or years: `salesperson_id`,
 * `won_at` (the month's first day from the kept totals, the moment of each win from the records),
 * `amount`, `n` (how many sales).
 */
export function wonPerSalespersonMonth(ctx: RequestContext, report: string): Knex.QueryBuilder {
  const kept = keptRows(ctx, {});
  if (kept) {
    const { definition, rows } = kept;
    const [owner, month] = [`${definition.table}.${definition.owner.name}`, `${definition.table}.${C.month}`];
    return rows
      .select({ salesperson_id: owner, won_at: month })
      .sum({ amount: C.amount, n: C.count })
      .groupBy(owner, month)
      .havingRaw(`sum(${C.count}) <> 0`);
  }
  return ctx.knex
    .from(wonOpportunities(ctx, report, {}).as('w'))
    .select('w.salesperson_id', { won_at: 'w.won_date' }, 'w.amount', ctx.knex.raw('1 as n'));
}
