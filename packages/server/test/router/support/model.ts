/** The default domain (schemas/), loaded and compiled once per test file. */
import { fileURLToPath } from 'node:url';
import { compileValidators, loadModel, formatSchemaErrors, type SalesModel, type Validators } from '@ra-sales/schema';

export const SCHEMA_DIR = fileURLToPath(new URL('../../../../../schemas', import.meta.url));

let loaded: { model: SalesModel; validators: Validators } | undefined;

export function defaultDomain(): { model: SalesModel; validators: Validators } {
  if (!loaded) {
    const result = loadModel({ dir: SCHEMA_DIR });
    if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
    loaded = { model: result.model, validators: compileValidators(result.model) };
  }
  return loaded;
}
