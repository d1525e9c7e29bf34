import { email, maxLength, maxValue, minLength, minValue, regex, required, type Validator } from 'react-admin';
import type { FieldKind, ClientFieldModel } from '@ra-sales/schema';

const NUMERIC: FieldKind[] = ['integer', 'number', 'money', 'percent'];
const TEXTUAL: FieldKind[] = ['string', 'text', 'email', 'phone', 'url'];

const wholeNumber: Validator = (value) =>
  typeof value === 'number' && !Number.isInteger(value)
    ? { message: 'ra_sales.validation.integer', args: { _: 'Must be a whole number' } }
    : undefined;

/** Client-side checks from the field's model: required, whole numbers, minimum/maximum, min/maxLength, pattern, email. */
export function validatorsFor(field: ClientFieldModel): Validator[] {
  const validators: Validator[] = [];
  // A boolean left unchecked is `false`, a value; "required" means "present", which the form always sends.
  if (field.required && field.kind !== 'boolean') validators.push(required());
  if (field.kind === 'integer') validators.push(wholeNumber);
  if (NUMERIC.includes(field.kind)) {
    if (typeof field.minimum === 'number') validators.push(minValue(field.minimum));
    if (typeof field.maximum === 'number') validators.push(maxValue(field.maximum));
  }
  if (TEXTUAL.includes(field.kind)) {
    if (typeof field.minLength === 'number') validators.push(minLength(field.minLength));
    if (typeof field.maxLength === 'number') validators.push(maxLength(field.maxLength));
    if (typeof field.pattern === 'string') validators.push(regex(new RegExp(field.pattern, 'u')));
  }
  if (field.kind === 'email') validators.push(email());
  return validators;
}
