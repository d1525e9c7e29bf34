import type { ClientEntityModel, ClientFieldModel } from '../model.js';
import { evaluatePrepared, expressionUse, prepareData, setPrepared } from './expression.js';

/**
 * The record with every `x-computed` value filled in: first the computed columns of each line
 * (a line sees its own columns), then the record's computed fields in dependency order (a record
 * expression sees the record, the computed lines and the lookups by name).
 */
export function computeRecord(
  entity: ClientEntityModel,
  record: Record<string, unknown>,
  lookups: Record<string, unknown> = {},
): Record<string, unknown> {
  const plan = computedPlan(entity);
  const out: Record<string, unknown> = { ...record };
  for (const { field, columns } of plan.lines) {
    if (!Array.isArray(out[field.name])) continue;
    out[field.name] = (out[field.name] as unknown[]).map((line) => {
      if (typeof line !== 'object' || line === null) return line;
      const item: Record<string, unknown> = { ...(line as Record<string, unknown>) };
      const prepared = prepareData(item);
      for (const column of columns) {
        item[column.name] = roundFor(column, evaluatePrepared(column.computed, prepared));
        setPrepared(prepared, column.name, item[column.name]);
      }
      return item;
    });
  }
  if (!plan.fields.length) return out;
  const prepared = prepareData({ ...lookups, ...out });
  for (const field of plan.fields) {
    const value = roundFor(field, evaluatePrepared(field.computed, prepared));
    out[field.name] = value;
    setPrepared(prepared, field.name, value);
  }
  return out;
}

/** What an entity computes, worked out once per entity: the model is not changed once loaded. */
interface ComputedPlan {
  /** Whether any field or line column is computed. */
  any: boolean;
  /** The computed fields in dependency order (as they are computed). */
  fields: ClientFieldModel[];
  /** Each `lines` field with computed columns, those in dependency order. */
  lines: { field: ClientFieldModel; columns: ClientFieldModel[] }[];
}

const plans = new WeakMap<ClientEntityModel, ComputedPlan>();

function computedPlan(entity: ClientEntityModel): ComputedPlan {
  let plan = plans.get(entity);
  if (plan) return plan;
  const lines = entity.fields
    .filter((f) => f.kind === 'lines')
    .map((field) => ({ field, columns: orderByDependency((field.itemFields ?? []).filter((c) => c.computed !== undefined)) }))
    .filter((line) => line.columns.length > 0);
  const fields = orderByDependency(entity.fields.filter((f) => f.computed !== undefined));
  plan = { any: entity.fields.some(isComputedField), fields, lines };
  plans.set(entity, plan);
  return plan;
}

/** Whether the entity (or one of its lines) has computed fields. */
export function hasComputed(entity: ClientEntityModel): boolean {
  return computedPlan(entity).any;
}

/** Whether the server computes the field's value, or a column of its lines. */
export function isComputedField(field: ClientFieldModel): boolean {
  return field.computed !== undefined || (field.itemFields?.some((column) => column.computed !== undefined) ?? false);
}

/** Money to the cent, integers whole, so the stored value equals what the form showed. */
function roundFor(field: ClientFieldModel, value: unknown): unknown {
  if (typeof value !== 'number') return value;
  if (field.kind === 'money') return Math.round(value * 100) / 100;
  if (field.kind === 'integer') return Math.round(value);
  return value;
}

/** Computed fields that read other computed fields come after them (cycles are refused by the schema check). */
export function orderByDependency(fields: ClientFieldModel[]): ClientFieldModel[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const done = new Set<string>();
  const out: ClientFieldModel[] = [];
  const visit = (field: ClientFieldModel, path: Set<string>) => {
    if (done.has(field.name) || path.has(field.name)) return;
    path.add(field.name);
    for (const name of expressionUse(field.computed).vars.map((v) => v.split('.')[0])) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency, path);
    }
    done.add(field.name);
    out.push(field);
  };
  fields.forEach((f) => visit(f, new Set()));
  return out;
}

/** Names of computed fields that read themselves through other computed fields. */
export function computedCycles(fields: ClientFieldModel[]): string[] {
  const computed = new Map(fields.filter((f) => f.computed !== undefined).map((f) => [f.name, f]));
  const reads = (f: ClientFieldModel) =>
    expressionUse(f.computed)
      .vars.map((v) => v.split('.')[0])
      .filter((n) => computed.has(n));
  const cyclic: string[] = [];
  for (const start of computed.values()) {
    const seen = new Set<string>();
    const stack = reads(start);
    while (stack.length) {
      const name = stack.pop()!;
      if (name === start.name) {
        cyclic.push(start.name);
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...reads(computed.get(name)!));
    }
  }
  return cyclic;
}
