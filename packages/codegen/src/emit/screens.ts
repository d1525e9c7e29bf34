import type { SalesModel } from '@ra-sales/schema';
import { emitScreens } from '@ra-sales/ui/codegen';

/** react-admin screens per entity. The emitter lives with the components it uses, in @ra-sales/ui. */
export function emitScreenFiles(model: SalesModel, sources: string): Map<string, string> {
  return new Map(Object.entries(emitScreens(model, { schemaDir: sources.split(' + ')[0].replace(/\/$/, '') })));
}
