/**
 * The generic screens, loaded on demand by `salesResources` (one chunk): nothing outside
 * `salesResources.tsx` imports this module, and nothing in the static import graph of the
 * package's main entry imports the screens themselves (they are exported by `@ra-sales/ui/screens`).
 */
export { EntityList } from './EntityList.js';
export { EntityShow } from './EntityShow.js';
export { EntityEdit } from './EntityEdit.js';
export { EntityCreate } from './EntityCreate.js';
