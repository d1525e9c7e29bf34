/**
 * Stage totals kept by the database: for every entity with a workflow, a table of counts and sums
 * by (pipeline, stage, owner), which statement-level triggers with transition tables update inside
 * the transaction of every insert, update, delete and truncate of the entity's table. The
 * `stage-totals` report (and with it the board's column counts and sums, and the headline
 * figures) reads it instead of scanning the records, so its cost follows the number of stages and
 * owners, not of records.
 *
 * Why summaries and not an index: counting and summing a million rows still reads them all, an
 * index only makes the scan narrower. Rows are kept per connection slot (keptSummaries.ts).
 *
 * The stage probability is not stored: a row keeps Σ amount × its own probability, and Σ amount of
 * the records without one, which the report multiplies by the stage's probability of the model it
 * runs — so a company changing a stage's probability in its schema needs no rebuild.
 *
 * Each summary table carries its definition as its comment, and is rebuilt when it changes
 * (keptSummaries.ts).
 */
import type { EntityModel, SalesModel } from '@ra-sales/schema';
import {
  addToSummarySql,
  columnTypesOf,
  commentOn,
  oncePer,
  SLOT_COLUMN,
  statementTriggersSql,
  SUMMARY_PREFIXES,
  summarySignature,
  summaryTableSql,
  type KeptSummary,
  type SummaryShape,
} from './keptSummaries.js';
import { fitIdentifier, quoteIdent } from './sql.js';

/** The names every summary table shares; the key columns are named as the entity's fields, so filters and scopes apply unchanged. */
export const STAGE_TOTALS_COLUMNS = {
  count: '_count',
  amount: '_amount',
  /** Σ amount × the record's own probability (0–100), over records that have one. */
  ownWeighted: '_own_weighted',
  /** Σ amount over records without an own probability: weighted by their stage's probability when read. */
  amountUnweighted: '_amount_unweighted',
  slot: SLOT_COLUMN,
} as const;

/** Bumped when the table, function or trigger text changes, so that databases rebuild theirs. */
const LAYOUT_VERSION = 1;

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
  return fitIdentifier(`${SUMMARY_PREFIXES.stageTotals}${resource}`);
}

/**
 * The summary of an entity, or none: an entity without a workflow, or whose stage is not one of its
 * columns.
 */
export const stageTotalsDefinition = oncePer(definitionOf);

function definitionOf(entity: EntityModel): StageTotalsDefinition | undefined {
  const workflow = entity.workflow;
  if (!workflow) return undefined;
  const columns = columnTypesOf(entity);
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

/** One record's share of the totals, `sign` 1 for a row that arrives, -1 for one that leaves. */
function contributions(definition: StageTotalsDefinition, relation: string, sign: 1 | -1): string {
  const c = STAGE_TOTALS_COLUMNS;
  const keys = definition.keys.map((key) => quoteIdent(key.name)).join(', ');
  const amount = definition.amount ? `coalesce(${quoteIdent(definition.amount)}::numeric, 0)` : '0::numeric';
  const probability = definition.probability ? quoteIdent(definition.probability) : undefined;
  const own = probability ? `coalesce(${amount} * ${probability}::numeric, 0)` : '0::numeric';
  const unweighted = probability ? `CASE WHEN ${probability} IS NULL THEN ${amount} ELSE 0 END` : amount;
  return `SELECT ${keys}, ${sign} AS ${c.count}, ${sign} * ${amount} AS ${c.amount}, ${sign} * ${own} AS ${c.ownWeighted}, ${sign} * ${unweighted} AS ${c.amountUnweighted} FROM ${relation}`;
}

function shapeOf(definition: StageTotalsDefinition): SummaryShape {
  const c = STAGE_TOTALS_COLUMNS;
  return {
    table: definition.table,
    keys: definition.keys,
    values: [
      { name: c.count, type: 'bigint' },
      ...[c.amount, c.ownWeighted, c.amountUnweighted].map((name) => ({ name, type: 'numeric' })),
    ],
  };
}

function createStatements(definition: StageTotalsDefinition, signature: string): string[] {
  const shape = shapeOf(definition);
  const add = (changes: string) => addToSummarySql(shape, changes);
  return [
    summaryTableSql(shape),
    commentOn(definition.table, signature),
    ...statementTriggersSql(definition.table, definition.source, {
      INSERT: [add(contributions(definition, 'new_rows', 1))],
      UPDATE: [add(`${contributions(definition, 'old_rows', -1)} UNION ALL ${contributions(definition, 'new_rows', 1)}`)],
      DELETE: [add(contributions(definition, 'old_rows', -1))],
      TRUNCATE: [`DELETE FROM ${quoteIdent(definition.table)}`],
    }),
    // The triggers above hold a lock on the records' table until commit: no write slips between this fill and them.
    add(contributions(definition, quoteIdent(definition.source), 1)),
  ];
}

/** The kept summary of one entity's stage totals, for the migration (keptSummaries.ts). */
export function stageTotalsSummary(definition: StageTotalsDefinition): KeptSummary {
  const functions = [definition.table];
  const signature = summarySignature(definition, functions, LAYOUT_VERSION);
  return { table: definition.table, functions, signature, create: createStatements(definition, signature) };
}
