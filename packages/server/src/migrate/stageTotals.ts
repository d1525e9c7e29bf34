/**
 * Stage totals kept by the database: for every entity with a workflow, a table of counts and sums
 * by (pipeline, stage, owner), which statement-level triggers with transition tables update inside
 * the transaction of every insert, update, delete and truncate of the entity's table. The
 * `stage-totals` report (and with it the board's column counts and sums, and the headline
 * figures) reads it instead of scanning the records, so its cost follows the number of stages and
 * owners, not of records.
 *
 * Why summaries and not an index: counting and summing a million rows still reads them all, an
 * index only makes the scan narrower. Why rows per connection slot (`_slot`, the backend's pid
 * modulo 16) rather than one row per key: concurrent writers in the same stage for the same owner
 * (a rep's own creates, an import next to the screens) would otherwise queue on one row until each
 * commits; with slots they add to different rows, and the report sums them.
 *
 * The stage probability is not stored: a row keeps Σ amount × its own probability, and Σ amount of
 * the records without one, which the report multiplies by the stage's probability of the model it
 * runs — so a company changing a stage's probability in its schema needs no rebuild.
 *
 * Each summary table carries its definition as its comment. A migration drops, before its steps,
 * the summaries whose definition changed (their triggers name columns a step may rename or drop)
 * and creates, after them, every missing one, filled from the records while the new triggers' lock
 * keeps writers out.
 */
import type { EntityModel, SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { entityTableShape } from './shape.js';
import { fitIdentifier, quoteIdent, quoteLiteral } from './sql.js';

/** The names every summary table shares; the key columns are named as the entity's fields, so filters and scopes apply unchanged. */
export const STAGE_TOTALS_COLUMNS = {
  count: '_count',
  amount: '_amount',
  /** Σ amount × the record's own probability (0–100), over records that have one. */
  ownWeighted: '_own_weighted',
  /** Σ amount over records without an own probability: weighted by their stage's probability when read. */
  amountUnweighted: '_amount_unweighted',
  slot: '_slot',
} as const;

const PREFIX = 'sales_stage_totals__';
/** Bumped when the table, function or trigger text changes, so that databases rebuild theirs. */
const LAYOUT_VERSION = 1;
const SLOTS = 16;

export interface StageTotalsDefinition {
  /** The entity's table. */
  source: string;
  /** The summary table; its trigger function has the same name. */
  table: string;
  /** Pipeline, stage and owner columns that the entity has, in this order, with their types. */
  keys: { name: string; type: string }[];
  stage: string;
  amount?: string;
  probability?: string;
}

export function stageTotalsTable(resource: string): string {
  return fitIdentifier(`${PREFIX}${resource}`);
}

const definitions = new WeakMap<EntityModel, StageTotalsDefinition | null>();

/**
 * The summary of an entity, or none: an entity without a workflow, or whose stage is not one of its
 * columns. Worked out once per entity: the report asks for it on every request.
 */
export function stageTotalsDefinition(entity: EntityModel): StageTotalsDefinition | undefined {
  let definition = definitions.get(entity);
  if (definition === undefined) definitions.set(entity, (definition = definitionOf(entity) ?? null));
  return definition ?? undefined;
}

function definitionOf(entity: EntityModel): StageTotalsDefinition | undefined {
  const workflow = entity.workflow;
  if (!workflow) return undefined;
  const columns = new Map(entityTableShape(entity).columns.map((column) => [column.name, column.type as string]));
  const column = (name: string | undefined) => (name && columns.has(name) ? name : undefined);
  const stage = column(workflow.field);
  if (!stage) return undefined;
  const keyNames = [column(workflow.pipelines?.field), stage, column(entity.access?.ownerField)].filter(
    (name, i, all): name is string => !!name && all.indexOf(name) === i,
  );
  const numeric = (name: string | undefined) => {
    const found = column(name);
    return found && ['integer', 'bigint', 'double precision', 'numeric(16,2)'].includes(columns.get(found)!) ? found : undefined;
  };
  const amount = numeric(workflow.amountField);
  const probability = numeric(workflow.probabilityField);
  return {
    source: entity.resource,
    table: stageTotalsTable(entity.resource),
    keys: keyNames.map((name) => ({ name, type: columns.get(name)! })),
    stage,
    ...(amount ? { amount } : {}),
    ...(probability ? { probability } : {}),
  };
}

export function stageTotalsDefinitions(model: SalesModel): StageTotalsDefinition[] {
  return Object.values(model.entities).flatMap((entity) => stageTotalsDefinition(entity) ?? []);
}

const signatureOf = (definition: StageTotalsDefinition) => JSON.stringify({ version: LAYOUT_VERSION, ...definition });

/** One record's share of the totals, `sign` 1 for a row that arrives, -1 for one that leaves. */
function contributions(definition: StageTotalsDefinition, relation: string, sign: 1 | -1): string {
  const keys = definition.keys.map((key) => quoteIdent(key.name)).join(', ');
  const amount = definition.amount ? `coalesce(${quoteIdent(definition.amount)}::numeric, 0)` : '0::numeric';
  const probability = definition.probability ? quoteIdent(definition.probability) : undefined;
  const own = probability ? `coalesce(${amount} * ${probability}::numeric, 0)` : '0::numeric';
  const unweighted = probability ? `CASE WHEN ${probability} IS NULL THEN ${amount} ELSE 0 END` : amount;
  return `SELECT ${keys}, ${sign} AS n, ${sign} * ${amount} AS amount, ${sign} * ${own} AS own, ${sign} * ${unweighted} AS unweighted FROM ${relation}`;
}

/** Adds the net change of `changes` (rows of contributions) to the caller's slot, in key order. */
function addToSummary(definition: StageTotalsDefinition, changes: string): string {
  const keys = definition.keys.map((key) => quoteIdent(key.name)).join(', ');
  const c = STAGE_TOTALS_COLUMNS;
  const add = [c.count, c.amount, c.ownWeighted, c.amountUnweighted].map((name) => `${name} = t.${name} + excluded.${name}`).join(', ');
  return `INSERT INTO ${quoteIdent(definition.table)} AS t (${keys}, ${c.slot}, ${c.count}, ${c.amount}, ${c.ownWeighted}, ${c.amountUnweighted})
    SELECT ${keys}, pg_backend_pid() % ${SLOTS}, sum(n), sum(amount), sum(own), sum(unweighted) FROM (${changes}) AS changes
     GROUP BY ${keys} HAVING sum(n) <> 0 OR sum(amount) <> 0 OR sum(own) <> 0 OR sum(unweighted) <> 0
     ORDER BY ${keys}
    ON CONFLICT ON CONSTRAINT ${quoteIdent(keyConstraint(definition))} DO UPDATE SET ${add}`;
}

const keyConstraint = (definition: StageTotalsDefinition) => fitIdentifier(`${definition.table}_key`);

function createStatements(definition: StageTotalsDefinition): string[] {
  const table = quoteIdent(definition.table);
  const source = quoteIdent(definition.source);
  const c = STAGE_TOTALS_COLUMNS;
  const keys = definition.keys.map((key) => quoteIdent(key.name)).join(', ');
  const trigger = (event: string, referencing: string) =>
    `CREATE TRIGGER ${quoteIdent(fitIdentifier(`${definition.table}_${event.toLowerCase()}`))} AFTER ${event} ON ${source} ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${table}()`;
  return [
    `CREATE TABLE ${table} (
      ${definition.keys.map((key) => `${quoteIdent(key.name)} ${key.type}`).join(', ')},
      ${c.slot} smallint NOT NULL,
      ${c.count} bigint NOT NULL, ${c.amount} numeric NOT NULL, ${c.ownWeighted} numeric NOT NULL, ${c.amountUnweighted} numeric NOT NULL,
      CONSTRAINT ${quoteIdent(keyConstraint(definition))} UNIQUE NULLS NOT DISTINCT (${keys}, ${c.slot}))`,
    `COMMENT ON TABLE ${table} IS ${quoteLiteral(signatureOf(definition))}`,
    `CREATE FUNCTION ${table}() RETURNS trigger LANGUAGE plpgsql AS $totals$
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM ${table};
      ELSIF TG_OP = 'INSERT' THEN
        ${addToSummary(definition, contributions(definition, 'new_rows', 1))};
      ELSIF TG_OP = 'DELETE' THEN
        ${addToSummary(definition, contributions(definition, 'old_rows', -1))};
      ELSE
        ${addToSummary(definition, `${contributions(definition, 'old_rows', -1)} UNION ALL ${contributions(definition, 'new_rows', 1)}`)};
      END IF;
      RETURN NULL;
    END $totals$`,
    trigger('INSERT', 'REFERENCING NEW TABLE AS new_rows'),
    trigger('UPDATE', 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'),
    trigger('DELETE', 'REFERENCING OLD TABLE AS old_rows'),
    trigger('TRUNCATE', ''),
    // The triggers above hold a lock on the records' table until commit: no write slips between this fill and them.
    addToSummary(definition, contributions(definition, source, 1)),
  ];
}

const dropStatements = (table: string) => [
  `DROP FUNCTION IF EXISTS ${quoteIdent(table)}() CASCADE`,
  `DROP TABLE IF EXISTS ${quoteIdent(table)}`,
];

/** Summary tables present, with the definition each was made from. */
async function existingSummaries(db: Knex): Promise<Map<string, string | null>> {
  const result = await db.raw(
    `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS signature
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND starts_with(c.relname, ?)`,
    [PREFIX],
  );
  return new Map(result.rows.map((row: { name: string; signature: string | null }) => [row.name, row.signature]));
}

export interface StageTotalsSync {
  /** Summary tables to create after the migration's steps. */
  missing: StageTotalsDefinition[];
}

/**
 * Before a migration's steps: drops the summaries the model no longer wants as they are, and
 * tells which ones `createStageTotals` must make after the steps.
 */
export async function dropStaleStageTotals(db: Knex, model: SalesModel): Promise<StageTotalsSync> {
  const wanted = stageTotalsDefinitions(model);
  const existing = await existingSummaries(db);
  const kept = new Set(wanted.filter((d) => existing.get(d.table) === signatureOf(d)).map((d) => d.table));
  for (const table of existing.keys()) {
    if (!kept.has(table)) for (const sql of dropStatements(table)) await db.raw(sql);
  }
  return { missing: wanted.filter((d) => !kept.has(d.table)) };
}

/** After a migration's steps: creates the missing summaries, their triggers, and fills them from the records. */
export async function createStageTotals(db: Knex, sync: StageTotalsSync): Promise<void> {
  for (const definition of sync.missing) {
    // A table dropped by hand to rebuild it (docs/server.md) leaves its function and triggers behind.
    for (const sql of dropStatements(definition.table)) await db.raw(sql);
    for (const sql of createStatements(definition)) await db.raw(sql);
  }
}
