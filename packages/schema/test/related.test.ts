/**
 * `x-related`: the related lists of a show page, compiled into the (client) model in the declared
 * order, the default when an entity declares none, and every refusal at its `file#pointer`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel, toClientModel, type SalesModel } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const label = (en: string) => ({ en, 'zh-CN': en });
const text = (en: string) => ({ type: 'string', 'x-label': label(en) });
const ref = (resource: string, en: string) => ({ type: 'integer', 'x-ref': resource, 'x-label': label(en) });

const MODEL = {
  locales: ['zh-CN', 'en'],
  groups: [
    { id: 'sales', label: label('Sales'), resources: ['accounts', 'deals', 'visits', 'memos'] },
    { id: 'admin', label: label('Admin') },
  ],
  roles: { admin: label('Admin') },
  users: { resource: 'users', role: 'role' },
};
const entity = (resource: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: 'object',
  'x-resource': resource,
  'x-label': label(resource),
  'x-group': resource === 'users' ? 'admin' : 'sales',
  properties: { name: text('Name'), ...properties },
  ...extra,
});

const USERS = entity('users', { role: { type: 'string', enum: ['admin'], 'x-label': label('Role') } });
/** Deals point at an account twice (the buyer and the partner); visits and memos once; users own accounts. */
const FILES = {
  'entities/user.schema.json': USERS,
  'entities/account.schema.json': entity(
    'accounts',
    { owner_id: ref('users', 'Owner'), parent_id: ref('accounts', 'Parent') },
    { 'x-access': { owner: 'owner_id' } },
  ),
  'entities/deal.schema.json': entity(
    'deals',
    { account_id: ref('accounts', 'Account'), partner_id: ref('accounts', 'Partner'), owner_id: ref('users', 'Owner') },
    { 'x-access': { owner: 'owner_id' } },
  ),
  'entities/visit.schema.json': entity('visits', {
    account_id: ref('accounts', 'Account'),
    deal_id: ref('deals', 'Deal'),
    lines: { type: 'array', 'x-label': label('Lines'), items: { type: 'object', properties: { deal_id: ref('deals', 'Deal') } } },
  }),
  'entities/memo.schema.json': entity('memos', {
    account_id: ref('accounts', 'Account'),
    amount: { type: 'number', 'x-label': label('Amount') },
  }),
};

function load(files: Record<string, unknown>, overlay?: Record<string, unknown>) {
  const folder = (content: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ra-sales-related-'));
    scratch.push(dir);
    for (const [name, value] of Object.entries(content)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), JSON.stringify(value));
    }
    return dir;
  };
  return loadModel({ dir: folder({ 'model.json': MODEL, ...FILES, ...files }), overlays: overlay ? [folder(overlay)] : [] });
}

function model(files: Record<string, unknown> = {}, overlay?: Record<string, unknown>): SalesModel {
  const result = load(files, overlay);
  if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
  return result.model;
}

function check(files: Record<string, unknown>): string[] {
  const result = load(files);
  return result.ok ? [] : formatSchemaErrors(result.errors).split('\n');
}

const accounts = (related: unknown) => ({
  'entities/account.schema.json': { ...FILES['entities/account.schema.json'], 'x-related': related },
});
const lists = (m: SalesModel, resource = 'accounts') => m.entities[resource]!.related!.map((r) => `${r.resource}.${r.field}`);

describe('x-related', () => {
  it('compiles the declared lists in order, a resource alone naming its one reference, into the client model too', () => {
    const m = model(accounts(['memos', { resource: 'deals', field: 'partner_id' }, 'visits', { resource: 'deals', field: 'account_id' }]));
    expect(lists(m)).toEqual(['memos.account_id', 'deals.partner_id', 'visits.account_id', 'deals.account_id']);
    expect(toClientModel(m).entities.accounts!.related).toEqual(m.entities.accounts!.related);
  });

  it('without x-related lists every reference in menu order but owner fields and lines columns; [] lists none', () => {
    const m = model();
    expect(lists(m)).toEqual(['accounts.parent_id', 'deals.account_id', 'deals.partner_id', 'visits.account_id', 'memos.account_id']);
    expect(lists(m, 'deals')).toEqual(['visits.deal_id']);
    expect(lists(m, 'users')).toEqual([]);
    expect(lists(model(accounts([])))).toEqual([]);
  });

  it('shows at most six lists by default', () => {
    const many = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((i) => [
        `entities/extra${i}.schema.json`,
        entity(`extra${i}s`, { account_id: ref('accounts', 'Account') }),
      ]),
    );
    expect(lists(model(many))).toHaveLength(6);
  });

  it('lets an overlay replace the lists as a whole', () => {
    const m = model(accounts(['memos', 'visits']), { 'entities/account.schema.json': { 'x-related': ['visits'] } });
    expect(lists(m)).toEqual(['visits.account_id']);
  });

  it('refuses an unknown resource with a did-you-mean, and a resource with no reference to the entity', () => {
    expect(check(accounts(['memo', 'users']))).toEqual([
      'entities/account.schema.json#/x-related/0: "memo" is not a resource: did you mean "memos"?',
      'entities/account.schema.json#/x-related/1: users has no reference field pointing at accounts ("x-ref": "accounts")',
    ]);
  });

  it('refuses a resource alone when several of its fields refer to the entity', () => {
    expect(check(accounts(['deals']))).toEqual([
      'entities/account.schema.json#/x-related/0: deals refers to accounts by several fields (account_id, partner_id): name one, { "resource": "deals", "field": "account_id" }',
    ]);
  });

  it('refuses an unknown field with a did-you-mean, and a field that does not refer to the entity', () => {
    expect(
      check(
        accounts([
          { resource: 'deals', field: 'acount_id' },
          { resource: 'memos', field: 'amount' },
          { resource: 'visits', field: 'deal_id' },
        ]),
      ),
    ).toEqual([
      'entities/account.schema.json#/x-related/0/field: deals has no field "acount_id": did you mean "account_id"?',
      'entities/account.schema.json#/x-related/1/field: "amount" of memos does not refer to accounts: it is a number field (those that do: account_id)',
      'entities/account.schema.json#/x-related/2/field: "deal_id" of visits does not refer to accounts: it refers to deals (those that do: account_id)',
    ]);
  });

  it('refuses a list given twice and an item of the wrong shape', () => {
    expect(check(accounts(['memos', { resource: 'memos', field: 'account_id' }]))).toEqual([
      'entities/account.schema.json#/x-related/1: memos by account_id is listed twice',
    ]);
    expect(check(accounts([{ resource: 'memos', fields: 'account_id' }]))).not.toEqual([]);
    expect(check(accounts('memos'))).not.toEqual([]);
  });

  it('gives the default customer its declared lists', () => {
    const dir = fileURLToPath(new URL('../../../schemas', import.meta.url));
    const result = loadModel({ dir });
    if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
    expect(lists(result.model, 'customers')).toEqual([
      'contacts.customer_id',
      'opportunities.customer_id',
      'quotes.customer_id',
      'contracts.customer_id',
      'sales_orders.customer_id',
      'collections.customer_id',
      'complaints.customer_id',
    ]);
  });
});
