import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { SalesModel } from '../model.js';
import type { EntityValidators, ValidateFunction, Validators } from '../validators.js';
import { AJV_OPTIONS } from './ajvOptions.js';
import { validatorSchemas } from './validatorSchemas.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export function createAjv(extra: Record<string, unknown> = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  return ajv;
}

/** Compiles every validator of the model at run time (tests, overlays loaded on the fly). */
export function compileValidators(model: SalesModel): Validators {
  const ajv = createAjv();
  const out: Validators = {};
  for (const [resource, schemas] of Object.entries(validatorSchemas(model))) {
    const compile = (schema: object) => ajv.compile(schema) as unknown as ValidateFunction;
    out[resource] = entityValidators({
      record: compile(schemas.record),
      gates: mapValues(schemas.gates, compile),
      entries: mapValues(schemas.entries, compile),
      approvals: schemas.approvals.map(compile),
    });
  }
  return out;
}

/**
 * An entity's validators as the server uses them, compiled at run time or generated: its
 * conditions (gates, entries, approvals) read a stored record, where an empty field is null.
 */
export function entityValidators(compiled: EntityValidators): EntityValidators {
  return {
    record: compiled.record,
    gates: mapValues(compiled.gates, withoutNulls),
    entries: mapValues(compiled.entries, withoutNulls),
    approvals: compiled.approvals.map(withoutNulls),
  };
}

/** Conditions read a stored record, where an empty field is null: null counts as absent. */
export function withoutNulls(validate: ValidateFunction): ValidateFunction {
  const wrapped = ((data: unknown) => {
    const ok = validate(dropNulls(data));
    wrapped.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return wrapped;
}

export function dropNulls(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== null && v !== undefined));
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}
