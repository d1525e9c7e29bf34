import { isComputedField, type EntityModel, type JsonSchema, type StageModel, type WorkflowModel } from '@ra-sales/schema';
import type { Random } from './random.js';

/** Where a record stands in its workflow. */
export interface StagePosition {
  stage: StageModel;
  /** Stages whose gate the record has passed (it must satisfy them). */
  passed: StageModel[];
  /** Order of the furthest open stage the record reached. */
  reached: number;
}

const WON_SHARE = 0.25;
const LOST_SHARE = 0.12;
const FUNNEL_DECAY = 0.72;

function openStages(workflow: WorkflowModel): StageModel[] {
  return workflow.stages.filter((stage) => stage.kind === 'open').sort((a, b) => a.order - b.order);
}

/**
 * Stages a record reaches only through facts the server computes (an entry, or a gate on the way,
 * naming a computed field: a collection "received", an opportunity past its signed contract).
 * Random demo values cannot make those facts true, so the seed does not put records there; the
 * server moves them when the facts hold. `workflow` is one pipeline's view: stage orders compare
 * within a pipeline only.
 */
export function factStages(entity: EntityModel, workflow: WorkflowModel | undefined = entity.workflow): Set<string> {
  if (!workflow) return new Set();
  const computed = new Set(entity.fields.filter(isComputedField).map((f) => f.name));
  const names = (schema: JsonSchema | undefined) => [...requiredFields(schema), ...Object.keys((schema?.properties as object) ?? {})];
  const factual = (schema: JsonSchema | undefined) => names(schema).some((name) => computed.has(name));
  const open = openStages(workflow);
  const out = new Set<string>();
  for (const stage of workflow.stages) {
    const before = stage.kind === 'won' ? open : stage.kind === 'open' ? open.filter((o) => o.order < stage.order) : [];
    if (factual(stage.entry) || before.some((o) => factual(o.gate))) out.add(stage.id);
  }
  return out;
}

/** Relative weights of the stages: a funnel narrowing at each open stage, some won, fewer lost. */
export function funnelWeights(workflow: WorkflowModel, excluded: Set<string> = new Set()): number[] {
  const open = openStages(workflow).filter((stage) => !excluded.has(stage.id));
  const openWeight = (stage: StageModel) => 10 * FUNNEL_DECAY ** open.indexOf(stage);
  const openTotal = open.reduce((sum, stage) => sum + openWeight(stage), 0) || 10;
  const won = workflow.stages.filter((stage) => stage.kind === 'won').length;
  const lost = workflow.stages.filter((stage) => stage.kind === 'lost').length;
  return workflow.stages.map((stage) =>
    excluded.has(stage.id)
      ? 0
      : stage.kind === 'open'
        ? openWeight(stage)
        : stage.kind === 'won'
          ? (openTotal * WON_SHARE) / won
          : (openTotal * LOST_SHARE) / lost,
  );
}

/** Picks a stage along the funnel and the gates the record has passed to be there. */
export function pickStagePosition(workflow: WorkflowModel, rng: Random, excluded: Set<string> = new Set()): StagePosition {
  const stage = rng.weighted(workflow.stages, funnelWeights(workflow, excluded));
  // A lost record reached an open stage it could be in.
  const open = openStages(workflow).filter((candidate) => !excluded.has(candidate.id));
  const lastOpen = open.length ? open[open.length - 1].order : 0;
  const reached = stage.kind === 'open' ? stage.order : stage.kind === 'won' ? lastOpen : open.length ? rng.pick(open).order : 0;
  const passed = open.filter((candidate) =>
    stage.kind === 'won' ? true : stage.kind === 'open' ? candidate.order < stage.order : candidate.order < reached,
  );
  return { stage, passed, reached };
}

/** Fields a schema requires, including through `allOf`. */
export function requiredFields(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  const own = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const nested = Array.isArray(schema.allOf) ? (schema.allOf as JsonSchema[]).flatMap(requiredFields) : [];
  return [...own, ...nested];
}

/** Fields only a stage's entry asks for (reasons, receipts): left empty unless the stage needs them. */
export function entryOnlyFields(entity: EntityModel): Set<string> {
  const workflow = entity.workflow;
  if (!workflow) return new Set();
  const gated = new Set(workflow.stages.flatMap((stage) => requiredFields(stage.gate)));
  const required = new Set(entity.fields.filter((field) => field.required).map((field) => field.name));
  const entry = workflow.stages.flatMap((stage) => requiredFields(stage.entry));
  const only = new Set(entry.filter((name) => !gated.has(name) && !required.has(name)));
  if (workflow.reasonField && !required.has(workflow.reasonField)) only.add(workflow.reasonField);
  return only;
}

type Row = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/**
 * Changes `row` until it satisfies `schema` (`required`, and per property `const`, `enum`,
 * bounds and `minLength`, through `allOf`), asking `make` for missing values.
 */
export function satisfySchema(row: Row, schema: JsonSchema | undefined, make: (field: string) => unknown): void {
  if (!schema) return;
  for (const sub of (schema.allOf as JsonSchema[] | undefined) ?? []) satisfySchema(row, sub, make);
  for (const name of (schema.required as string[] | undefined) ?? []) {
    if (isEmpty(row[name])) row[name] = make(name);
  }
  const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  for (const [name, rule] of Object.entries(properties)) {
    if (isEmpty(row[name])) continue;
    if ('const' in rule) row[name] = rule.const;
    if (Array.isArray(rule.enum) && !rule.enum.includes(row[name])) row[name] = rule.enum[0];
    if (typeof row[name] === 'number') row[name] = withinBounds(row[name] as number, rule);
    if (typeof row[name] === 'string' && typeof rule.minLength === 'number') {
      let text = row[name] as string;
      while ([...text].length < rule.minLength) text += '。';
      row[name] = text;
    }
  }
}

function withinBounds(value: number, rule: JsonSchema): number {
  let result = value;
  const { minimum, exclusiveMinimum, maximum, exclusiveMaximum } = rule as Record<string, number | undefined>;
  if (typeof minimum === 'number' && result < minimum) result = minimum;
  if (typeof exclusiveMinimum === 'number' && result <= exclusiveMinimum)
    result = exclusiveMinimum + Math.max(1, Math.abs(exclusiveMinimum) * 0.1);
  if (typeof maximum === 'number' && result > maximum) result = maximum;
  if (typeof exclusiveMaximum === 'number' && result >= exclusiveMaximum) result = exclusiveMaximum - 1;
  return result;
}
