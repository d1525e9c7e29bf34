import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SalesModel, Validators } from '@ra-sales/schema';
import { readFileSync } from 'node:fs';

export interface Domain {
  model: SalesModel;
  validators: Validators;
  openapi: object;
}

/**
 * The generated output of a schema folder (`pnpm gen --out <dir>`): the default domain in
 * packages/domain, or a company's, e.g. examples/company-oa/generated.
 */
export async function loadDomain(dir: string): Promise<Domain> {
  const at = (file: string) => pathToFileURL(resolve(dir, file)).href;
  const { model } = (await import(at('model.js'))) as { model: SalesModel };
  const { validators } = (await import(at('validators.js'))) as { validators: Validators };
  const openapi = JSON.parse(readFileSync(resolve(dir, 'openapi.json'), 'utf8')) as object;
  return { model, validators, openapi };
}
