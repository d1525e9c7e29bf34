import type { Knex } from 'knex';
import type { SalesModel, Validators } from '@ra-sales/schema';
import type { Counter } from './counting.js';
import type { ResourceInfo } from './resources.js';
import type { SalesUser } from './types.js';
import type { NotificationOutbox } from './activities/notifications.js';

/** What a request handler works with. */
export interface RequestContext {
  knex: Knex;
  model: SalesModel;
  validators: Validators;
  resources: Map<string, ResourceInfo>;
  counter: Counter;
  user: SalesUser;
  locale: string;
  /** Where writes queue their notifications (approval requests and decisions, assigned tasks), when the host wants them. */
  notifications?: NotificationOutbox;
}
