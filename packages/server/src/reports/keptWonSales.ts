/**
 * Won sales by salesperson, by territory and by month, read from the totals the database keeps
 * (migrate/wonTotals.ts) under the caller's read scope: the figures of counting the won
 * opportunities (common.ts `wonOpportunities`, dated by the moment they entered their won stage),
 * read from one row per salesperson, day, territory and customer owner.
 */
import type { Knex } from 'knex';
import { WON_TOTALS_COLUMNS as C, wonTotalsDefinition, type WonTotalsDefinition } from '../migrate/wonTotals.js';
import { addEntityScope, scopeOf } from '../router/access.js';
import type { RequestContext } from '../router/context.js';
import { notFound } from '../router/errors.js';
import { phrase } from '../router/locale.js';
import { entityOf, OPPORTUNITIES, type Period } from './common.js';

/** The kept won sales; 404 for a model whose opportunities have no amount field or no owner (nothing to keep). */
function keptFor(ctx: RequestContext, report: string): WonTotalsDefinition {
  entityOf(ctx, OPPORTUNITIES, report);
  const definition = wonTotalsDefinition(ctx.model);
  if (!definition) throw notFound(phrase(ctx.locale, 'reportNeedsAmountOwner', { report, resource: OPPORTUNITIES }));
  return definition;
}

/** The kept rows of the period that the caller may read as sales (scope on the salesperson). */
function keptRows(ctx: RequestContext, definition: WonTotalsDefinition, period: Period): Knex.QueryBuilder {
  const query = ctx.knex(definition.table);
  if (period.from) query.where(`${definition.table}.${C.day}`, '>=', period.from);
  if (period.to) query.where(`${definition.table}.${C.day}`, '<=', period.to);
  addEntityScope(query, ctx.knex, ctx.model, ctx.model.entities[definition.source], ctx.user, 'read', definition.table);
  return query;
}

/** Rows `key, amount, n` (n: how many sales) by salesperson. */
export function wonBySalesperson(ctx: RequestContext, report: string, period: Period): Knex.QueryBuilder {
  const definition = keptFor(ctx, report);
  return keptRows(ctx, definition, period).select({ key: definition.owner.name, amount: C.amount, n: C.count });
}

/**
 * Rows `key, amount, n` by the customer's territory: the territory of a customer the caller may
 * read, else none (NULL), as a join on the readable customers gives.
 */
export function wonByTerritory(ctx: RequestContext, report: string, period: Period): Knex.QueryBuilder {
  const definition = keptFor(ctx, report);
  // The report asked for the customers' territory and the sales' customer first (404 without them).
  const customers = definition.customers!;
  const entity = ctx.model.entities[customers.table];
  const scope = scopeOf(entity, ctx.user, 'read');
  const rows = keptRows(ctx, definition, period).select({ key: C.territory, amount: C.amount, n: C.count });
  if (scope === 'all') return rows;
  // The customer's owner under the customers' own owner field, so that their read scope applies as written.
  const owner = customers.owner?.name;
  if (owner) rows.select({ [owner]: C.customerOwner });
  const readable = ctx.knex.from(rows.as('c')).select('c.key', 'c.amount', 'c.n');
  addEntityScope(readable, ctx.knex, ctx.model, entity, ctx.user, 'read', 'c');
  const hidden = ctx.knex
    .from(rows.clone().as('c'))
    .select(ctx.knex.raw('null as key'), 'c.amount', 'c.n')
    .where((w) => {
      if (owner) w.whereNull(`c.${owner}`);
      w.orWhereNot((not) => addEntityScope(not, ctx.knex, ctx.model, entity, ctx.user, 'read', 'c'));
    });
  return readable.unionAll(hidden);
}

/** Won amounts per salesperson and month (`YYYY-MM`): `salesperson_id, month, won, count`. */
export function wonByMonth(ctx: RequestContext, report: string, period: Period): Knex.QueryBuilder {
  const definition = keptFor(ctx, report);
  const month = (alias = '') => ctx.knex.raw(`to_char(??, 'YYYY-MM')${alias}`, [`${definition.table}.${C.day}`]);
  return keptRows(ctx, definition, period)
    .select({ salesperson_id: `${definition.table}.${definition.owner.name}` })
    .select(month(' as month'))
    .select(ctx.knex.raw(`sum(${C.amount}) as won`))
    .select(ctx.knex.raw(`sum(${C.count}) as count`))
    .groupBy(`${definition.table}.${definition.owner.name}`, month())
    .havingRaw(`sum(${C.count}) <> 0`);
}
