/**
 * Report scenarios of the API bench (`BENCH_ONLY=report`): two reports of `GET /reports/:name`
 * through the router against hand-written SQL on the baseline's `pg` pool, as an admin (no scope)
 * and as a sales manager (team scope):
 *
 *   report · sales-by region   won opportunities of the last twelve whole months and this one by their customer's territory
 *                              (opportunities → customers → territories, names joined)
 *   report · overdue ageing    collections and instalments (a jsonb array per plan) owed past their
 *                              date, by age bucket
 *
 * The baseline is SQL a developer would write for the default schemas, knowing their tables, stage
 * ids and access rules: one statement per report, its scope written out, its rows shaped in a few
 * lines of JS. Both must give the same answer before they are measured.
 *
 * Data added for them (`seedReportData`): BENCH_TERRITORIES territories (default 8) spread over the
 * customers, and BENCH_INSTALMENT_PLANS instalment plans (default 5,000; six monthly instalments
 * each, started over the past year, a third paid, a third partly paid, a third unpaid; one plan in
 * six defaulted, one in six a draft). Nothing the other scenarios read is changed but the customers'
 * `territory_id`.
 */
import type { Express, Request } from 'express';
import type { Knex } from 'knex';
import type pg from 'pg';
import type { SalesModel } from '@ra-sales/schema';

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const TERRITORIES = env('BENCH_TERRITORIES', 8);
const INSTALMENT_PLANS = env('BENCH_INSTALMENT_PLANS', 5_000);
const INSTALMENTS = 6;

export interface ReportBenchUser {
  id: number;
  /** The sales manager's team; null: the admin, who reads everything. */
  teamId: number | null;
}

export interface ReportScenario {
  name: string;
  path: string;
  user: 'admin' | 'manager';
}

const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Territories over the customers and instalment plans with their schedules; answers lines for the report. */
export async function seedReportData(db: Knex, model: SalesModel, owners: number[]): Promise<string[]> {
  if (!model.entities.territories || !model.entities.instalment_plans || !model.entities.customers) return [];
  const started = performance.now();
  await db.raw(`insert into territories (name) select 'Bench territory ' || g from generate_series(1, ?) g`, [TERRITORIES]);
  await spreadOverTerritories(db);
  const customers = Number((await db.raw('select coalesce(max(id), 1) as n from customers')).rows[0].n);
  await db.raw(
    `insert into instalment_plans (agreement_number, status, customer_id, contract_id, owner_id, total_amount, start_date, instalments)
     select 'BENCH-IP-' || g,
            (array['active', 'active', 'active', 'completed', 'defaulted', 'draft'])[1 + g % 6],
            1 + (g * 7919) % ?, g, (?::bigint[])[1 + g % ?], ${INSTALMENTS} * 1000,
            current_date - (g % 365),
            (select jsonb_agg(jsonb_build_object(
                      'due_date', to_char(current_date - (g % 365) + k * 30, 'YYYY-MM-DD'),
                      'amount', 1000,
                      'paid_amount', case (g + k) % 3 when 0 then 1000 when 1 then 400 else 0 end,
                      'status', 'pending') order by k)
               from generate_series(1, ${INSTALMENTS}) k)
       from generate_series(1, ?) g`,
    [customers, owners, owners.length, INSTALMENT_PLANS],
  );
  await dateWonOpportunities(db);
  await db.raw('vacuum analyze opportunities');
  await db.raw('analyze territories, customers, instalment_plans');
  const won = (
    await db.raw(`select count(*)::int as n from opportunities where stage = 'won' and stage_entered_at >= ?::date`, [isoDate(-365)])
  ).rows[0].n;
  return [
    `report data: ${TERRITORIES} territories over the customers, ${INSTALMENT_PLANS} instalment plans × ${INSTALMENTS} instalments (${((performance.now() - started) / 1000).toFixed(1)} s); ${won} won opportunities won in the last 365 days`,
  ];
}

/** The customers past `afterId` spread evenly over the territories (by id). */
export async function spreadOverTerritories(db: Knex, afterId = 0): Promise<void> {
  await db.raw(
    `update customers c set territory_id = t.id
       from (select id, row_number() over (order by id) - 1 as k, count(*) over () as n from territories) t
      where t.k = c.id % t.n and c.id > ?`,
    [afterId],
  );
}

/**
 * The bulk rows entered their stage when they were seeded: the won ones past `afterId` get the day
 * they were won (their acceptance date, else a day of the last two years), as the server records it on a move.
 */
export async function dateWonOpportunities(db: Knex, afterId = 0): Promise<void> {
  await db.raw(
    `update opportunities set stage_entered_at = coalesce(acceptance_date, current_date - (id % 730)::int) + interval '10 hours' where stage = 'won' and id > ?`,
    [afterId],
  );
}

export function reportScenarios(): ReportScenario[] {
  // Whole months, as the dashboard asks: the twelve months before this one and this one.
  const now = new Date();
  const month = (offset: number, day: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, day)).toISOString().slice(0, 10);
  const salesBy = `/api/reports/sales-by?by=region&from=${month(-12, 1)}&to=${month(1, 0)}`;
  const ageing = `/api/reports/overdue-collections?as_of=${isoDate(0)}`;
  return [
    { name: 'report · sales-by region, admin', path: salesBy, user: 'admin' },
    { name: 'report · sales-by region, sales manager (team)', path: salesBy, user: 'manager' },
    { name: 'report · overdue ageing, admin', path: ageing, user: 'admin' },
    { name: 'report · overdue ageing, sales manager (team)', path: ageing, user: 'manager' },
  ];
}

/** `owner = me or owner in my team` for the manager, nothing for the admin; `$n` from `next`. */
function teamScope(column: string, user: ReportBenchUser, params: unknown[]): string {
  if (user.teamId === null) return 'true';
  params.push(user.id, user.teamId);
  return `(${column} = $${params.length - 1} or ${column} in (select id from salespeople where team_id = $${params.length}))`;
}

/** The hand-written SQL of both reports, for the report of the bench. */
export function reportBaselineSql(
  wonDate: string,
  user: ReportBenchUser,
  query: Record<string, string>,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  if ('by' in query) {
    params.push(query.from, query.to);
    const opportunities = teamScope('o.owner_id', user, params);
    const customers = teamScope('owner_id', user, params);
    return {
      sql: `select c.territory_id as key, t.name as label, coalesce(sum(o.expected_amount), 0)::float8 as amount, count(*)::int as count
              from opportunities o
              left join (select id, territory_id from customers where ${customers}) c on c.id = o.customer_id
              left join territories t on t.id = c.territory_id
             where o.stage = 'won' and ${wonDate} and ${opportunities}
             group by c.territory_id, t.name
             order by amount desc, key asc nulls last`,
      params,
    };
  }
  params.push(query.as_of);
  const collections = teamScope('owner_id', user, params);
  const plans = teamScope('p.owner_id', user, params);
  const tracking = teamScope('c.owner_id', user, params);
  return {
    sql: `with overdue as (
            select 'collections' as source, $1::date - expected_date as days, coalesce(amount, 0) - coalesce(received_amount, 0) as outstanding
              from collections
             where status is distinct from 'written_off' and expected_date < $1::date
               and coalesce(amount, 0) - coalesce(received_amount, 0) > 0 and ${collections}
            union all
            select 'instalments', $1::date - (i.item->>'due_date')::date,
                   coalesce((i.item->>'amount')::numeric, 0) - coalesce((i.item->>'paid_amount')::numeric, 0)
              from instalment_plans p
             cross join lateral jsonb_array_elements(case when jsonb_typeof(p.instalments) = 'array' then p.instalments else '[]'::jsonb end) with ordinality as i(item, n)
             where p.status is distinct from 'defaulted' and ${plans}
               and (i.item->>'due_date')::date < $1::date
               and coalesce((i.item->>'amount')::numeric, 0) - coalesce((i.item->>'paid_amount')::numeric, 0) > 0
               and not exists (select 1 from collections c where c.contract_id = p.contract_id and c.instalment_number = i.n and ${tracking})
          )
          select case when days <= 30 then '0-30' when days <= 60 then '31-60' when days <= 90 then '61-90' else '90+' end as bucket,
                 source, count(*)::int as count, sum(outstanding)::float8 as amount
            from overdue group by 1, 2`,
    params,
  };
}

const BUCKETS = ['0-30', '31-60', '61-90', '90+'];

function ageingAnswer(rows: { bucket: string; source: string; count: number; amount: number }[]) {
  return BUCKETS.map((bucket) => {
    const part = (source: string) => {
      const row = rows.find((r) => r.bucket === bucket && r.source === source);
      return { count: row?.count ?? 0, amount: row?.amount ?? 0 };
    };
    const [collections, instalments] = [part('collections'), part('instalments')];
    return {
      bucket,
      count: collections.count + instalments.count,
      amount: Math.round((collections.amount + instalments.amount) * 100) / 100,
      collections,
      instalments,
    };
  });
}

/**
 * `GET /api/reports/:name` on the baseline: the hand-written statement of the report for the bench
 * user (`X-Bench-User`). `wonDate` is the won date as the router reads it for this database.
 */
export function mountReportBaseline(
  app: Express,
  pool: pg.Pool,
  users: Record<'admin' | 'manager', ReportBenchUser>,
  wonDate: string,
): void {
  app.get('/api/reports/:name', async (req: Request, res) => {
    const user = users[String(req.get('x-bench-user') ?? 'admin') as 'admin' | 'manager'];
    const name = String(req.params.name);
    if (!user || (name !== 'sales-by' && name !== 'overdue-collections'))
      return void res.status(404).json({ message: 'no such baseline report' });
    const { sql, params } = reportBaselineSql(wonDate, user, req.query as Record<string, string>);
    const { rows } = await pool.query(sql, params);
    res.json(name === 'sales-by' ? rows : ageingAnswer(rows));
  });
}

/** The router's won-in-the-period condition (src/reports/common.ts) for this database's columns, on $1 (from) and $2 (to). */
export async function wonDateSql(db: Knex): Promise<string> {
  const columns = await db('opportunities').columnInfo();
  return 'stage_entered_at' in columns
    ? `o.stage_entered_at >= $1::date and o.stage_entered_at < $2::date + 1`
    : `coalesce(o.acceptance_date, o.expected_sign_date) between $1::date and $2::date`;
}
