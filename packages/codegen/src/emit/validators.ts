import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { createAjv, validatorSchemas, type SalesModel } from '@ra-sales/schema';
import { tsBanner } from './banner.js';

const standaloneCode = standaloneCodeModule as unknown as (ajv: unknown, refs: Record<string, string>) => string;

/**
 * ajv standalone validators (no schema compilation when the server boots) as an ES module:
 * one export per record, gate, entry and approval condition, plus `validators`, shaped like `Validators`.
 */
export function emitValidators(model: SalesModel, sources: string): { js: string; dts: string } {
  const ajv = createAjv({ code: { source: true, esm: true, lines: true } });
  const exports: Record<string, string> = {};
  const shape: string[] = [];
  for (const [resource, schemas] of Object.entries(validatorSchemas(model))) {
    const add = (name: string, schema: object) => {
      ajv.addSchema(schema, name);
      exports[name] = name;
      return name;
    };
    const record = add(`${resource}__record`, schemas.record);
    const gates = Object.entries(schemas.gates).map(([stage, s]) => `${JSON.stringify(stage)}: withoutNulls(${add(`${resource}__gate__${stage}`, s)})`);
    const entries = Object.entries(schemas.entries).map(([stage, s]) => `${JSON.stringify(stage)}: withoutNulls(${add(`${resource}__entry__${stage}`, s)})`);
    const approvals = schemas.approvals.map((s, i) => `withoutNulls(${add(`${resource}__approval__${i}`, s)})`);
    shape.push(
      `  ${JSON.stringify(resource)}: {\n    record: ${record},\n    gates: { ${gates.join(', ')} },\n    entries: { ${entries.join(', ')} },\n    approvals: [${approvals.join(', ')}],\n  },`,
    );
  }
  const code = hoistRequires(standaloneCode(ajv, exports));
  const js = [
    tsBanner(sources).trimEnd(),
    `import { withoutNulls } from '@ra-sales/schema';`,
    code,
    `/** @type {import('@ra-sales/schema').Validators} */`,
    `export const validators = {\n${shape.join('\n')}\n};`,
    '',
  ].join('\n');
  const dts = `${tsBanner(sources)}import type { Validators } from '@ra-sales/schema';\nexport declare const validators: Validators;\n`;
  return { js, dts };
}

/**
 * ajv's standalone output calls `require()` for its run-time helpers (string length, formats).
 * The module is server-side only, so a local `require` keeps those calls exact under every loader.
 */
function hoistRequires(code: string): string {
  return [`import { createRequire } from 'node:module';`, `const require = createRequire(import.meta.url);`, code.replace(/^"use strict";/, '')].join('\n');
}
