import { toClientModel, type SalesModel } from '@ra-sales/schema';
import { tsBanner } from './banner.js';

/**
 * The compiled model as plain JavaScript with its declarations, so the generated folder runs under
 * plain `node` and any bundler wherever it lives, with no build step. `model` is the whole model
 * (server, migrations); `client` is what the screens need (`toClientModel`: no JSON Schemas).
 */
export function emitModelFiles(model: SalesModel, sources: string): Map<string, string> {
  const banner = tsBanner(sources);
  const declaration = (type: string) =>
    `${banner}import type { ${type} } from '@ra-sales/schema';\n\nexport declare const model: ${type};\n`;
  return new Map([
    [
      'model.js',
      `${banner}/** @type {import('@ra-sales/schema').SalesModel} */\nexport const model = ${JSON.stringify(model, null, 2)};\n`,
    ],
    ['model.d.ts', declaration('SalesModel')],
    [
      'client.js',
      `${banner}/** @type {import('@ra-sales/schema').ClientSalesModel} */\nexport const model = ${JSON.stringify(toClientModel(model), null, 2)};\n`,
    ],
    ['client.d.ts', declaration('ClientSalesModel')],
    ['index.js', `${banner}export { model } from './model.js';\n`],
    ['index.d.ts', `${banner}export { model } from './model.js';\nexport type * from './types.js';\n`],
  ]);
}
