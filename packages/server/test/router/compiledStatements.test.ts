/**
 * Statements compiled once per shape (router/compiledStatements.ts) and the hot routes dispatched
 * ahead of the router's layers (router/hotRoutes.ts): each user keeps their own scope, each request
 * its own values, and the paths the fast way leaves alone answer as before.
 */
import knexPackage from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { preparesStatements, withoutPreparedStatements } from '../../src/db/connect.js';
import { insertRow, runCompiled } from '../../src/router/compiledStatements.js';
import { fromDatabaseError } from '../../src/router/errors.js';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName, createAs } from './support/server.js';

describe('runCompiled', () => {
  const knex = knexPackage.knex({ client: 'pg' });
  afterAll(() => knex.destroy());

  it('refuses a shape whose varying values are not bound first, before running anything', async () => {
    const build = () => knex('customers').where('grade', 'A').where('id', 7);
    await expect(runCompiled(knex, {}, 'grade then id', build, [7])).rejects.toThrow(/bind its varying values first/);
  });
});

forEachDatabase('compiled statements and hot routes', (database) => {
  let server: TestServer;
  let ofA: Record<string, any>;
  let ofB: Record<string, any>;

  const create = (as: UserName, resource: string, body: Record<string, unknown>) => createAs(server, as, resource, body);

  beforeAll(async () => {
    server = await startTestServer(database.db);
    ofA = await create('repA', 'customers', { name: 'Compiled A', grade: 'A' });
    ofB = await create('repB', 'customers', { name: 'Compiled B', grade: 'B' });
  });
  afterAll(() => server?.close());

  it('keeps a getOne per user scope: what one user compiled never widens another user’s read', async () => {
    expect((await server.request('GET', `/customers/${ofB.id}`, { as: 'admin' })).status).toBe(200);
    expect((await server.request('GET', `/customers/${ofB.id}`, { as: 'repA' })).status).toBe(404);
    const own = await server.request('GET', `/customers/${ofA.id}`, { as: 'repA' });
    expect(own.status).toBe(200);
    expect(own.json.name).toBe('Compiled A');
    // The same shape again, another id: the new id is the one read.
    expect((await server.request('GET', `/customers/${ofB.id}`, { as: 'repB' })).json.name).toBe('Compiled B');
  });

  it('answers a list asked again with the same rows, and each user with their own', async () => {
    const path = `/customers?${new URLSearchParams({ filter: JSON.stringify({ name_q: 'Compiled' }), sort: '["id","ASC"]', range: '[0,9]' })}`;
    const names = async (as: UserName) => ((await server.request('GET', path, { as })).json as { name: string }[]).map((c) => c.name);
    expect(await names('admin')).toEqual(['Compiled A', 'Compiled B']);
    expect(await names('repA')).toEqual(['Compiled A']);
    expect(await names('repB')).toEqual(['Compiled B']);
    expect(await names('admin')).toEqual(['Compiled A', 'Compiled B']);
  });

  it('checks the references of each create against its own ids', async () => {
    const first = await create('admin', 'opportunities', { name: 'Compiled deal 1', customer_id: ofA.id });
    const second = await create('admin', 'opportunities', { name: 'Compiled deal 2', customer_id: ofB.id });
    expect([first.customer_id, second.customer_id]).toEqual([ofA.id, ofB.id]);
    const missing = await server.request('POST', '/opportunities', {
      as: 'admin',
      body: { name: 'Compiled deal 3', customer_id: 999_999 },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.json.errors)).toEqual(['customer_id']);
    // repA may not read B's customer: the same statement shape, another scope.
    const outOfScope = await server.request('POST', '/opportunities', {
      as: 'repA',
      body: { name: 'Compiled deal 4', customer_id: ofB.id },
    });
    expect(outOfScope.status).toBe(400);
  });

  it('writes the journal rows of each create with its own values', async () => {
    const record = await create('repA', 'customers', { name: 'Compiled journal', grade: 'C' });
    const audit = await database.db('sales_audit').where({ resource: 'customers', record_id: record.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', user_id: server.users.repA });
    const after = typeof audit[0].after === 'string' ? JSON.parse(audit[0].after) : audit[0].after;
    expect(after.name).toBe('Compiled journal');
  });

  it('leaves out undefined values of an inserted row, as knex does (the column default)', async () => {
    const [row] = await insertRow(database.db, {}, 'teams', { name: 'Compiled team', id: undefined }, true);
    expect(row.name).toBe('Compiled team');
    expect(Number(row.id)).toBeGreaterThan(0);
  });

  it('runs inside a transaction on its connection, and on the pool outside it, each statement noted as knex notes it', async () => {
    const db = database.db;
    const seen: { sql: string; bindings?: unknown[]; __knexTxId?: string }[] = [];
    const noting = (q: (typeof seen)[number]) => seen.push(q);
    const owner = {};
    const readTeam = (on: typeof db, id: number) =>
      runCompiled(on, owner, 'team by id', () => on('teams').select('name').where('id', id), [id]);
    db.on('query', noting);
    try {
      await db.transaction(async (trx) => {
        const [team] = await insertRow(trx, owner, 'teams', { name: 'Compiled in a transaction' }, true);
        const id = Number(team.id);
        expect(await readTeam(trx, id)).toEqual([{ name: 'Compiled in a transaction' }]);
        // Only the transaction's own connection sees the row before the commit (PGlite has one connection).
        const pooled = database.kind === 'postgres';
        if (pooled) expect(await readTeam(db, id)).toEqual([]);
        const ofTeam = seen.filter((q) => q.sql.includes('"teams"'));
        expect(ofTeam.map((q) => q.bindings?.includes(id) ?? false)).toEqual([false, true, ...(pooled ? [true] : [])]);
        expect(ofTeam.map((q) => q.__knexTxId !== undefined)).toEqual([true, true, ...(pooled ? [false] : [])]);
      });
    } finally {
      db.off('query', noting);
    }
  });

  it('refuses a statement of a transaction already completed, whose connection may serve another request', async () => {
    const trx = await database.db.transaction();
    await trx.commit();
    await expect(runCompiled(trx, {}, 'after the end', () => trx('teams').select('id').where('id', 1), [1])).rejects.toThrow(/complete/i);
  });

  it('passes the database’s errors on with their codes, so a duplicate is still told as one', async () => {
    const [team] = await insertRow(database.db, {}, 'teams', { name: 'Compiled duplicate' }, true);
    await expect(insertRow(database.db, {}, 'teams', { id: team.id, name: 'Compiled twice' })).rejects.toMatchObject({ code: '23505' });
  });

  it('leaves paths of other shapes to the router’s own routes', async () => {
    expect((await server.request('GET', '/me', { as: 'repA' })).json.id).toBe(server.users.repA);
    expect((await server.request('GET', '/Customers', { as: 'admin' })).status).toBe(404);
    const slash = await server.request('GET', '/customers/', { as: 'repA' });
    expect(slash.status).toBe(200);
    expect((slash.json as { name: string }[]).map((c) => c.name)).toContain('Compiled A');
    expect((await server.request('GET', `/customers/${ofA.id}/timeline`, { as: 'repA' })).status).toBe(200);
    // A POST to a resource that is no entity is refused as before.
    expect((await server.request('POST', '/history', { as: 'admin', body: {} })).status).toBe(405);
  });
});

forEachDatabase('prepared statements', (database) => {
  /** PGlite's statements go through knex's runner, unnamed; behind Debian's PgBouncer (PG_TOPOLOGY=replicated) the test database is connected without them. */
  const prepares = () => database.kind === 'postgres' && preparesStatements(database.db);

  /**
   * On PostgreSQL a knex of its own on the test database, one connection, so that every statement
   * meets what the previous ones prepared; PGlite has one connection anyway.
   */
  const oneConnection = (): Knex & { done: () => Promise<void> } => {
    if (database.kind === 'pglite') return Object.assign(database.db, { done: async () => {} });
    const db = knexPackage.knex({ ...database.db.client.config, pool: { min: 0, max: 1 } });
    if (!preparesStatements(database.db)) withoutPreparedStatements(db);
    return Object.assign(db, { done: () => db.destroy() });
  };
  const prepared = async (db: Knex, table: string) =>
    ((await db.raw(`select name from pg_prepared_statements where statement like ?`, [`%"${table}"%`])).rows as { name: string }[]).map(
      (r) => r.name,
    );
  const probe = (db: Knex, owner: object, table: string, id: number) =>
    runCompiled(db, owner, `probe ${table}`, () => db(table).select(`${table}.*`).where('id', id), [id]);

  beforeAll(async () => {
    for (const table of ['prepared_probe', 'unprepared_probe', 'changing_probe', 'lost_probe', 'bounced_probe']) {
      await database.db.schema.createTable(table, (t) => {
        t.bigIncrements('id');
        t.text('name');
      });
      await database.db(table).insert({ name: `${table} 1` });
    }
  });

  it('prepares a shape from its second run on, once per connection, under one name', async () => {
    const db = oneConnection();
    try {
      const owner = {};
      expect(await probe(db, owner, 'prepared_probe', 1)).toEqual([{ id: 1, name: 'prepared_probe 1' }]);
      expect(await prepared(db, 'prepared_probe')).toEqual([]);
      for (const id of [1, 2, 1]) expect(await probe(db, owner, 'prepared_probe', id)).toHaveLength(id === 1 ? 1 : 0);
      expect(await prepared(db, 'prepared_probe')).toHaveLength(prepares() ? 1 : 0);
    } finally {
      await db.done();
    }
  });

  it('sends every statement unnamed on a connection told not to prepare them, and in its transactions', async () => {
    const db = oneConnection();
    withoutPreparedStatements(db);
    try {
      const owner = {};
      for (const id of [1, 1, 1]) expect(await probe(db, owner, 'unprepared_probe', id)).toHaveLength(1);
      await db.transaction(async (trx) => {
        for (const id of [1, 1]) expect(await probe(trx, owner, 'unprepared_probe', id)).toHaveLength(1);
        expect(await prepared(trx, 'unprepared_probe')).toEqual([]);
      });
      expect(await prepared(db, 'unprepared_probe')).toEqual([]);
    } finally {
      await db.done();
    }
  });

  it('stops preparing on a connection that lost a prepared statement, as a pooler without them loses it: at once outside a transaction, a 503 inside one', async () => {
    /** A connection that prepared the probe, then lost it behind the driver's back, as a pooler handing over another server connection does. */
    const losing = async () => {
      const db = oneConnection();
      const owner = {};
      for (const id of [1, 1]) await probe(db, owner, 'lost_probe', id);
      return { db, owner, lose: async (on: Knex) => on.raw(`deallocate all`) };
    };
    const outside = await losing();
    try {
      await outside.lose(outside.db);
      expect(await probe(outside.db, outside.owner, 'lost_probe', 1)).toEqual([{ id: 1, name: 'lost_probe 1' }]);
      for (const id of [1, 1]) await probe(outside.db, outside.owner, 'lost_probe', id);
      expect(await prepared(outside.db, 'lost_probe')).toEqual([]);
      if (prepares()) expect(preparesStatements(outside.db)).toBe(false);
    } finally {
      await outside.db.done();
    }
    if (!prepares()) return;
    const inside = await losing();
    try {
      const failure = await inside.db
        .transaction(async (trx) => {
          await trx('lost_probe').where('id', 1).update({ name: 'changed in the lost transaction' });
          await inside.lose(trx);
          await probe(trx, inside.owner, 'lost_probe', 1);
        })
        .catch((error: unknown) => error);
      expect(fromDatabaseError(failure, 'zh-CN')).toMatchObject({ status: 503, message: expect.stringMatching(/预备语句/) });
      expect(preparesStatements(inside.db)).toBe(false);
      expect(await probe(inside.db, inside.owner, 'lost_probe', 1)).toEqual([{ id: 1, name: 'lost_probe 1' }]);
    } finally {
      await inside.db.done();
    }
  });

  it('behind PgBouncer in transaction mode, left on by mistake, still answers every read (PG_TOPOLOGY=replicated)', async () => {
    const bouncer = database.kind === 'postgres' && !preparesStatements(database.db);
    // Elsewhere: the same reads on a connection that keeps its statements, all answered as well.
    // PGlite has one connection: its own knex.
    const own = database.kind === 'postgres';
    const db = own ? knexPackage.knex({ ...database.db.client.config, pool: { min: 0, max: 6 } }) : database.db;
    try {
      const owner = {};
      const reads = await Promise.all(Array.from({ length: 60 }, (_, i) => probe(db, owner, 'bounced_probe', 1 + (i % 2))));
      expect(reads.map((rows) => rows.length)).toEqual(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1 : 0)));
      if (own && !bouncer) expect(preparesStatements(db)).toBe(true);
    } finally {
      if (own) await db.destroy();
    }
  });

  it('reads a table that gained a column while the server ran: at once outside a transaction, a 503 that changed nothing inside one', async () => {
    const db = oneConnection();
    try {
      const owner = {};
      for (const id of [1, 1]) await probe(db, owner, 'changing_probe', id);
      await database.db.schema.alterTable('changing_probe', (t) => t.text('added').defaultTo('new'));
      // Outside a transaction: the statement is run again, unnamed, and the next runs prepare it afresh.
      expect(await probe(db, owner, 'changing_probe', 1)).toEqual([{ id: 1, name: 'changing_probe 1', added: 'new' }]);
      await probe(db, owner, 'changing_probe', 1);
      await database.db.schema.alterTable('changing_probe', (t) => t.text('again'));
      const failure = await db
        .transaction(async (trx) => {
          await trx('changing_probe').where('id', 1).update({ name: 'changed in the lost transaction' });
          await probe(trx, owner, 'changing_probe', 1);
        })
        .catch((error: unknown) => error);
      if (prepares()) {
        expect(fromDatabaseError(failure, 'en')).toMatchObject({ status: 503, message: expect.stringMatching(/tables changed/) });
        expect(await database.db('changing_probe').where('id', 1).first()).toMatchObject({ name: 'changing_probe 1' });
      } else {
        expect(failure).toBeUndefined();
      }
      expect(await probe(db, owner, 'changing_probe', 1)).toEqual([
        { id: 1, name: prepares() ? 'changing_probe 1' : 'changed in the lost transaction', added: 'new', again: null },
      ]);
    } finally {
      await db.done();
    }
  });
});
