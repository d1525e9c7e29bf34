// `@ra-sales/server/demo`: demo data (seeded or bulk), and the standalone app `pnpm start` serves.
export * from './seed/index.js';
export { createStandaloneApp, type StandaloneOptions } from './standalone/createApp.js';
export { loadDomain, type Domain } from './standalone/loadDomain.js';
export { webhookNotifier, type WebhookOptions } from './standalone/webhook.js';
