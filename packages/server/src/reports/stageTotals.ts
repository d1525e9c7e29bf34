/**
 * `stage-totals?resource=opportunities&filter={…}` → every stage in order (those of the pipeline the
 * filter names, if any) with its count, amount and weighted amount: Σ amount × probability / 100,
 * the probability being the record's own (the workflow's `probabilityField`) and else its stage's;
 * `weighted` is null when the workflow has no amount field or no probability at all.
 *
 * When the filter names only the pipeline, stage and owner fields, the figures come from the totals
 * the database keeps (migrate/stageTotals.ts), under the same filter and read scope, which are
 * conditions on those same columns; any other filter counts the records themselves. Both sum in
 * `numeric`, so they agree to the cent.
 */
import { labelOf, pipelineView, type EntityModel, type WorkflowModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { STAGE_TOTALS_COLUMNS as C, stageTotalsDefinition, type StageTotalsDefinition } from '../migrate/stageTotals.js';
import { addEntityScope } from '../router/access.js';
import type { RequestContext } from '../router/context.js';
import { badRequest } from '../router/errors.js';
import { applyFilters, parseFilters, type FilterTerm } from '../router/filters.js';
import { phrase } from '../router/locale.js';
import { readableQuery } from '../router/reads.js';
import { usersOf } from '../router/resources.js';
import { stageProbabilitySql, type SqlPart } from '../router/stageFigures.js';
import { entityOf, jsonParameter, type Query, type Source } from './common.js';

/** An amount to weigh and a probability to weigh it by, the record's own or its stage's. */
const weighs = (workflow: WorkflowModel) =>
  !!workflow.amountField && (!!workflow.probabilityField || workflow.stages.some((s) => typeof s.probability === 'number'));

interface StageRow {
  stage: string;
  count: string | number;
  amount: number;
  weighted: number | null;
}

/** `(<own> + <stage's>) / 100 :: float8 AS weighted` of the parts given, or null when there is nothing to weigh. */
function weightedSql(ctx: RequestContext, parts: SqlPart[]): Knex.Raw {
  if (!parts.length) return ctx.knex.raw('null::float8 as weighted');
  return ctx.knex.raw(
    `((${parts.map((p) => `coalesce(${p.sql}, 0)`).join(' + ')}) / 100)::float8 as weighted`,
    parts.flatMap((p) => p.bindings),
  );
}

/** Counted from the records: any filter, any scope. */
function fromRecords(ctx: RequestContext, source: Source, terms: FilterTerm[]): Knex.QueryBuilder {
  const { info, entity } = source;
  const workflow = entity.workflow!;
  const amount = workflow.amountField ? `${info.table}.${workflow.amountField}` : undefined;
  const ownProbability = workflow.probabilityField ? `${info.table}.${workflow.probabilityField}` : undefined;
  const stageProbability = stageProbabilitySql(info.table, workflow);
  const probability = [
    ...(ownProbability ? [{ sql: '??::numeric', bindings: [ownProbability] }] : []),
    ...(stageProbability ? [stageProbability] : []),
  ];
  const weighted =
    amount && probability.length
      ? [
          {
            sql: `sum(??::numeric * coalesce(${probability.map((p) => p.sql).join(', ')}))`,
            bindings: [amount, ...probability.flatMap((p) => p.bindings)],
          },
        ]
      : [];
  return readableQuery(ctx, info, terms)
    .select({ stage: workflow.field })
    .count({ count: '*' })
    .select(amount ? ctx.knex.raw('coalesce(sum(??), 0)::float8 as amount', [amount]) : ctx.knex.raw('0 as amount'))
    .select(weightedSql(ctx, weighted))
    .groupBy(workflow.field);
}

/** Whether each of the filter's terms is on a column the kept totals have. */
const onKeys = (definition: StageTotalsDefinition, terms: FilterTerm[]) => {
  const keys = new Set(definition.keys.map((key) => key.name));
  return terms.every((term) => term.type === 'compare' && keys.has(term.column.name));
};

/** Added up from the totals the database keeps, under the same filter and read scope. */
function fromKeptTotals(
  ctx: RequestContext,
  entity: EntityModel,
  definition: StageTotalsDefinition,
  terms: FilterTerm[],
): Knex.QueryBuilder {
  const table = definition.table;
  const query = ctx.knex(table);
  applyFilters(query, table, terms);
  addEntityScope(query, ctx.knex, ctx.model, entity, ctx.user, 'read', table);
  const stageProbability = stageProbabilitySql(table, entity.workflow!);
  const weighted = [
    ...(definition.probability ? [{ sql: `sum(${C.ownWeighted})`, bindings: [] }] : []),
    ...(stageProbability ? [{ sql: `sum(${C.amountUnweighted} * ${stageProbability.sql})`, bindings: stageProbability.bindings }] : []),
  ];
  return query
    .select({ stage: `${table}.${definition.stage}` })
    .select(ctx.knex.raw(`sum(${C.count}) as count`))
    .select(ctx.knex.raw(`coalesce(sum(${C.amount}), 0)::float8 as amount`))
    .select(weightedSql(ctx, definition.amount ? weighted : []))
    .groupBy(`${table}.${definition.stage}`);
}

export async function stageTotals(ctx: RequestContext, query: Query) {
  const source = entityOf(ctx, String(query.resource ?? ''), 'stage-totals');
  const { entity } = source;
  const workflow = entity.workflow;
  if (!workflow) {
    throw badRequest(phrase(ctx.locale, 'noWorkflow', { resource: entity.resource, entity: labelOf(entity.label, ctx.locale) }), {
      resource: phrase(ctx.locale, 'ruleNoWorkflow', {}),
    });
  }
  const filter = jsonParameter(ctx, query, 'filter');
  const terms = parseFilters(filter, source.info, ctx.locale);
  const definition = stageTotalsDefinition(entity);
  // The users entity's scope is on its ids, which the kept totals do not have.
  const kept = definition && entity.resource !== usersOf(ctx.model)?.resource && onKeys(definition, terms) ? definition : undefined;
  const rows = (await (kept ? fromKeptTotals(ctx, entity, kept, terms) : fromRecords(ctx, source, terms))) as StageRow[];
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  const hasWeighted = weighs(workflow);
  // Filtered to one pipeline (as the board asks), the stages are that pipeline's; else every stage of every pipeline.
  const pipeline = workflow.pipelines && (filter as Record<string, unknown> | undefined)?.[workflow.pipelines.field];
  const stages = typeof pipeline === 'string' ? pipelineView(workflow, pipeline).stages : workflow.stages;
  return stages.map((s) => ({
    stage: s.id,
    count: Number(byStage.get(s.id)?.count ?? 0),
    amount: Number(byStage.get(s.id)?.amount ?? 0),
    weighted: hasWeighted ? Number(byStage.get(s.id)?.weighted ?? 0) : null,
  }));
}
