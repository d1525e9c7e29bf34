export { seedDemo, type SeedDemoOptions, type SeedSummary } from './demo.js';
export { buildDemoData, DEFAULT_SEED, type DemoOptions } from './demoData.js';
export { dependencyOrder, demoCount } from './order.js';
export { planSalesforce, type Salesforce, type SalesforceMember } from './salesforce.js';
export { seedBulk, type BulkOptions, type BulkSummary } from './bulk.js';
export { demoHistory, stagePath } from './history.js';
export { seedDemoWhenEmpty, hasNoUsers, type DemoSeeded } from './whenEmpty.js';
