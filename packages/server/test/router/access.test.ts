/** Row access: scopes applied to lists, counts, getOne, getMany, embed and every write. */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSalesRouter } from '../../src/index.js';
import { defaultDomain } from './support/model.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, tableFingerprint, type TestServer, type UserName, createAs } from './support/server.js';

forEachDatabase('router access', (database) => {
  let server: TestServer;
  let customerA: Record<string, any>;
  let customerB: Record<string, any>;
  let customerSouth: Record<string, any>;

  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  const list = (as: UserName, resource: string, filter: Record<string, unknown> = {}, embed?: string[]) =>
    server.as(as).getList(resource, {
      pagination: { page: 1, perPage: 50 },
      sort: { field: 'id', order: 'ASC' },
      filter,
      meta: embed ? { embed } : undefined,
    });

  beforeAll(async () => {
    server = await startTestServer(database.db);
    customerA = await create('repA', 'customers', { name: 'Customer of A', grade: 'A' });
    customerB = await create('repB', 'customers', { name: 'Customer of B', grade: 'B' });
    customerSouth = await create('repSouth', 'customers', { name: 'Customer in the south', grade: 'C' });
  });
  afterAll(() => server?.close());

  it('answers 401 without a user', async () => {
    expect((await server.request('GET', '/customers', { as: null })).status).toBe(401);
    expect((await server.request('GET', '/customers', { as: null, headers: { 'X-Sales-User': '999' } })).status).toBe(401);
  });

  it('without demoUsers the auth hook decides and X-Sales-User is ignored', async () => {
    const { model, validators } = defaultDomain();
    const app = express();
    app.use(
      createSalesRouter({
        knex: database.db,
        model,
        validators,
        auth: (req) => (req.get('authorization') === 'Bearer rep-b' ? { id: server.users.repB, roles: ['sales_rep'], teamId: null } : null),
      }),
    );
    const listener = app.listen(0);
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
      const anonymous = await fetch(`${url}/customers`, { headers: { 'X-Sales-User': '1' } });
      expect(anonymous.status).toBe(401);
      const rep = await fetch(`${url}/customers`, { headers: { Authorization: 'Bearer rep-b', 'X-Sales-User': '1' } });
      expect((await rep.json()).map((c: { id: number }) => c.id)).toEqual([customerB.id]);
    } finally {
      listener.closeAllConnections();
      listener.close();
    }
  });

  it('GET /me describes the current user', async () => {
    const me = await server.request('GET', '/me', { as: 'repA' });
    expect(me.json).toEqual({ id: server.users.repA, roles: ['sales_rep'], teamId: expect.any(Number), fullName: 'repA' });
    const admin = await server.request('GET', '/me', { as: 'admin' });
    expect(admin.json.roles).toEqual(['admin']);
  });

  it("a rep cannot read, list, count or fetch another rep's customer", async () => {
    await expect(server.as('repB').getOne('customers', { id: customerA.id })).rejects.toMatchObject({ status: 404 });
    const visible = await list('repB', 'customers');
    expect(ids(visible.data)).toEqual([customerB.id]);
    expect(visible.total).toBe(1);
    const many = await server.as('repB').getMany('customers', { ids: [customerA.id, customerB.id] });
    expect(ids(many.data)).toEqual([customerB.id]);
    const searched = await list('repB', 'customers', { q: 'Customer' });
    expect(searched.total).toBe(1);
    const counted = await server.request('GET', `/customers?range=[5,9]&filter=${encodeURIComponent(JSON.stringify({ grade: 'A' }))}`, {
      as: 'repB',
    });
    expect(counted.headers.get('content-range')).toBe('customers */0');
  });

  it("a rep cannot update, delete or reference another rep's customer", async () => {
    const before = await tableFingerprint(database.db, 'customers');
    const update = await server.request('PUT', `/customers/${customerA.id}`, { as: 'repB', body: { ...customerA, name: 'Taken over' } });
    expect(update.status).toBe(404);
    expect(
      (await server.request('DELETE', `/customers/${customerA.id}`, { as: 'repB', headers: { 'Content-Type': 'text/plain' } })).status,
    ).toBe(404);
    const reference = await server.request('POST', '/opportunities', { as: 'repB', body: { name: 'Poaching', customer_id: customerA.id } });
    expect(reference.status).toBe(400);
    expect(reference.json.errors).toEqual({ customer_id: `no Customer record ${customerA.id}` });
    expect(await tableFingerprint(database.db, 'customers')).toBe(before);
  });

  it('embeds only what the user may read', async () => {
    const opportunity = await create('admin', 'opportunities', { name: 'Mixed', customer_id: customerA.id, owner_id: server.users.repB });
    const embedded = await list('repB', 'opportunities', {}, ['customer']);
    expect(embedded.data).toEqual([expect.objectContaining({ id: opportunity.id, customer_id: customerA.id, customer: null })]);
    const one = await server.as('repB').getOne('opportunities', { id: opportunity.id, meta: { embed: ['customer', 'owner'] } });
    expect(one.data.customer).toBeNull();
    expect(one.data.owner).toMatchObject({ id: server.users.repB, name: 'repB' });
    const manager = await server.as('managerNorth').getOne('opportunities', { id: opportunity.id, meta: { embed: ['customer'] } });
    expect(manager.data.customer).toMatchObject({ id: customerA.id, name: 'Customer of A' });
  });

  it('a manager sees the team, not the other team', async () => {
    const north = await list('managerNorth', 'customers');
    expect(ids(north.data)).toEqual([customerA.id, customerB.id]);
    const south = await list('managerSouth', 'customers');
    expect(ids(south.data)).toEqual([customerSouth.id]);
    const general = await list('generalManager', 'customers');
    expect(general.total).toBe(3);
  });

  it('the owner field: set by the server for reps, never changed by them; managers assign within the team', async () => {
    const own = await create('repA', 'customers', { name: 'Echo owner', grade: 'C', owner_id: server.users.repA });
    expect(own.owner_id).toBe(server.users.repA);
    const giveaway = await server.request('POST', '/customers', {
      as: 'repA',
      body: { name: 'Gift', grade: 'C', owner_id: server.users.repB },
    });
    expect(giveaway.status).toBe(400);
    expect(giveaway.json.errors).toEqual({ owner_id: 'cannot be changed' });
    const echo = await server.request('PUT', `/customers/${own.id}`, { as: 'repA', body: { ...own, industry: 'Steel' } });
    expect(echo.status).toBe(200);
    const change = await server.request('PUT', `/customers/${own.id}`, { as: 'repA', body: { ...echo.json, owner_id: server.users.repB } });
    expect(change.status).toBe(400);

    const assign = await server.request('PUT', `/customers/${own.id}`, {
      as: 'managerNorth',
      body: { ...echo.json, owner_id: server.users.repB },
    });
    expect(assign.status).toBe(200);
    expect(assign.json.owner_id).toBe(server.users.repB);
    const outside = await server.request('PUT', `/customers/${own.id}`, {
      as: 'managerNorth',
      body: { ...assign.json, owner_id: server.users.repSouth },
    });
    expect(outside.status).toBe(400);
  });

  it('server-owned fields: echoes pass, changes are refused', async () => {
    const record = await create('repA', 'customers', { name: 'Server fields', grade: 'C' });
    for (const [field, value] of [
      ['id', record.id + 1000],
      ['version', 7],
      ['created_at', '2020-01-01T00:00:00.000Z'],
    ] as const) {
      const answer = await server.request('PUT', `/customers/${record.id}`, { as: 'repA', body: { ...record, [field]: value } });
      expect([answer.status, answer.json.errors?.[field] ?? answer.json.errors]).toEqual([
        field === 'version' ? 409 : 400,
        field === 'version' ? 'stale' : 'cannot be changed',
      ]);
    }
    const created = await server.request('POST', '/customers', { as: 'repA', body: { name: 'With id', grade: 'C', id: 5 } });
    expect(created.status).toBe(400);
  });

  it('write scope none answers 403', async () => {
    const create = await server.request('POST', '/customers', { as: 'presales', body: { name: 'Presales customer', grade: 'C' } });
    expect(create.status).toBe(403);
    const visible = await server.as('presales').getOne('customers', { id: customerA.id });
    expect(visible.data.id).toBe(customerA.id);
    const update = await server.request('PUT', `/customers/${customerA.id}`, { as: 'presales', body: { name: 'Renamed' } });
    expect(update.status).toBe(403);
  });

  it('history and approvals follow the record', async () => {
    const opportunity = await create('repA', 'opportunities', { name: 'Private deal', customer_id: customerA.id });
    const filter = { resource: 'opportunities', record_id: opportunity.id };
    expect((await list('repA', 'history', filter)).total).toBe(1);
    expect((await list('repB', 'history', filter)).total).toBe(0);
    expect((await list('managerNorth', 'history', filter)).total).toBe(1);
    expect((await server.request('POST', '/history', { as: 'admin', body: {} })).status).toBe(405);
    expect((await server.request('DELETE', '/approvals/1', { as: 'admin' })).status).toBe(405);
  });
});
