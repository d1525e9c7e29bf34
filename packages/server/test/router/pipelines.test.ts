/**
 * The opportunity's pipelines over HTTP: a record starts in its pipeline's first stage, moves only
 * within it, and changes pipeline only by a declared switch (by the roles it names, from an open
 * stage, into the stage it maps to), leaving a history row.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachDatabase } from '../support/databases.js';
import { startTestServer, type TestServer, type UserName } from './support/server.js';

forEachDatabase('router pipelines', (database) => {
  let server: TestServer;
  let db: Knex;
  let customerId: number;

  beforeAll(async () => {
    server = await startTestServer(database.db);
    db = database.db;
    const customer = await server.request('POST', '/customers', { as: 'repA', body: { name: 'Acme Steel', grade: 'A' } });
    customerId = customer.json.id;
  });
  afterAll(() => server?.close());

  async function create(extra: Record<string, unknown> = {}) {
    const answer = await server.request('POST', '/opportunities', {
      as: 'repA',
      body: { name: 'Plant 7', customer_id: customerId, ...extra },
    });
    expect(answer.status).toBe(201);
    return answer.json as Record<string, any>;
  }
  const put = (record: Record<string, any>, changes: Record<string, unknown>, as: UserName = 'repA') =>
    server.request('PUT', `/opportunities/${record.id}`, { as, body: { ...record, ...changes } });
  const history = (id: number) => db('sales_history').where({ resource: 'opportunities', record_id: id }).orderBy('id');

  it('starts a record in the first stage of the pipeline it is created in; the main one by default', async () => {
    expect(await create()).toMatchObject({ pipeline: 'standard', stage: 'development' });
    const major = await create({ pipeline: 'major_account' });
    expect(major).toMatchObject({ pipeline: 'major_account', stage: 'ma_customer_analysis' });
    expect(await history(major.id)).toMatchObject([{ from_stage: null, to_stage: 'ma_customer_analysis' }]);
    const wrongStart = await server.request('POST', '/opportunities', {
      as: 'repA',
      body: { name: 'x', customer_id: customerId, pipeline: 'major_account', stage: 'development' },
    });
    expect(wrongStart.status).toBe(400);
    expect(wrongStart.json.errors.stage).toBe('must be Customer analysis on create');
  });

  it('moves a record only within its pipeline', async () => {
    const major = await create({ pipeline: 'major_account' });
    const across = await put(major, { stage: 'initiation' });
    expect(across.status).toBe(409);
    expect(across.json.allowed).toEqual(expect.arrayContaining(['ma_build_trust']));
    expect(across.json.allowed).not.toContain('initiation');
  });

  it('changes pipeline by a declared switch: into the mapped stage, with a history row', async () => {
    const record = await create();
    const switched = await put(record, { pipeline: 'major_account' });
    expect(switched.status).toBe(200);
    expect(switched.json).toMatchObject({ pipeline: 'major_account', stage: 'ma_customer_analysis' });
    expect((await history(record.id)).at(-1)).toMatchObject({
      from_stage: 'development',
      to_stage: 'ma_customer_analysis',
      comment: 'Pipeline: Project sale (six stages) → Major account (six-step selling)',
    });
  });

  it('refuses a switch by a role it does not name, to a pipeline no switch leads to, from a closed stage, or into another stage', async () => {
    const major = await create({ pipeline: 'major_account' });
    const byRep = await put(major, { pipeline: 'real_estate' });
    expect(byRep.status).toBe(403);
    expect(byRep.json.message).toBe(
      'Only Sales manager, Sales director may change a record from Major account (six-step selling) to Real-estate sale',
    );
    const byManager = await put(major, { pipeline: 'real_estate' }, 'managerNorth');
    expect(byManager.status).toBe(200);
    expect(byManager.json).toMatchObject({ pipeline: 'real_estate', stage: 're_reception' });

    const standard = await create();
    const elsewhere = await put(standard, { pipeline: 'major_account', stage: 'ma_needs' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.json.errors.stage).toBe('changing to Major account (six-step selling) puts the record in Customer analysis');

    const lost = await put(standard, { stage: 'lost', close_reason: 'budget cut' });
    expect(lost.status).toBe(200);
    const closed = await put(lost.json, { pipeline: 'major_account' }, 'managerNorth');
    expect(closed.status).toBe(409);
    expect(closed.json.message).toBe('A record in Lost is closed: it cannot change pipeline');
    expect((await server.request('GET', `/opportunities/${standard.id}`)).json).toMatchObject({ pipeline: 'standard', stage: 'lost' });
  });

  it('lists the records of one pipeline, as the board asks', async () => {
    const answer = await server.request('GET', `/opportunities?filter=${encodeURIComponent(JSON.stringify({ pipeline: 'real_estate' }))}`, {
      as: 'managerNorth',
    });
    expect(answer.status).toBe(200);
    expect(answer.json.length).toBeGreaterThan(0);
    expect(
      answer.json.every((row: { pipeline: string; stage: string }) => row.pipeline === 'real_estate' && row.stage.startsWith('re_')),
    ).toBe(true);
  });
});
