/** runAction / runBulkAction of createSalesDataProvider against the HTTP contract of `x-actions`. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { HttpError } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';

const API = 'http://localhost/api';
const calls: { method: string; path: string; user: string | null; language: string | null; contentType: string | null; body?: unknown }[] =
  [];
const server = setupServer(
  http.post(`${API}/*`, async ({ request }) => {
    const body = await request.json();
    const path = new URL(request.url).pathname;
    calls.push({
      method: request.method,
      path,
      user: request.headers.get('X-Sales-User'),
      language: request.headers.get('Accept-Language'),
      contentType: request.headers.get('Content-Type'),
      body,
    });
    if (path === '/api/leads/9/actions/convert') {
      return HttpResponse.json({ message: '线索已转换', errors: { status: '已转换' } }, { status: 409 });
    }
    if (path === '/api/leads/actions/convert') {
      return HttpResponse.json({
        results: [
          { id: 1, ok: true, opens: { resource: 'opportunities', id: 40 } },
          { id: 2, ok: false, status: 409, message: 'Already converted' },
        ],
      });
    }
    return HttpResponse.json(
      {
        record: { id: 3, status: 'converted' },
        created: [
          { as: 'customer', resource: 'customers', id: 12 },
          { as: 'opportunity', resource: 'opportunities', id: 40 },
        ],
        opens: { resource: 'opportunities', id: 40 },
      },
      { status: 201 },
    );
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  calls.length = 0;
});
afterAll(() => server.close());

describe('runAction', () => {
  it('posts {} to /<resource>/<id>/actions/<name> and answers the record, the records created and the one to open', async () => {
    const dataProvider = createSalesDataProvider(API);
    const { data } = await dataProvider.runAction('leads', { id: 3, name: 'convert' });
    expect(calls).toMatchObject([{ method: 'POST', path: '/api/leads/3/actions/convert', body: {}, contentType: 'application/json' }]);
    expect(data).toEqual({
      record: { id: 3, status: 'converted' },
      created: [
        { as: 'customer', resource: 'customers', id: 12 },
        { as: 'opportunity', resource: 'opportunities', id: 40 },
      ],
      opens: { resource: 'opportunities', id: 40 },
    });
  });

  it('sends the comment as _comment, with the language and the demo user', async () => {
    const dataProvider = createSalesDataProvider(`${API}/`, { user: 5, locale: () => 'zh-CN' });
    await dataProvider.runAction('leads', { id: 3, name: 'convert', comment: 'Met at the fair' });
    expect(calls).toMatchObject([
      { path: '/api/leads/3/actions/convert', body: { _comment: 'Met at the fair' }, user: '5', language: 'zh-CN' },
    ]);
  });

  it("rejects a refusal with the server's message and errors", async () => {
    const dataProvider = createSalesDataProvider(API, { locale: () => 'zh-CN' });
    const error = (await dataProvider.runAction('leads', { id: 9, name: 'convert' }).catch((e) => e)) as HttpError;
    expect(error.status).toBe(409);
    expect(error.message).toBe('线索已转换');
    expect(error.body).toEqual({ message: '线索已转换', errors: { status: '已转换' } });
  });
});

describe('runBulkAction', () => {
  it('posts the ids to /<resource>/actions/<name> and answers one result per id', async () => {
    const dataProvider = createSalesDataProvider(API, { locale: () => 'en' });
    const { data } = await dataProvider.runBulkAction('leads', { ids: [1, 2], name: 'convert' });
    expect(calls).toMatchObject([{ method: 'POST', path: '/api/leads/actions/convert', body: { ids: [1, 2] }, language: 'en' }]);
    expect(data).toEqual([
      { id: 1, ok: true, opens: { resource: 'opportunities', id: 40 } },
      { id: 2, ok: false, status: 409, message: 'Already converted' },
    ]);
  });

  it('sends a comment for every record as _comment', async () => {
    await createSalesDataProvider(API).runBulkAction('leads', { ids: [1], name: 'convert', comment: 'Fair leads' });
    expect(calls[0]!.body).toEqual({ ids: [1], _comment: 'Fair leads' });
  });
});
