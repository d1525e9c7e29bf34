export * from './router/index.js';
export * from './db/index.js';
export * from './migrate/index.js';
export * from './seed/index.js';
