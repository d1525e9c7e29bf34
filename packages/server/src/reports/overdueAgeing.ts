/**
 * `overdue-collections?as_of=YYYY-MM-DD` → what customers owe past its date, by days overdue:
 * `[{ bucket: '0-30' | '31-60' | '61-90' | '90+', count, amount, collections: { count, amount },
 * instalments: { count, amount } }]`. Two sources, neither trusted for its stored status (it goes
 * stale): collections past `expected_date` with `amount − received_amount > 0`, and the
 * instalments of instalment plans (`instalments[]`) past `due_date` with `amount − paid_amount > 0`.
 * A record in a lost stage (written off, defaulted) is closed and left out; an instalment a
 * readable collection already tracks (same contract, `instalment_number` = its position) is
 * counted once, as that collection.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { asOfParameter, columnOf, entityOf, hasField, requireFields, whereNotLost, type Query, type Source } from './common.js';

const REPORT = 'overdue-collections';

export const AGE_BUCKETS = [
  { bucket: '0-30', to: 30 },
  { bucket: '31-60', to: 60 },
  { bucket: '61-90', to: 90 },
  { bucket: '90+', to: null },
] as const;

/** The readable collections still owed, past their date: `days, outstanding` (+ the instalment they track). */
function overdueCollections(ctx: RequestContext, collections: Source, asOf: string): Knex.QueryBuilder {
  const col = (field: string) => columnOf(collections, field);
  const outstanding = ctx.knex.raw('coalesce(??, 0) - coalesce(??, 0)', [col('amount'), col('received_amount')]);
  return whereNotLost(readableQuery(ctx, collections.info, {}), collections)
    .select(
      ctx.knex.raw(`'collections' as source`),
      ctx.knex.raw('(?::date - ??) as days', [asOf, col('expected_date')]),
      ctx.knex.raw('? as outstanding', [outstanding]),
    )
    .where(col('expected_date'), '<', asOf)
    .whereRaw('? > 0', [outstanding]);
}

/** The instalments of the readable plans still owed, past their due date, that no readable collection tracks. */
function overdueInstalments(ctx: RequestContext, plans: Source, collections: Source, asOf: string): Knex.QueryBuilder {
  const { knex } = ctx;
  const instalments = columnOf(plans, 'instalments');
  const due = knex.raw(`(i.item->>'due_date')::date`);
  const outstanding = knex.raw(`coalesce((i.item->>'amount')::numeric, 0) - coalesce((i.item->>'paid_amount')::numeric, 0)`);
  const query = whereNotLost(readableQuery(ctx, plans.info, {}), plans)
    .joinRaw(
      `cross join lateral jsonb_array_elements(case when jsonb_typeof(??) = 'array' then ?? else '[]'::jsonb end) with ordinality as i(item, n)`,
      [instalments, instalments],
    )
    .select(
      knex.raw(`'instalments' as source`),
      knex.raw('(?::date - ?) as days', [asOf, due]),
      knex.raw('? as outstanding', [outstanding]),
    )
    .whereRaw('? < ?::date', [due, asOf])
    .whereRaw('? > 0', [outstanding]);
  if (hasField(plans, 'contract_id') && hasField(collections, 'contract_id') && hasField(collections, 'instalment_number')) {
    const tracked = readableQuery(ctx, collections.info, {})
      .select(knex.raw('1'))
      .whereRaw('?? = ??', [columnOf(collections, 'contract_id'), columnOf(plans, 'contract_id')])
      .whereRaw('?? = i.n', [columnOf(collections, 'instalment_number')]);
    query.whereNotExists(tracked);
  }
  return query;
}

export async function overdueAgeing(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const asOf = asOfParameter(ctx, query);
  const collections = entityOf(ctx, 'collections', REPORT);
  requireFields(ctx, collections, ['expected_date', 'amount', 'received_amount']);
  let overdue = overdueCollections(ctx, collections, asOf);
  const plans = ctx.resources.get('instalment_plans')?.entity ? entityOf(ctx, 'instalment_plans', REPORT) : undefined;
  if (plans) {
    requireFields(ctx, plans, ['instalments']);
    overdue = overdue.unionAll(overdueInstalments(ctx, plans, collections, asOf), true);
  }
  const bucket = knex.raw(
    `case ${AGE_BUCKETS.map((b) => (b.to === null ? 'else ?' : 'when o.days <= ? then ?')).join(' ')} end`,
    AGE_BUCKETS.flatMap((b): (string | number)[] => (b.to === null ? [b.bucket] : [b.to, b.bucket])),
  );
  const rows = (await knex
    .from(overdue.as('o'))
    .select(knex.raw('? as bucket', [bucket]), 'o.source')
    .select(knex.raw('count(*)::int as count'), knex.raw('sum(o.outstanding)::float8 as amount'))
    .groupBy('bucket', 'o.source')) as { bucket: string; source: 'collections' | 'instalments'; count: number; amount: number }[];
  return AGE_BUCKETS.map(({ bucket }) => {
    const part = (source: string) => {
      const row = rows.find((r) => r.bucket === bucket && r.source === source);
      return { count: row?.count ?? 0, amount: row?.amount ?? 0 };
    };
    const [fromCollections, fromInstalments] = [part('collections'), part('instalments')];
    return {
      bucket,
      count: fromCollections.count + fromInstalments.count,
      amount: Math.round((fromCollections.amount + fromInstalments.amount) * 100) / 100,
      collections: fromCollections,
      instalments: fromInstalments,
    };
  });
}
