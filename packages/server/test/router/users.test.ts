/**
 * The users entity is whatever model.json's `users` names: here "staff", its role in `position`,
 * its team in `unit_id`. User resolution, `/me`'s name, the team scope and the team check on a
 * new owner read it; nothing looks for "salespeople".
 */
import knexFactory from 'knex';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EntityModel, SalesModel } from '@ra-sales/schema';
import { applyMigrations } from '../../src/migrate/index.js';
import { addEntityScope } from '../../src/router/access.js';
import { describeUser, ensureSalesperson, findSalesperson, salespersonAsUser } from '../../src/router/users.js';
import { forEachDatabase } from '../support/databases.js';
import { customersEntity, salespeopleEntity, teamsEntity, testModel } from '../db/fixtures.js';

/** The fixtures' salespeople renamed: resource "staff", role field "position", team field "unit_id"; owners point at it. */
function staffModel(): SalesModel {
  const people = salespeopleEntity();
  const staff: EntityModel = {
    ...people,
    name: 'staff_member',
    resource: 'staff',
    fields: people.fields.map((f) =>
      f.name === 'role' ? { ...f, name: 'position' } : f.name === 'team_id' ? { ...f, name: 'unit_id' } : f,
    ),
  };
  const repoint = (entity: EntityModel): EntityModel => ({
    ...entity,
    fields: entity.fields.map((f) => (f.ref === 'salespeople' ? { ...f, ref: 'staff' } : f)),
  });
  const customers = repoint(customersEntity());
  return {
    ...testModel([staff, repoint(teamsEntity()), customers]),
    users: { resource: 'staff', roleField: 'position', teamField: 'unit_id' },
  };
}

const model = staffModel();
const customers = model.entities.customers!;
const sql = knexFactory({ client: 'pg' });

describe('the team scope reads the declared users entity', () => {
  it('selects the team members from "staff" by "unit_id"', () => {
    const withTeamScope: EntityModel = {
      ...customers,
      access: { ...customers.access, roles: { sales_manager: { read: 'team', write: 'team' } } },
    };
    const query = sql('customers').select('*');
    addEntityScope(query, sql, model, withTeamScope, { id: 3, roles: ['sales_manager'], teamId: 9 }, 'read');
    expect(query.toSQL().toNative().sql).toBe(
      'select * from "customers" where ("customers"."owner_id" = $1 or "customers"."owner_id" in (select "id" from "staff" where "unit_id" = $2))',
    );
  });

  it('on the users entity itself: own row and team rows by its team field', () => {
    const staff = {
      ...model.entities.staff!,
      access: {
        roles: { sales_manager: { read: 'team' as const, write: 'team' as const } },
        default: { read: 'all' as const, write: 'all' as const },
      },
    };
    const query = sql('staff').select('*');
    addEntityScope(query, sql, model, staff, { id: 3, roles: ['sales_manager'], teamId: 9 }, 'read');
    expect(query.toSQL().toNative().sql).toBe('select * from "staff" where ("staff"."id" = $1 or "staff"."unit_id" = $2)');
  });
});

forEachDatabase('users of a model naming them "staff"', (database) => {
  beforeEach(async () => {
    await database.reset();
    await applyMigrations(database.db, model);
  });

  it('finds a user, their role and team in the declared fields', async () => {
    const [team] = await database.db('teams').insert({ name: 'North' }).returning('id');
    await database.db('staff').insert({ name: 'Admin', position: 'sales_rep' });
    await database.db('staff').insert({ name: 'Wang Fang', position: 'sales_manager', unit_id: team.id, email: 'wang@example.com' });
    expect(await findSalesperson(database.db, model, { email: 'wang@example.com' })).toEqual({
      id: 2,
      roles: ['sales_manager'],
      teamId: Number(team.id),
    });
    // The demo's user 1 is also an admin.
    expect(await salespersonAsUser(database.db, model, 1)).toEqual({ id: 1, roles: ['sales_rep', 'admin'], teamId: null });
    expect(await describeUser(database.db, model, { id: 2, roles: ['sales_manager'] })).toMatchObject({ fullName: 'Wang Fang' });
    const created = await ensureSalesperson(database.db, model, { email: 'new@example.com' }, { name: 'New', position: 'sales_rep' });
    expect(created.roles).toEqual(['sales_rep']);
  });

  it('keeps no users when model.json declares none', async () => {
    const { users: _users, ...withoutUsers } = model;
    expect(await findSalesperson(database.db, withoutUsers, { id: 1 })).toBeUndefined();
  });
});
