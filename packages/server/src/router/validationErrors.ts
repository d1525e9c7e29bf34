import type { ValidationError } from '@ra-sales/schema';
import { HttpError } from './errors.js';

/** The field an error is about: the first segment of its instance path, or the missing property. */
export function fieldOf(error: ValidationError): string {
  const segment = error.instancePath.split('/')[1];
  if (segment) return decodePointer(segment);
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  return typeof missing === 'string' ? missing : '';
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function messageOf(error: ValidationError): string {
  if (error.keyword === 'required') return 'required';
  if (error.keyword === 'additionalProperties') return 'unknown field';
  const nested = error.instancePath.split('/').length > 2 ? `${error.instancePath.slice(1)}: ` : '';
  return nested + (error.message ?? error.keyword);
}

/** `{ field: message }`, the first error per field; errors about the whole record go under `root`. */
export function fieldErrors(errors: readonly ValidationError[] | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = fieldOf(error) || 'root';
    if (!(field in result)) result[field] = messageOf(error);
  }
  return result;
}

export function validationFailed(errors: readonly ValidationError[] | null | undefined): HttpError {
  const byField = fieldErrors(errors);
  const names = Object.keys(byField);
  return new HttpError(400, `Invalid record: ${names.join(', ') || 'rejected by the schema'}`, byField);
}
