/** getList pages by keyset when it read the page before: `after=[sort value, id]` of that page's last row. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createSalesDataProvider } from '../../src/data/index.js';

const API = 'http://localhost/api';
const ROWS = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, amount: i < 3 ? 100 - i : null }));
const asked: URLSearchParams[] = [];
const server = setupServer(
  http.get(`${API}/deals`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    asked.push(params);
    const [start, end] = JSON.parse(params.get('range')!) as [number, number];
    const rows = ROWS.slice(start, end + 1);
    return HttpResponse.json(rows, { headers: { 'Content-Range': `deals ${start}-${start + rows.length - 1}/${ROWS.length}` } });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  asked.length = 0;
});
afterAll(() => server.close());

const page = (n: number, filter = {}) => ({
  pagination: { page: n, perPage: 2 },
  sort: { field: 'amount', order: 'DESC' as const },
  filter,
});

describe('keyset pages', () => {
  it('asks the page after one it read with after=[value, id] of its last row, and any other page by offset', async () => {
    const dataProvider = createSalesDataProvider(API);
    await dataProvider.getList('deals', page(1));
    await dataProvider.getList('deals', page(2));
    await dataProvider.getList('deals', page(3));
    await dataProvider.getList('deals', page(3, { owner_id: 4 }));
    expect(asked.map((p) => [p.get('range'), p.get('after')])).toEqual([
      ['[0,1]', null],
      ['[2,3]', '[99,2]'],
      ['[4,5]', '[null,4]'],
      ['[4,5]', null],
    ]);
  });

  it('remembers no position from a short page', async () => {
    const dataProvider = createSalesDataProvider(API);
    await dataProvider.getList('deals', { ...page(3), pagination: { page: 3, perPage: 2 } });
    await dataProvider.getList('deals', page(4));
    expect(asked.map((p) => p.get('after'))).toEqual([null, null]);
  });
});
