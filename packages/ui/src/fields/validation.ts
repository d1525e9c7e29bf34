import { email, maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';
import type { FieldKind, FieldModel } from '@ra-sales/schema';

const NUMERIC: FieldKind[] = ['integer', 'number', 'money', 'percent'];
const TEXTUAL: FieldKind[] = ['string', 'text', 'email', 'phone', 'url'];

/** Client-side checks from the field's schema: required, minimum/maximum, min/maxLength, pattern, email. */
export function validatorsFor(field: FieldModel): Validator[] {
  const validators: Validator[] = [];
  const schema = field.schema;
  // A boolean left unchecked is `false`, a value; "required" means "present", which the form always sends.
  if (field.required && field.kind !== 'boolean') validators.push(required());
  if (NUMERIC.includes(field.kind)) {
    if (typeof field.minimum === 'number') validators.push(minValue(field.minimum));
    if (typeof field.maximum === 'number') validators.push(maxValue(field.maximum));
  }
  if (TEXTUAL.includes(field.kind)) {
    if (typeof schema.minLength === 'number' && schema.minLength > 0) validators.push(minLength(schema.minLength));
    if (typeof field.maxLength === 'number') validators.push(maxLength(field.maxLength));
    if (typeof schema.pattern === 'string') validators.push(regex(new RegExp(schema.pattern, 'u')));
  }
  if (field.kind === 'email') validators.push(email());
  return validators;
}
