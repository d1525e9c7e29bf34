export { createSalesRouter, DEFAULT_EXACT_COUNT_LIMIT } from './createSalesRouter.js';
export type { SalesRouterOptions, SalesUser, AuthHook } from './types.js';
export { DEMO_USER_HEADER, findSalesperson, ensureSalesperson } from './users.js';
export { sweepDatedRecords, refreshRecords, datedEntities, type SweepResult } from './facts/sweep.js';
export { rollupEntities } from './facts/dependents.js';
export { refreshAfterMigration } from './facts/afterMigration.js';
export type { SalesNotification, NotifyHook, NotifiedApproval, NotifiedUser } from './activities/index.js';
