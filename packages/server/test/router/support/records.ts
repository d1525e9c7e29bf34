/**
 * Valid records generated from the model (field kinds and schema constraints), so the tests follow
 * the schemas: every required field, every optional plain field, required references created first.
 */
import fc from 'fast-check';
import type { DataProvider } from 'ra-core';
import type { EntityModel, FieldModel, SalesModel, Validators } from '@ra-sales/schema';

const SERVER_SET = new Set(['id', 'version', 'created_at', 'updated_at']);
/** Unique fields get a new value on every call, so records made for different tests never collide. */
let uniqueCounter = 0;

function number(schema: Record<string, unknown>, integer: boolean, preferred: number): number {
  let min = typeof schema.minimum === 'number' ? schema.minimum : -Infinity;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + (integer ? 1 : 0.5);
  let value = Math.min(Math.max(preferred, min), max);
  if (integer) value = Math.ceil(value);
  return value;
}

function text(field: FieldModel, seed: number): string {
  const schema = field.schema;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200;
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    const candidates = fc.sample(fc.stringMatching(pattern), { numRuns: 200, seed });
    const fitting = candidates.find((s) => s.length >= min && s.length <= max && s.trim() === s && s.length > 0);
    if (!fitting) throw new Error(`No sample for ${field.name} matching ${schema.pattern}`);
    return fitting;
  }
  if (schema.format === 'email') return `user${seed}@example.com`;
  if (schema.format === 'uri') return `https://example.com/${seed}`;
  if (schema.format === 'date') return '2026-03-15';
  if (schema.format === 'date-time') return '2026-03-15T08:30:00.000Z';
  const base = `${field.name} ${seed}`;
  return base.length >= min ? base.slice(0, max) : base.padEnd(min, 'x');
}

/** A valid value for a field that needs no other record; undefined when it needs one. */
export function plainValue(field: FieldModel, seed = 1): unknown {
  switch (field.kind) {
    case 'enum':
      return field.options?.[0]?.value ?? (field.schema.enum as unknown[])?.[0];
    case 'integer':
      return number(field.schema, true, 2026);
    case 'number':
    case 'money':
    case 'percent':
      return number(field.schema, false, 42);
    case 'boolean':
      return false;
    case 'date':
      return '2026-03-15';
    case 'datetime':
      return '2026-03-15T08:30:00.000Z';
    case 'lines':
      return [];
    case 'json':
      return {};
    case 'reference':
      return undefined;
    default:
      return text(field, seed);
  }
}

/** Fields a client may set (not server-owned, not read-only, not the workflow field). */
export function clientFields(entity: EntityModel): FieldModel[] {
  return entity.fields.filter((f) => !SERVER_SET.has(f.name) && !f.readOnly && f.name !== entity.workflow?.field);
}

/**
 * Creates (through the API) what the required references of `entity` point at, and returns a
 * valid body. `owner` fields are left to the server.
 */
export async function validBody(
  provider: DataProvider,
  model: SalesModel,
  validators: Validators,
  entity: EntityModel,
  seed = 1,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  for (const field of clientFields(entity)) {
    if (field.name === entity.access.ownerField) continue;
    // Fields only some roles may write are left to those roles' own tests.
    if (field.write && !field.required) continue;
    if (field.kind === 'reference') {
      if (field.required && field.ref)
        body[field.name] = (await createValid(provider, model, validators, model.entities[field.ref], seed)).id;
      continue;
    }
    body[field.name] = plainValue(field, field.unique ? seed * 1000 + ++uniqueCounter : seed);
  }
  const check = structuredClone(body);
  if (entity.access.ownerField) check[entity.access.ownerField] = 1;
  for (const field of entity.fields) if (field.sequence) check[field.name] = 'SEQ-00001';
  if (!validators[entity.resource].record(check)) {
    throw new Error(`Generated ${entity.resource} is invalid: ${JSON.stringify(validators[entity.resource].record.errors)}`);
  }
  return body;
}

export async function createValid(
  provider: DataProvider,
  model: SalesModel,
  validators: Validators,
  entity: EntityModel,
  seed = 1,
): Promise<Record<string, any>> {
  const data = await validBody(provider, model, validators, entity, seed);
  return (await provider.create(entity.resource, { data })).data;
}

/** A field an update can change to another valid value, with that value. */
export function changeableField(entity: EntityModel): { field: FieldModel; value: unknown } | undefined {
  for (const field of clientFields(entity)) {
    if (field.name === entity.access.ownerField || field.kind === 'reference') continue;
    if (['string', 'text'].includes(field.kind) && !field.schema.pattern && !field.schema.format && !field.unique) {
      return { field, value: plainValue(field, 99) };
    }
  }
  for (const field of clientFields(entity)) {
    if (field.kind === 'enum' && (field.options?.length ?? 0) > 1) return { field, value: field.options![1].value };
  }
  return undefined;
}
