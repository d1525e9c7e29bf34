import { loadModel, type LoadOptions, type SalesModel, type SchemaError, type SchemaWarning } from '@ra-sales/schema';
import { emitModelFiles } from './emit/domainModule.js';
import { emitOpenApi } from './emit/openapi.js';
import { emitTypes } from './emit/types.js';
import { emitValidators } from './emit/validators.js';
import { emitScreenFiles } from './emit/screens.js';
import { EntitySchemaError } from './emit/entityError.js';

/** Every generated file, by path relative to the output folder. */
export type GeneratedFiles = Map<string, string>;

/** `warnings`: what the loader found legal but suspicious; the files are generated all the same. */
export type GenerateResult =
  | { ok: true; model: SalesModel; files: GeneratedFiles; warnings: SchemaWarning[] }
  | { ok: false; errors: SchemaError[] };

/** `sourceLabel` names the input in every banner; by default the folders as given. */
export async function generate(options: LoadOptions, sourceLabel = describeSources(options)): Promise<GenerateResult> {
  const loaded = loadModel(options);
  if (!loaded.ok) return loaded;
  try {
    return { ok: true, model: loaded.model, files: await render(loaded.model, sourceLabel), warnings: loaded.warnings };
  } catch (error) {
    if (error instanceof EntitySchemaError) return { ok: false, errors: [error.schemaError] };
    throw error;
  }
}

export async function render(model: SalesModel, sources: string): Promise<GeneratedFiles> {
  const files: GeneratedFiles = new Map();
  for (const [name, content] of emitModelFiles(model, sources)) files.set(name, content);
  files.set('types.d.ts', await emitTypes(model, sources));
  for (const [name, content] of emitValidators(model, sources)) files.set(name, content);
  files.set('openapi.json', emitOpenApi(model, sources));
  for (const [name, content] of emitScreenFiles(model, sources)) files.set(name, content);
  return files;
}

/** `schemas/` or `schemas/ + examples/company-oa/overlay/`, for banners. */
export function describeSources(options: LoadOptions): string {
  return [options.dir, ...(options.overlays ?? [])].map((d) => d.replace(/\/?$/, '/')).join(' + ');
}
