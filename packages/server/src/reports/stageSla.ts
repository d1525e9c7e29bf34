/**
 * `stage-sla[?resource=complaints]` → for every stage with a time limit (`sla_days`) of every
 * workflow entity the caller may read (or of the one named), how many records have stayed in it
 * longer than the limit (`stage_entered_at + sla_days < now()`, the list filter
 * `stage_overdue=true`):
 *
 *   [{ resource, stage, sla_days, count, in_stage, max_days }]
 *
 * `in_stage` counts the records in the stage, `max_days` is the longest stay among the overdue
 * ones in whole days (null when none). Within the caller's read scope; entities and stages in
 * model order.
 */
import { labelOf, STAGE_ENTERED_FIELD, type EntityModel } from '@ra-sales/schema';
import { scopeOf } from '../router/access.js';
import type { RequestContext } from '../router/context.js';
import { badRequest } from '../router/errors.js';
import { phrase } from '../router/locale.js';
import { readableQuery } from '../router/reads.js';
import { limitedStages, stageOverdueCondition } from '../router/stageFigures.js';
import { entityOf, type Query } from './common.js';

const REPORT = 'stage-sla';

export interface StageSlaRow {
  resource: string;
  stage: string;
  sla_days: number;
  count: number;
  in_stage: number;
  max_days: number | null;
}

async function entityRows(ctx: RequestContext, entity: EntityModel): Promise<StageSlaRow[]> {
  const workflow = entity.workflow!;
  const stages = limitedStages(workflow);
  const { info, table } = entityOf(ctx, entity.resource, REPORT);
  const overdue = stageOverdueCondition(table, workflow);
  const stage = `${table}.${workflow.field}`;
  const rows = (await readableQuery(ctx, info, {})
    .whereIn(
      stage,
      stages.map((s) => s.id),
    )
    .select({ stage })
    .select(ctx.knex.raw(`count(*) filter (where ${overdue.sql})::int as count`, overdue.bindings))
    .select(ctx.knex.raw('count(*)::int as in_stage'))
    .select(
      ctx.knex.raw(`floor(extract(epoch from max(now() - ??) filter (where ${overdue.sql})) / 86400)::int as max_days`, [
        `${table}.${STAGE_ENTERED_FIELD}`,
        ...overdue.bindings,
      ]),
    )
    .groupBy(stage)) as { stage: string; count: number; in_stage: number; max_days: number | null }[];
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  return stages.map((s) => {
    const row = byStage.get(s.id);
    return {
      resource: entity.resource,
      stage: s.id,
      sla_days: s.slaDays,
      count: Number(row?.count ?? 0),
      in_stage: Number(row?.in_stage ?? 0),
      max_days: row?.max_days ?? null,
    };
  });
}

export async function stageSla(ctx: RequestContext, query: Query): Promise<StageSlaRow[]> {
  let entities = Object.values(ctx.model.entities).filter((e) => e.workflow && limitedStages(e.workflow).length > 0);
  if (query.resource !== undefined && query.resource !== '') {
    const { entity } = entityOf(ctx, String(query.resource), REPORT);
    if (!entity.workflow) {
      throw badRequest(phrase(ctx.locale, 'noWorkflow', { resource: entity.resource, entity: labelOf(entity.label, ctx.locale) }), {
        resource: phrase(ctx.locale, 'ruleNoWorkflow', {}),
      });
    }
    entities = entities.filter((e) => e.resource === entity.resource);
  }
  const readable = entities.filter((e) => scopeOf(e, ctx.user, 'read') !== 'none');
  return (await Promise.all(readable.map((e) => entityRows(ctx, e)))).flat();
}
