/** createSalesDataProvider: simple-rest plus the demo user, version, workflow and transition. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { HttpError } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';
import { fixtureModel } from './fixture.js';

const API = 'http://localhost/api';
const calls: { method: string; path: string; user: string | null; language: string | null; body?: unknown }[] = [];
const server = setupServer(
  http.all(`${API}/*`, async ({ request }) => {
    const body = request.method === 'GET' ? undefined : await request.json();
    const path = new URL(request.url).pathname;
    calls.push({
      method: request.method,
      path,
      user: request.headers.get('X-Sales-User'),
      language: request.headers.get('Accept-Language'),
      body,
    });
    if (path === '/api/deals/9')
      return HttpResponse.json({ message: 'Invalid record: amount', errors: { amount: 'must be >= 0' } }, { status: 400 });
    if (path.endsWith('/workflow')) return HttpResponse.json({ stage: 'open', next: [], pending: [] });
    if (request.method === 'GET') return HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': 'deals 0-0/1' } });
    return HttpResponse.json({ id: 1, ...(body as object) });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  calls.length = 0;
});
afterAll(() => server.close());

describe('createSalesDataProvider', () => {
  it('reads lists the simple-rest way and adds the demo user header', async () => {
    let user = 2;
    const dataProvider = createSalesDataProvider(API, { user: () => user });
    const list = await dataProvider.getList('deals', {
      pagination: { page: 1, perPage: 10 },
      sort: { field: 'id', order: 'ASC' },
      filter: {},
    });
    expect(list).toEqual({ data: [{ id: 1 }], total: 1 });
    user = 5;
    await dataProvider.getOne('deals', { id: 1 });
    expect(calls.map((c) => c.user)).toEqual(['2', '5']);
  });

  it("sends the UI's language, so the server's refusals come in it", async () => {
    let locale = 'zh-CN';
    const dataProvider = createSalesDataProvider(API, { locale: () => locale });
    await dataProvider.getOne('deals', { id: 1 });
    locale = 'en';
    await dataProvider.getOne('deals', { id: 1 });
    expect(calls.map((c) => c.language)).toEqual(['zh-CN', 'en']);
  });

  it('sends no user header unless configured', async () => {
    await createSalesDataProvider(API).getOne('deals', { id: 1 });
    expect(calls[0]!.user).toBeNull();
  });

  it('sends the version read with the record on update', async () => {
    const dataProvider = createSalesDataProvider(API);
    await dataProvider.update('deals', { id: 1, data: { name: 'x' }, previousData: { id: 1, version: 4 } });
    expect(calls[0]!.body).toEqual({ name: 'x', version: 4 });
  });

  it("keeps the server's { errors } on the thrown error, for react-admin to map on inputs", async () => {
    const dataProvider = createSalesDataProvider(API);
    const error = (await dataProvider
      .update('deals', { id: 9, data: { amount: -1 }, previousData: { id: 9 } })
      .catch((e) => e)) as HttpError;
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid record: amount');
    expect(error.body).toEqual({ message: 'Invalid record: amount', errors: { amount: 'must be >= 0' } });
  });

  it('reads the workflow and moves a record to a stage', async () => {
    const dataProvider = createSalesDataProvider(API, { model: fixtureModel });
    expect((await dataProvider.getWorkflow('deals', { id: 1 })).data.stage).toBe('open');
    await dataProvider.transition('deals', { id: 1, to: 'won', data: { note: 'signed' }, previousData: { id: 1, version: 2 } });
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', path: '/api/deals/1', body: { note: 'signed', stage: 'won', version: 2 } });
  });

  it('refuses a transition it cannot place', async () => {
    await expect(createSalesDataProvider(API).transition('deals', { id: 1, to: 'won' })).rejects.toThrow(/no model/);
  });
});
