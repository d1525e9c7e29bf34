import type { SalesModel } from '@ra-sales/schema';
import { tsBanner } from './banner.js';

/** The compiled model as a module: the server and the screens import it instead of reading schema files. */
export function emitModel(model: SalesModel, sources: string): string {
  return `${tsBanner(sources)}import type { SalesModel } from '@ra-sales/schema';\n\nexport const model: SalesModel = ${JSON.stringify(model, null, 2)};\n`;
}

export function emitIndex(sources: string): string {
  return `${tsBanner(sources)}export { model } from './model.js';\nexport type * from './types.js';\n`;
}
