/**
 * `satisfaction-by-engineer?from=&to=` → per service engineer, the average of their satisfaction
 * surveys: `[{ engineer_id, engineer_name, surveys, score, attitude, skill, arrival_time,
 * promises_kept }]`, best score first. Each rating scores by its place in the field's options,
 * best first (非常满意 very satisfied 4, 满意 satisfied 3, 一般 average 2, 较差 poor 1); `score`
 * averages every answered item, each item column its own answers. The engineer is the survey's,
 * else that of its service request. Surveys dated (`survey_date`) in the period.
 */
import type { Knex } from 'knex';
import type { RequestContext } from '../router/context.js';
import { readableQuery } from '../router/reads.js';
import {
  columnOf,
  dateOf,
  entityOf,
  hasField,
  periodParameter,
  presentFields,
  requireFields,
  salespeopleNames,
  whereInPeriod,
  type Query,
  type Source,
} from './common.js';

const REPORT = 'satisfaction-by-engineer';
export const RATING_FIELDS = ['attitude', 'skill', 'arrival_time', 'promises_kept'];

/** `case <field> when 'very_satisfied' then 4 … end`: the option's score, best option first. */
function scoreOf(ctx: RequestContext, surveys: Source, field: string): Knex.Raw {
  const options = surveys.entity.fields.find((f) => f.name === field)?.options ?? [];
  if (!options.length) return ctx.knex.raw('null::numeric');
  return ctx.knex.raw(`case ?? ${options.map(() => 'when ? then ?::numeric').join(' ')} end`, [
    columnOf(surveys, field),
    ...options.flatMap((o, i) => [o.value, options.length - i]),
  ]);
}

/** The survey's engineer, else that of its service request (read within the caller's scope). */
function engineerOf(ctx: RequestContext, surveys: Source, query: Knex.QueryBuilder): Knex.Raw {
  const own = hasField(surveys, 'engineer_id') ? columnOf(surveys, 'engineer_id') : undefined;
  const requests = ctx.resources.get('service_requests')?.entity ? entityOf(ctx, 'service_requests', REPORT) : undefined;
  if (requests && hasField(surveys, 'service_request_id') && hasField(requests, 'engineer_id')) {
    const engineers = readableQuery(ctx, requests.info, {}).select({
      id: columnOf(requests, 'id'),
      engineer_id: columnOf(requests, 'engineer_id'),
    });
    query.leftJoin(engineers.as('sr'), 'sr.id', columnOf(surveys, 'service_request_id'));
    return own ? ctx.knex.raw('coalesce(??, sr.engineer_id)', [own]) : ctx.knex.raw('sr.engineer_id');
  }
  requireFields(ctx, surveys, ['engineer_id']);
  return ctx.knex.raw('??', [own!]);
}

export async function satisfactionByEngineer(ctx: RequestContext, query: Query) {
  const { knex } = ctx;
  const surveys = entityOf(ctx, 'satisfaction_surveys', REPORT);
  const ratings = presentFields(ctx, surveys, RATING_FIELDS);
  const answered = readableQuery(ctx, surveys.info, {});
  whereInPeriod(answered, dateOf(ctx, surveys, ['survey_date']), periodParameter(ctx, query));
  answered.select({ survey_id: columnOf(surveys, 'id') }, knex.raw('? as engineer_id', [engineerOf(ctx, surveys, answered)]));
  for (const field of ratings) answered.select(knex.raw('? as ??', [scoreOf(ctx, surveys, field), field]));
  const items = (aggregate: string) => ratings.map((field) => knex.raw(`${aggregate}(??)`, [`a.${field}`]));
  const rows = await knex
    .from(answered.as('a'))
    .leftJoin(salespeopleNames(ctx, REPORT).as('n'), 'n.id', 'a.engineer_id')
    .select('a.engineer_id', { engineer_name: 'n.label' }, knex.raw('count(*)::int as surveys'))
    .select(
      knex.raw(
        `((${ratings.map(() => 'coalesce(?, 0)').join(' + ')}) / nullif(${ratings.map(() => '?').join(' + ')}, 0))::float8 as score`,
        [...items('sum'), ...items('count')],
      ),
    )
    .select(ratings.map((field) => knex.raw('avg(??)::float8 as ??', [`a.${field}`, field])))
    .groupBy('a.engineer_id', 'n.label')
    .orderByRaw('score desc nulls last, a.engineer_id asc nulls last');
  return rows as Record<string, number | string | null>[];
}
