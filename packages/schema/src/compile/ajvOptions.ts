import type { Options } from 'ajv';

/** One ajv configuration for run-time compilation and standalone generation, so both behave the same. */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: true,
  // Gates name fields the gate does not itself define: they are the entity's fields.
  strictRequired: false,
  allowUnionTypes: true,
  useDefaults: true,
  coerceTypes: false,
};
