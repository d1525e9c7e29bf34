import type { SalesModel } from '@ra-sales/schema';
import { emitScreens } from './emitScreens.js';

/** react-admin screens per entity: starting points a developer copies; nothing imports them. */
export function emitScreenFiles(model: SalesModel, sources: string): Map<string, string> {
  return new Map(Object.entries(emitScreens(model, { schemaDir: sources.split(' + ')[0].replace(/\/$/, '') })));
}
