import { type EntityModel, type FieldModel, pipelineView, type SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { columnTypeOf, type ColumnType } from '../migrate/columnTypes.js';
import { escapeRawSql, quoteIdent, quoteLiteral, stableHash } from '../migrate/sql.js';
import { buildDemoData, DEFAULT_SEED } from './demoData.js';
import { insertRows, rowCount, syncIdentity } from './insert.js';
import { companyName, personName } from './names.js';
import { dependencyOrder } from './order.js';
import { Random } from './random.js';
import { teamsOf, usersOf } from '../router/resources.js';
import { fieldValue, isCompanyEntity, type RowContext } from './values.js';
import { COMPANY_INDUSTRIES, COMPANY_SUFFIXES, COMPANY_WORDS, CITIES } from './vocabulary.js';
import { entryOnlyFields, funnelWeights, requiredFields } from './workflow.js';

export interface BulkOptions {
  /** Rows per INSERT … SELECT statement. */
  batchSize?: number;
  seed?: number;
  today?: Date;
}

export interface BulkSummary {
  /** Rows inserted per resource. */
  counts: Record<string, number>;
  /** Time per resource. */
  milliseconds: Record<string, number>;
  totalMilliseconds: number;
}

/** Distinct sample values per field; rows pick one by a hash of their number. */
const SAMPLES = 64;
const DEFAULT_BATCH = 50_000;
/** Slots of the stage lookup array: stage shares in percent. */
const STAGE_SLOTS = 100;

/** A pseudo-random non-negative bigint expression of the row number `g`, different per salt. */
function hashOf(salt: number): string {
  const multiplier = 2_654_435_761 + (salt % 1000) * 2;
  return `((g::bigint * ${multiplier} + ${salt % 1_000_003}) % 2147483647)`;
}

function sqlLiteral(value: unknown, type: ColumnType): string {
  if (value === null || value === undefined) return `NULL::${type}`;
  if (type === 'jsonb') return `${quoteLiteral(JSON.stringify(value))}::jsonb`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return `${value}::${type}`;
  return `${quoteLiteral(String(value))}::${type}`;
}

/**
 * Arrays of sample values, computed once per statement in a joined subquery `v`
 * (an inline ARRAY[…] is evaluated again for every row).
 */
class SampleArrays {
  readonly arrays: string[] = [];

  /** One element of `values` picked by a hash of the row number. */
  pick(values: string[], salt: number): string {
    this.arrays.push(`ARRAY[${values.join(', ')}]`);
    return `v.a${this.arrays.length - 1}[1 + ${hashOf(salt)} % ${values.length}]`;
  }

  /** The `WITH` clause computing every array once (a materialised CTE is not re-evaluated per row). */
  withClause(): string {
    const columns = this.arrays.length ? this.arrays.map((array, i) => `${array} AS a${i}`).join(',\n         ') : '1 AS a';
    return `WITH v AS MATERIALIZED (\n  SELECT ${columns}\n)\n`;
  }
}

/** Company names composed in SQL: city × word × industry × suffix, tens of thousands of combinations. */
function companyNameSql(arrays: SampleArrays, salt: number): string {
  const part = (values: string[], offset: number) =>
    arrays.pick(
      values.map((v) => quoteLiteral(v)),
      salt + offset,
    );
  return `${part(CITIES, 1)} || ${part(COMPANY_WORDS, 2)} || ${part(
    COMPANY_INDUSTRIES.map((e) => e.word),
    3,
  )} || ${part(COMPANY_SUFFIXES, 4)}`;
}

interface BulkContext {
  today: Date;
  seed: number;
  /** Largest id per resource, after the inserts so far. */
  maxIds: Map<string, number>;
  repIds: number[];
}

/** The SELECT expression of one column for row number `g`, id `id`, stage index `s`. */
function columnExpression(entity: EntityModel, field: FieldModel, ctx: BulkContext, arrays: SampleArrays): string {
  const expression = sampleExpression(entity, field, ctx, arrays);
  // Sampled values repeat; a value that must be unique (or a document number) carries the row's id.
  if (field.kind !== 'string' || !(field.unique || field.sequence)) return expression;
  return `(${expression}) || '${field.sequence ? '-' : ' '}' || id`;
}

function sampleExpression(entity: EntityModel, field: FieldModel, ctx: BulkContext, arrays: SampleArrays): string {
  const type = columnTypeOf(field);
  const salt = stableHash(`${entity.resource}.${field.name}`);
  if (field.name === entity.access?.ownerField && ctx.repIds.length) return `${arrays.pick(ctx.repIds.map(String), salt)}::bigint`;
  if (field.kind === 'reference') {
    const max = ctx.maxIds.get(field.ref ?? '') ?? 0;
    return max > 0 ? `(1 + ${hashOf(salt)} % ${max})::bigint` : 'NULL::bigint';
  }
  if (field.name === entity.recordRepresentation && field.kind === 'string') {
    return isCompanyEntity(entity)
      ? companyNameSql(arrays, salt)
      : `${arrays.pick(
          samples(entity, field, ctx).map((v) => sqlLiteral(v, type)),
          salt,
        )} || ' ' || id`;
  }
  const values = samples(entity, field, ctx).map((value) => sqlLiteral(value, type));
  return values.length ? arrays.pick(values, salt) : `NULL::${type}`;
}

function samples(entity: EntityModel, field: FieldModel, ctx: BulkContext): unknown[] {
  const rng = new Random(ctx.seed ^ stableHash(`${entity.resource}.${field.name}`));
  const values: unknown[] = [];
  for (let i = 1; i <= SAMPLES; i++) {
    const row: RowContext = {
      rng,
      today: ctx.today,
      entity,
      serial: i,
      company: companyName(rng, i),
      person: personName(rng),
      pickReference: (resource) => {
        const max = ctx.maxIds.get(resource) ?? 0;
        return max > 0 ? rng.int(1, max) : null;
      },
    };
    const value = fieldValue(field, row);
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** Wraps a column expression so that it is filled only in the stages where it belongs. */
function stageCondition(entity: EntityModel, field: FieldModel, expression: string): string {
  const workflow = entity.workflow;
  if (!workflow) return expression;
  const stages = workflow.stages;
  const constant = stages
    .flatMap((stage) => [stage.gate, stage.entry])
    .map((schema) => (schema?.properties as Record<string, { const?: unknown }> | undefined)?.[field.name])
    .find((rule) => rule && 'const' in rule);
  const value = constant ? sqlLiteral(constant.const, columnTypeOf(field)) : expression;
  if (entryOnlyFields(entity).has(field.name)) {
    const entering = stages.map((stage, index) => (requiredFields(stage.entry).includes(field.name) ? index : -1)).filter((i) => i >= 0);
    return entering.length ? `CASE WHEN s IN (${entering.join(', ')}) THEN ${value} END` : `NULL::${columnTypeOf(field)}`;
  }
  const gate = stages.find((stage) => stage.kind === 'open' && requiredFields(stage.gate).includes(field.name));
  if (!gate || field.required || field.name === workflow.amountField) return value;
  const passed = stages
    .map((stage, index) => ((stage.kind === 'open' && stage.order > gate.order) || stage.kind === 'won' ? index : -1))
    .filter((i) => i >= 0);
  return passed.length ? `CASE WHEN s IN (${passed.join(', ')}) THEN ${value} END` : `NULL::${columnTypeOf(field)}`;
}

function stageSlots(entity: EntityModel): number[] {
  // The main pipeline's stages come first in the workflow's: bulk records all go through it.
  const workflow = pipelineView(entity.workflow!, entity.workflow!.pipelines?.list[0]?.id);
  // Volume for measuring, not a demo: stages reached through computed facts keep their share (won
  // deals matter to the reports), their gate fields written as the gates ask.
  const weights = funnelWeights(workflow);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const slots: number[] = [];
  weights.forEach((weight, index) => {
    for (let i = 0; i < Math.round((weight / total) * STAGE_SLOTS); i++) slots.push(index);
  });
  return slots.length ? slots : [0];
}

function insertSelectSql(entity: EntityModel, ctx: BulkContext, firstId: number, from: number, to: number): string {
  const workflow = entity.workflow;
  const arrays = new SampleArrays();
  const columns = ['id', 'created_at', 'updated_at'];
  const expressions = ['id', 'created', 'created'];
  for (const field of entity.fields) {
    if (['id', 'version', 'created_at', 'updated_at'].includes(field.name)) continue;
    columns.push(field.name);
    if (workflow?.pipelines && field.name === workflow.pipelines.field) {
      expressions.push(quoteLiteral(workflow.pipelines.list[0]!.id));
      continue;
    }
    if (workflow && field.name === workflow.field) {
      expressions.push(`(ARRAY[${workflow.stages.map((stage) => quoteLiteral(stage.id)).join(', ')}])[s + 1]`);
      continue;
    }
    expressions.push(stageCondition(entity, field, columnExpression(entity, field, ctx, arrays)));
  }
  const stageExpression = workflow ? arrays.pick(stageSlots(entity).map(String), stableHash(entity.resource)) : '0';
  const today = ctx.today.toISOString();
  return (
    arrays.withClause() +
    `INSERT INTO ${quoteIdent(entity.resource)} (${columns.map(quoteIdent).join(', ')})\n` +
    `SELECT ${expressions.join(',\n       ')}\n` +
    `FROM (SELECT g, ${firstId - 1} + g AS id, ${stageExpression} AS s,\n` +
    `             ${quoteLiteral(today)}::timestamptz - (${hashOf(stableHash(`${entity.resource}.created_at`))} % 540) * interval '1 day' AS created\n` +
    `        FROM generate_series(${from}, ${to}) AS g CROSS JOIN v) AS r\n` +
    `CROSS JOIN v`
  );
}

/** Runs `fn` with the secondary indexes of `table` dropped, then rebuilds them (faster bulk loads). */
async function withoutIndexes<T>(db: Knex, table: string, fn: () => Promise<T>): Promise<T> {
  const result = await db.raw(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ?
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  const indexes = result.rows as { indexname: string; indexdef: string }[];
  for (const index of indexes) await db.raw(`DROP INDEX ${quoteIdent(index.indexname)}`);
  const value = await fn();
  for (const index of indexes) await db.raw(escapeRawSql(index.indexdef));
  return value;
}

async function maxId(db: Knex, table: string): Promise<number> {
  const result = await db.raw(`SELECT coalesce(max(id), 0) AS max FROM ${quoteIdent(table)}`);
  return Number(result.rows[0].max);
}

/** Inserts the demo sales force when there is none, so that bulk rows have owners. */
async function ensureSalesforce(db: Knex, model: SalesModel, seed: number, today: Date): Promise<number[]> {
  const users = usersOf(model);
  if (!users) return [];
  const teams = teamsOf(model);
  if ((await rowCount(db, users.resource)) === 0) {
    const small: SalesModel = {
      ...model,
      entities: Object.fromEntries(Object.entries(model.entities).filter(([key]) => key === users.resource || key === teams)),
    };
    const built = buildDemoData(small, { seed, today });
    for (const resource of built.order) {
      await insertRows(db, model.entities[resource], built.rows.get(resource)!);
      await syncIdentity(db, resource);
    }
  }
  const reps = await db(users.resource).where(users.roleField, 'sales_rep').pluck('id');
  return (reps.length ? reps : await db(users.resource).pluck('id')).map(Number);
}

/**
 * Adds many rows fast for benchmarks: `INSERT … SELECT … FROM generate_series` in batches,
 * values drawn from samples of the demo generator, references to existing rows, stages spread
 * over the funnel. E.g. `seedBulk(db, model, { opportunities: 1_000_000, customers: 100_000 })`.
 */
export async function seedBulk(
  db: Knex,
  model: SalesModel,
  counts: Record<string, number>,
  options: BulkOptions = {},
): Promise<BulkSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const today = options.today ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  for (const resource of Object.keys(counts)) {
    if (!model.entities[resource]) throw new Error(`seedBulk: no entity "${resource}" in the model`);
  }
  const repIds = await ensureSalesforce(db, model, seed, today);
  const maxIds = new Map<string, number>();
  for (const resource of Object.keys(model.entities)) maxIds.set(resource, await maxId(db, resource));
  const ctx: BulkContext = { today, seed, maxIds, repIds };
  const summary: BulkSummary = { counts: {}, milliseconds: {}, totalMilliseconds: 0 };
  for (const resource of dependencyOrder(model).filter((r) => counts[r] > 0)) {
    const entityStarted = performance.now();
    const entity = model.entities[resource];
    const firstId = maxIds.get(resource)! + 1;
    await withoutIndexes(db, resource, async () => {
      for (let from = 1; from <= counts[resource]; from += batchSize) {
        const to = Math.min(counts[resource], from + batchSize - 1);
        await db.raw(escapeRawSql(insertSelectSql(entity, ctx, firstId, from, to)));
      }
    });
    await syncIdentity(db, resource);
    maxIds.set(resource, firstId - 1 + counts[resource]);
    summary.counts[resource] = counts[resource];
    summary.milliseconds[resource] = Math.round(performance.now() - entityStarted);
  }
  for (const resource of Object.keys(summary.counts)) await db.raw(`ANALYZE ${quoteIdent(resource)}`);
  summary.totalMilliseconds = Math.round(performance.now() - started);
  return summary;
}
