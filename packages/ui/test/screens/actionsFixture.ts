/**
 * The fixture model with `x-actions` on deals, for the action buttons' tests (the shared fixture
 * stays without actions):
 * - `convert`: open deals only, sales managers only (and admin), bulk; creates a customer and,
 *   when the deal has an email, a contact; opens the customer.
 * - `copy`: any stage, anyone who may change the deal; creates a deal and opens it.
 */
import type { ActionModel, EntityModel, SalesModel } from '@ra-sales/schema';
import { deals, fixtureModel } from './fixture.js';

export const convert: ActionModel = {
  name: 'convert',
  label: { en: 'Convert to customer', 'zh-CN': '转为客户' },
  description: { en: 'Creates the customer and its contact from the deal', 'zh-CN': '根据交易创建客户及联系人' },
  stages: ['open'],
  roles: ['sales_manager'],
  bulk: true,
  creates: [
    { as: 'customer', resource: 'customers', set: { name: { var: 'name' } } },
    {
      as: 'contact',
      resource: 'contacts',
      when: { '!!': [{ var: 'email' }] },
      set: { name: { var: 'name' }, customer_id: { var: 'customer.id' } },
    },
  ],
  update: {},
  opens: 'customer',
};

export const copy: ActionModel = {
  name: 'copy',
  label: { en: 'Copy deal', 'zh-CN': '复制交易' },
  bulk: false,
  creates: [{ as: 'copy', resource: 'deals', set: { name: { var: 'name' }, customer_id: { var: 'customer_id' } } }],
  update: {},
  opens: 'copy',
};

export const actionDeals: EntityModel = { ...deals, actions: { convert, copy } };

export const actionModel: SalesModel = { ...fixtureModel, entities: { ...fixtureModel.entities, deals: actionDeals } };
