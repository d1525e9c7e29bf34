// Generated from test/fixtures/mini/ by ra-sales; do not edit: change the schema and run `pnpm gen`.
import * as customers from './customers.js';
import * as deals from './deals.js';
import * as salespeople from './salespeople.js';

/** Every resource's screens, for `salesResources(model, { overrides: screens })`. */
export const screens = {
  'customers': customers,
  'deals': deals,
  'salespeople': salespeople,
};
