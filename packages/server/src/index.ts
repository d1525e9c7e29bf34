// The embeddable part: the router, the database connection and the migrations. The demo data and
// the standalone app are `@ra-sales/server/demo`, so a host's server never loads them unasked.
export * from './router/index.js';
export * from './db/index.js';
export * from './migrate/index.js';
export * from './attachments/index.js';
