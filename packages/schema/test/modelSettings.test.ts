/**
 * model.json's `users` (the users entity, its role and team fields, the owner fields pointing at
 * it) and `dashboard` (report cards checked against the server's reports), each error at its
 * `file#pointer`, with a did-you-mean where a name is close.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSchemaErrors, loadModel, REPORT_IDS } from '../src/index.js';

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const label = (en: string) => ({ en });
const MODEL = {
  locales: ['en'],
  groups: [{ id: 'sales', label: label('Sales') }],
  roles: { sales_rep: label('Sales rep'), admin: label('Admin') },
};
/** The users entity under another name than "salespeople". */
const STAFF = {
  type: 'object',
  'x-resource': 'staff',
  'x-label': label('Staff member'),
  properties: {
    name: { type: 'string', 'x-label': label('Name') },
    position: { type: 'string', enum: ['sales_rep', 'admin'], 'x-label': label('Position') },
    unit_id: { type: 'integer', 'x-ref': 'units', 'x-label': label('Unit') },
    nickname: { type: 'string', 'x-label': label('Nickname') },
  },
};
const UNIT = {
  type: 'object',
  'x-resource': 'units',
  'x-label': label('Unit'),
  properties: { name: { type: 'string', 'x-label': label('Name') } },
};
const DEAL = {
  type: 'object',
  'x-resource': 'deals',
  'x-label': label('Deal'),
  'x-access': { owner: 'owner_id', roles: { sales_rep: { read: 'own', write: 'own' } }, default: { read: 'all', write: 'all' } },
  'x-workflow': {
    field: 'stage',
    stages: [
      { id: 'open', label: label('Open') },
      { id: 'won', label: label('Won'), kind: 'won' },
    ],
    transitions: [{ from: 'open', to: 'won' }],
  },
  properties: {
    name: { type: 'string', 'x-label': label('Name') },
    stage: { type: 'string', 'x-label': label('Stage') },
    owner_id: { type: 'integer', 'x-ref': 'staff', 'x-label': label('Owner') },
  },
};
const USERS = { resource: 'staff', role: 'position', team: 'unit_id' };

/** The check's lines for model.json with `extra` keys, over the staff, units and deals entities. */
function check(extra: Record<string, unknown>, entities: Record<string, unknown> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-settings-'));
  scratch.push(dir);
  const files = {
    'model.json': { ...MODEL, ...extra },
    'entities/staff_member.schema.json': STAFF,
    'entities/unit.schema.json': UNIT,
    'entities/deal.schema.json': DEAL,
    ...entities,
  };
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  const result = loadModel({ dir });
  return result.ok ? [] : formatSchemaErrors(result.errors).split('\n');
}

function load(extra: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'ra-sales-settings-'));
  scratch.push(dir);
  for (const [name, value] of Object.entries({
    'model.json': { ...MODEL, ...extra },
    'entities/staff_member.schema.json': STAFF,
    'entities/unit.schema.json': UNIT,
    'entities/deal.schema.json': DEAL,
  })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  const result = loadModel({ dir });
  if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
  return result.model;
}

describe('users', () => {
  it('carries the users entity into the model, whatever its name', () => {
    expect(load({ users: USERS }).users).toEqual({ resource: 'staff', roleField: 'position', teamField: 'unit_id' });
    expect(load({ users: { resource: 'staff', role: 'position' } }).users).toEqual({ resource: 'staff', roleField: 'position' });
  });

  it('refuses an unknown users entity, with a did-you-mean', () => {
    expect(check({ users: { ...USERS, resource: 'staf' } })).toEqual([
      'entities/deal.schema.json#/x-access/owner: owner field "owner_id" must reference the users entity ("x-ref": "staf")',
      'model.json#/users/resource: "staf" is not a resource: did you mean "staff"?',
    ]);
    expect(check({ users: { ...USERS, resource: 'salespeople' } })).toContain(
      'model.json#/users/resource: "salespeople" is not a resource (resources: deals, staff, units)',
    );
  });

  it('refuses a misspelt role or team field, with a did-you-mean', () => {
    expect(check({ users: { ...USERS, role: 'postion' } })).toEqual([
      'model.json#/users/role: "postion" is not a field of staff: did you mean "position"?',
    ]);
    expect(check({ users: { ...USERS, team: 'unit_di' } })).toEqual([
      'model.json#/users/team: "unit_di" is not a field of staff: did you mean "unit_id"?',
    ]);
    expect(check({ users: { ...USERS, team: 'unit' } })).toEqual([
      'model.json#/users/team: "unit" is not a field of staff (fields: name, nickname, position, unit_id)',
    ]);
  });

  it('wants the role field an enum of declared roles, the team field a reference', () => {
    expect(check({ users: { ...USERS, role: 'nickname', team: 'name' } })).toEqual([
      'model.json#/users/role: field "nickname" of staff must be an enum of the role ids of model.json (it is string)',
      'model.json#/users/team: field "name" of staff must be a reference to the teams ("x-ref") (it is string)',
    ]);
    const boss = {
      ...STAFF,
      properties: { ...STAFF.properties, position: { ...STAFF.properties.position, enum: ['sales_rep', 'admni'] } },
    };
    expect(check({ users: USERS }, { 'entities/staff_member.schema.json': boss })).toEqual([
      'model.json#/users/role: field "position" of staff holds "admni", which is not a role declared in model.json: did you mean "admin"?',
    ]);
  });

  it('makes owner fields point at the users entity, and needs one for them', () => {
    expect(check({})).toEqual([
      'entities/deal.schema.json#/x-access/owner: owner field "owner_id" needs the users entity: declare "users" in model.json',
    ]);
    expect(check({ users: { resource: 'units', role: 'name' } })).toContain(
      'entities/deal.schema.json#/x-access/owner: owner field "owner_id" must reference the users entity ("x-ref": "units")',
    );
  });

  it('refuses unknown keys', () => {
    expect(check({ users: { ...USERS, entity: 'staff' } })).toEqual(['model.json#/users/entity: "entity" is not allowed here']);
  });
});

describe('dashboard', () => {
  const title = label('Card');
  const cards = (...list: unknown[]) => ({ users: USERS, dashboard: { cards: list } });

  it('carries the cards into the model in the declared order', () => {
    const model = load(
      cards(
        { report: 'sales-by', title, params: { by: 'region' } },
        { report: 'stage-totals', chart: 'weighted', params: { resource: 'deals' }, title },
      ),
    );
    expect(model.dashboard).toEqual([
      { report: 'sales-by', title, params: { by: 'region' } },
      { report: 'stage-totals', chart: 'weighted', params: { resource: 'deals' }, title },
    ]);
    expect(load({ users: USERS }).dashboard).toEqual([]);
  });

  it('refuses a report the server does not have, with a did-you-mean', () => {
    expect(check(cards({ report: 'stage-total', title, params: { resource: 'deals' } }))).toEqual([
      'model.json#/dashboard/cards/0/report: "stage-total" is not a report of the server: did you mean "stage-totals"?',
    ]);
    expect(check(cards({ report: 'pie', title }))).toEqual([
      `model.json#/dashboard/cards/0/report: "pie" is not a report of the server (reports: ${[...REPORT_IDS].sort().join(', ')})`,
    ]);
  });

  it('checks the parameters and the chart against the report', () => {
    expect(check(cards({ report: 'stage-totals', title }))).toEqual([
      'model.json#/dashboard/cards/0/params: report "stage-totals" needs the parameter "resource"',
    ]);
    expect(check(cards({ report: 'stage-totals', title, params: { resource: 'deal', filters: {} } }))).toEqual([
      'model.json#/dashboard/cards/0/params/filters: report "stage-totals" takes no parameter "filters": did you mean "filter"?',
      'model.json#/dashboard/cards/0/params/resource: "deal" is not a resource: did you mean "deals"?',
    ]);
    expect(check(cards({ report: 'stage-totals', title, params: { resource: 'units' }, chart: 'funel' }))).toEqual([
      'model.json#/dashboard/cards/0/chart: "funel" is not a chart of report "stage-totals": did you mean "funnel"?',
      'model.json#/dashboard/cards/0/params/resource: units has no workflow (the report reads its stages)',
    ]);
    expect(
      check(
        cards(
          { report: 'sales-by', title, params: { by: 'regoin' } },
          { report: 'expense-ratio', title, params: { from: '2026-01' }, chart: 'bars' },
        ),
      ),
    ).toEqual([
      'model.json#/dashboard/cards/0/params/by: "regoin" is not a grouping of sales-by: did you mean "region"?',
      'model.json#/dashboard/cards/1/chart: report "expense-ratio" is shown one way only: leave out "chart"',
      'model.json#/dashboard/cards/1/params/from: report "expense-ratio" takes no parameters',
    ]);
  });

  it('wants a title in labels', () => {
    expect(check(cards({ report: 'sales-by' }))).toEqual(['model.json#/dashboard/cards/0: "0" is missing the required key "title"']);
  });
});
