/**
 * The figures a workflow stage carries besides its rules: the win probability (`probability`,
 * copied into the workflow's `probabilityField` when a record enters the stage), the forecast
 * category (`forecast`) and the time limit (`sla_days`, against the record's server-owned
 * `stage_entered_at`). Each is written or read in SQL here, so every way a record moves — a user's
 * save, an approval completing the move, a voided approval sending it back — restarts its stage
 * clock in the same statement that changes the stage.
 */
import type { Knex } from 'knex';
import { STAGE_ENTERED_FIELD, type EntityModel, type ForecastCategory, type StageModel, type WorkflowModel } from '@ra-sales/schema';
import type { ResourceInfo } from './resources.js';

/** The list filter key selecting records past their stage's time limit (`true`) or not (`false`). */
export const STAGE_OVERDUE_FILTER = 'stage_overdue';

/** A piece of SQL with its knex bindings (`??` identifiers, `?` values). */
export interface SqlPart {
  sql: string;
  bindings: Knex.RawBinding[];
}

/**
 * Create: a record starts in the initial stage with that stage's probability, unless the body
 * gives one (already judged by the field rights). Call before the record is computed and validated.
 */
export function presetStageProbability(entity: EntityModel, fields: Record<string, unknown>): void {
  const workflow = entity.workflow;
  const field = workflow?.probabilityField;
  // The create has already put the record in its initial stage (that of its pipeline).
  const probability = workflow && stageProbability(workflow, String(fields[workflow.field] ?? workflow.initial));
  if (field && probability !== undefined && (fields[field] === undefined || fields[field] === null)) fields[field] = probability;
}

/**
 * Extra SET members of an `UPDATE` writing `columns` to a row of `resource`: when the workflow
 * field is written with a stage other than the row's, `stage_entered_at` becomes now() and the
 * probability field the entered stage's probability. The comparison reads the row as it was
 * (in an UPDATE, columns on the right-hand side are the old values), so a save that leaves the
 * stage alone — or writes the same stage back — changes neither.
 */
export function stageFigureColumns(knex: Knex, resource: ResourceInfo, columns: Record<string, unknown>): Record<string, Knex.Raw> {
  const workflow = resource.entity?.workflow;
  if (!workflow || !(workflow.field in columns)) return {};
  const to = columns[workflow.field] as Knex.Value;
  const stage = `${resource.table}.${workflow.field}`;
  const out: Record<string, Knex.Raw> = {
    [STAGE_ENTERED_FIELD]: knex.raw('CASE WHEN ?? IS DISTINCT FROM ? THEN now() ELSE ?? END', [
      stage,
      to,
      `${resource.table}.${STAGE_ENTERED_FIELD}`,
    ]),
  };
  const field = workflow.probabilityField;
  const probability = typeof to === 'string' ? stageProbability(workflow, to) : undefined;
  if (field && probability !== undefined) {
    // Both branches numeric: the assignment casts to the column's own type (double precision or integer).
    const kept = field in columns ? knex.raw('?::numeric', [columns[field] as Knex.Value]) : knex.raw('??', [`${resource.table}.${field}`]);
    out[field] = knex.raw('CASE WHEN ?? IS DISTINCT FROM ? THEN ?::numeric ELSE ? END', [stage, to, probability, kept]);
  }
  return out;
}

export function stageProbability(workflow: WorkflowModel, stage: string): number | undefined {
  return workflow.stages.find((s) => s.id === stage)?.probability;
}

/** The stage's forecast category; without one, open stages count as pipeline, won as closed, lost as omitted. */
export function forecastOf(stage: StageModel): ForecastCategory {
  return stage.forecast ?? (stage.kind === 'won' ? 'closed' : stage.kind === 'lost' ? 'omitted' : 'pipeline');
}

/** Stages with a time limit (`sla_days`). */
export function limitedStages(workflow: WorkflowModel): (StageModel & { slaDays: number })[] {
  return workflow.stages.filter((s): s is StageModel & { slaDays: number } => Number.isInteger(s.slaDays));
}

/**
 * `CASE <stage> WHEN 'a' THEN 10 … END`: a per-stage number (NULL for stages without one) for a
 * row of `table`. The numbers come from the model (validated), the stage ids are bound.
 */
function perStage(table: string, workflow: WorkflowModel, value: (s: StageModel) => number | undefined): SqlPart | undefined {
  const stages = workflow.stages.filter((s) => typeof value(s) === 'number' && Number.isFinite(value(s)));
  if (!stages.length) return undefined;
  return {
    sql: `(CASE ?? ${stages.map((s) => `WHEN ? THEN ${Number(value(s))}`).join(' ')} END)`,
    bindings: [`${table}.${workflow.field}`, ...stages.map((s) => s.id)],
  };
}

/** The probability (0–100) of the row's stage, NULL for stages without one. */
export function stageProbabilitySql(table: string, workflow: WorkflowModel): SqlPart | undefined {
  return perStage(table, workflow, (s) => s.probability);
}

/** The time limit in days of the row's stage, NULL for stages without one. */
export function slaDaysSql(table: string, workflow: WorkflowModel): SqlPart | undefined {
  return perStage(table, workflow, (s) => (Number.isInteger(s.slaDays) ? s.slaDays : undefined));
}

/**
 * The row has stayed in its stage longer than the stage's `sla_days`:
 * `stage_entered_at + sla_days < now()`, false for stages without a limit. `overdue: false`
 * selects the others (stages without a limit included).
 */
export function stageOverdueCondition(table: string, workflow: WorkflowModel, overdue = true): SqlPart {
  const days = slaDaysSql(table, workflow);
  if (!days) return { sql: overdue ? 'false' : 'true', bindings: [] };
  const past = `coalesce(?? + ${days.sql} * interval '1 day' < now(), false)`;
  return { sql: overdue ? past : `NOT ${past}`, bindings: [`${table}.${STAGE_ENTERED_FIELD}`, ...days.bindings] };
}
