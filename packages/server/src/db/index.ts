export { connectDatabase, createPgliteTemplate, databaseKind, DEFAULT_PGLITE_DIR, type ConnectOptions } from './connect.js';
export { TYPE_PARSERS, parseTimestamptz } from './typeParsers.js';
