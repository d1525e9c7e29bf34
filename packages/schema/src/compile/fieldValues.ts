import type { FieldModel } from '../model.js';
import { createAjv } from './compileValidators.js';

/**
 * Whether a field accepts a value on its own: its JSON Schema, and an empty value only when it is
 * not required. Used where values are judged one field at a time (conversions a migration makes).
 */
export function fieldAccepts(field: Pick<FieldModel, 'schema' | 'required'>): (value: unknown) => boolean {
  // Defaults fill missing properties of a record; judging one value they have no place to go.
  const validate = createAjv({ useDefaults: false }).compile(field.schema);
  return (value) => (value === null || value === undefined ? !field.required : validate(value));
}
