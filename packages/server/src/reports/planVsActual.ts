/**
 * `plan-vs-actual?from=&to=&filter={…}` → each sales plan's target against the won sales of its
 * period and subject: `[{ plan_id, name, plan_type, period, team_id, team_name, owner_id,
 * owner_name, target, actual, count }]`. A monthly plan covers its `month`, an annual plan its
 * `year`; a plan with a team counts the wins of the team's members, else those of its owner, else
 * (neither) every win the caller may read. Withdrawn plans (a lost stage) are left out.
 */
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import { usersOf } from '../router/resources.js';
import {
  columnOf,
  entityOf,
  hasField,
  jsonParameter,
  money,
  namesOf,
  ownerField,
  periodParameter,
  requireFields,
  salespeopleNames,
  whereNotLost,
  type Query,
} from './common.js';
import { wonPerSalespersonMonth } from './keptWonSales.js';

const REPORT = 'plan-vs-actual';

/** The readable plans with their period: `starts` (first day), `ends` (first day after), `period` (`YYYY-MM` or `YYYY`). */
function plansWithPeriod(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const plans = entityOf(ctx, 'sales_plans', REPORT);
  requireFields(ctx, plans, ['total_target', 'year', 'month']);
  const owner = ownerField(ctx, plans);
  const column = (field: string) => (hasField(plans, field) ? knex.raw('??', [columnOf(plans, field)]) : knex.raw('null'));
  const [month, year] = [column('month'), column('year')];
  // Monthly when it has a month and is not declared annual; annual otherwise.
  const monthly = knex.raw(`(? ~ '^[0-9]{4}-[0-9]{2}$' and ?::text is distinct from 'annual')`, [month, column('plan_type')]);
  return whereNotLost(readableQuery(ctx, plans.info, jsonParameter(ctx, query, 'filter')), plans).select(
    {
      plan_id: columnOf(plans, 'id'),
      name: columnOf(plans, plans.entity.recordRepresentation),
      target: columnOf(plans, 'total_target'),
      owner_id: columnOf(plans, owner),
    },
    { plan_type: column('plan_type'), team_id: column('team_id') },
    knex.raw(`case when ? then ? else ?::text end as period`, [monthly, month, year]),
    knex.raw(`case when ? then (? || '-01')::date else make_date(?, 1, 1) end as starts`, [monthly, month, year]),
    knex.raw(`(case when ? then (? || '-01')::date + interval '1 month' else make_date(? + 1, 1, 1) end)::date as ends`, [
      monthly,
      month,
      year,
    ]),
  );
}

export async function planVsActual(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const period = periodParameter(ctx, query);
  const planned = knex.from(plansWithPeriod(ctx, query).as('p0')).select('*').whereNotNull('starts');
  if (period.to) planned.where('starts', '<=', period.to);
  if (period.from) planned.where('ends', '>', period.from);
  // Won sales by salesperson and month (plans cover whole months or years) with their owner's team (today's membership, as the team scope reads it).
  const users = usersOf(ctx.model);
  const won = knex.from(wonPerSalespersonMonth(ctx, REPORT).as('o'));
  if (users?.teamField) won.leftJoin({ t: users.resource }, 't.id', 'o.salesperson_id').select('o.*', { team_id: `t.${users.teamField}` });
  else won.select('o.*', knex.raw('null::bigint as team_id'));
  return (await knex
    .from(planned.as('p'))
    .leftJoin(won.as('w'), (on) =>
      on
        .on('w.won_at', '>=', 'p.starts')
        .andOn('w.won_at', '<', 'p.ends')
        .andOn(
          knex.raw(
            'case when p.team_id is not null then w.team_id = p.team_id when p.owner_id is not null then w.salesperson_id = p.owner_id else true end',
          ),
        ),
    )
    .leftJoin(namesOf(ctx, 'teams', REPORT).as('tn'), 'tn.id', 'p.team_id')
    .leftJoin(salespeopleNames(ctx, REPORT).as('sn'), 'sn.id', 'p.owner_id')
    .select('p.plan_id', 'p.name', 'p.plan_type', 'p.period', 'p.team_id', { team_name: 'tn.label' }, 'p.owner_id', {
      owner_name: 'sn.label',
    })
    .select(money(ctx, 'p.target', 'target'), money(ctx, 'sum(w.amount)', 'actual'), knex.raw('coalesce(sum(w.n), 0)::int as count'))
    .groupBy('p.plan_id', 'p.name', 'p.plan_type', 'p.period', 'p.team_id', 'tn.label', 'p.owner_id', 'sn.label', 'p.target', 'p.starts')
    .orderBy([
      { column: 'p.starts', order: 'asc' },
      { column: 'p.plan_id', order: 'asc' },
    ])) as {
    plan_id: number;
    name: string | null;
    plan_type: string | null;
    period: string;
    team_id: number | null;
    team_name: string | null;
    owner_id: number | null;
    owner_name: string | null;
    target: number;
    actual: number;
    count: number;
  }[];
}
