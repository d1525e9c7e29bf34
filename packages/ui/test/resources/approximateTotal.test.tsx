/**
 * A total the server estimated (`X-Total-Count-Exact: false`) reaches the list as
 * `meta.totalExact === false`, and the pagination says "about" in the UI language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AdminContext, ListContextProvider, type ListControllerResult } from 'react-admin';
import { toClientModel } from '@ra-sales/schema';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/provider.js';
import { SalesPagination } from '../../src/resources/SalesPagination.js';
import { testModel } from '../workflow/support.js';

const API = 'http://localhost/api';
const rows = Array.from({ length: 25 }, (_, i) => ({ id: i + 1, name: `Customer ${i + 1}` }));
const server = setupServer(
  http.get(`${API}/customers`, ({ request }) => {
    const estimated = new URL(request.url).searchParams.get('filter')?.includes('estimated');
    return HttpResponse.json(rows, {
      headers: {
        'Content-Range': `customers 0-24/${estimated ? 12016 : 40}`,
        'X-Total-Count-Exact': estimated ? 'false' : 'true',
      },
    });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const list = (meta: unknown) =>
  ({
    page: 1,
    perPage: 25,
    total: 12016,
    meta,
    isPending: false,
    hasNextPage: true,
    hasPreviousPage: false,
    setPage: () => {},
    setPerPage: () => {},
  }) as unknown as ListControllerResult;

describe('an estimated total', () => {
  it('comes out of getList and getManyReference as meta.totalExact false, and not otherwise', async () => {
    const dataProvider = createSalesDataProvider(API);
    const params = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' as const } };
    const estimated = await dataProvider.getList('customers', { ...params, filter: { q: 'estimated' } });
    expect(estimated).toMatchObject({ total: 12016, meta: { totalExact: false } });
    const exact = await dataProvider.getList('customers', { ...params, filter: {} });
    expect(exact.total).toBe(40);
    expect(exact.meta?.totalExact).toBeUndefined();
    const related = await dataProvider.getManyReference('customers', { ...params, target: 'q', id: 'estimated', filter: {} });
    expect(related.meta).toEqual({ totalExact: false });
  });

  it('is shown as "about" in the UI language, rounded', async () => {
    const i18nProvider = createSalesI18nProvider(toClientModel(testModel()), { defaultLocale: 'zh-CN' });
    const { rerender } = render(
      <AdminContext i18nProvider={i18nProvider}>
        <ListContextProvider value={list({ totalExact: false })}>
          <SalesPagination />
        </ListContextProvider>
      </AdminContext>,
    );
    expect(await screen.findByText('第 1-25 条，共约 12,000 条')).toBeTruthy();
    rerender(
      <AdminContext i18nProvider={i18nProvider}>
        <ListContextProvider value={list(undefined)}>
          <SalesPagination />
        </ListContextProvider>
      </AdminContext>,
    );
    expect(screen.queryByText(/共约/)).toBeNull();
    expect(screen.getByText(/12016|12,016/)).toBeTruthy();
  });
});
