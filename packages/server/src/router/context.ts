import type { Knex } from 'knex';
import type { SalesModel, Validators } from '@ra-sales/schema';
import type { Counter } from './counting.js';
import type { ResourceInfo } from './resources.js';
import type { SalesUser } from './types.js';

/** What a request handler works with. */
export interface RequestContext {
  knex: Knex;
  model: SalesModel;
  validators: Validators;
  resources: Map<string, ResourceInfo>;
  counter: Counter;
  user: SalesUser;
  locale: string;
}
