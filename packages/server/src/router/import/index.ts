export { importBody, importFile, IMPORT_BODY_LIMIT } from './route.js';
export type { ImportError, ImportResult } from './types.js';
