import type { SalesModel } from '@ra-sales/schema';

/** react-admin screens per entity. The emitter lives with the components it uses, in @ra-sales/ui. */
export function emitScreenFiles(_model: SalesModel, _sources: string): Map<string, string> {
  return new Map();
}
