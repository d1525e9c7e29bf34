import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { createAjv, validatorSchemas, type EntityValidatorSchemas, type SalesModel } from '@ra-sales/schema';
import { memoize } from './memo.js';
import { EntitySchemaError } from './entityError.js';
import { tsBanner } from './banner.js';

const standaloneCode = standaloneCodeModule as unknown as (ajv: unknown, refs: Record<string, string>) => string;

/**
 * ajv standalone validators (no schema compilation when the server boots) as an ES module per
 * entity (`validators/<resource>.js`), and `validators.js` gathering them into `validators`,
 * shaped like `Validators`.
 */
export function emitValidators(model: SalesModel, sources: string): Map<string, string> {
  const files = new Map<string, string>();
  const imports: string[] = [];
  const entries: string[] = [];
  for (const [resource, schemas] of Object.entries(validatorSchemas(model))) {
    let code: string;
    try {
      code = entityModule(schemas);
    } catch (error) {
      throw new EntitySchemaError(model.entities[resource], error);
    }
    files.set(`validators/${resource}.js`, tsBanner(sources) + code);
    imports.push(`import * as ${resource} from './validators/${resource}.js';`);
    entries.push(`  ${resource}: entityValidators(${resource}),`);
  }
  files.set(
    'validators.js',
    [
      tsBanner(sources).trimEnd(),
      `import { entityValidators } from '@ra-sales/schema';`,
      ...imports,
      '',
      `/** @type {import('@ra-sales/schema').Validators} */`,
      `export const validators = {\n${entries.join('\n')}\n};`,
      '',
    ].join('\n'),
  );
  files.set(
    'validators.d.ts',
    `${tsBanner(sources)}import type { Validators } from '@ra-sales/schema';\nexport declare const validators: Validators;\n`,
  );
  return files;
}

/** One entity's validators: `record`, `gates`, `entries` and `approvals` exports. */
const entityModule = memoize((schemas: EntityValidatorSchemas): string => {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true } });
  const names: Record<string, string> = {};
  const add = (name: string, schema: object) => {
    ajv.addSchema(schema, name);
    names[name] = name;
    return name;
  };
  add('record', schemas.record);
  const gates = Object.entries(schemas.gates).map(([stage, s]) => `${JSON.stringify(stage)}: ${add(`gate_${stage}`, s)}`);
  const entries = Object.entries(schemas.entries).map(([stage, s]) => `${JSON.stringify(stage)}: ${add(`entry_${stage}`, s)}`);
  const approvals = schemas.approvals.map((s, i) => add(`approval_${i}`, s));
  return [
    hoistRequires(standaloneCode(ajv, names)),
    `export const gates = { ${gates.join(', ')} };`,
    `export const entries = { ${entries.join(', ')} };`,
    `export const approvals = [${approvals.join(', ')}];`,
    '',
  ].join('\n');
});

/**
 * ajv's standalone output calls `require()` for its run-time helpers (string length, formats).
 * The module is server-side only, so a local `require` keeps those calls exact under every loader.
 */
function hoistRequires(code: string): string {
  return [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    code.replace(/^"use strict";/, ''),
  ].join('\n');
}
