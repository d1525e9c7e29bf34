/** Rendering the sales screens inside a real `<Admin>` against an msw-mocked REST API. */
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { configure, render, type RenderResult } from '@testing-library/react';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { Admin, AdminContext, memoryStore, type LayoutComponent, type RaRecord } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { salesResources, type SalesResourcesOptions } from '../../src/resources/index.js';
import { API, restHandlers, type Db, type Request } from '../workflow/support.js';
import { contactRecords, customerRecord, dealRecord, fixtureModel, users } from './fixture.js';

export { API };

// A whole <Admin> renders slowly on a busy 2-core machine running test files side by side.
configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 60_000 });

/** A fresh database with one deal, its customer, contacts and no history. */
export const freshDb = (): Db => ({
  deals: [structuredClone(dealRecord) as RaRecord],
  customers: [{ ...customerRecord }, { id: 9, version: 1, name: 'Harbour Logistics' }],
  contacts: structuredClone(contactRecords) as RaRecord[],
  history: [],
  approvals: [],
});

/** Requests with their query string, for the assertions on filters and sorting. */
/** An msw server for one test file: listening while it runs; handlers and the seen requests reset after each test. */
export function mockApi() {
  const seen: SeenRequest[] = [];
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

export interface SeenRequest {
  method: string;
  url: URL;
  body?: unknown;
}

/** What `GET /me` answers in these tests (default: an admin, who may write everything). */
export interface ApiOptions {
  user?: { id: number; roles: string[]; teamId: number | null; fullName: string };
}

/** The CRUD backend plus the workflow endpoint and `/me`; every request is recorded in `seen`. */
export function apiHandlers(
  db: Db,
  seen: SeenRequest[],
  extra: HttpHandler[] = [],
  { user = users.admin }: ApiOptions = {},
): HttpHandler[] {
  const requests: Request[] = [];
  return [
    http.all(`${API}/*`, async ({ request }) => {
      const body =
        request.method === 'GET'
          ? undefined
          : await request
              .clone()
              .json()
              .catch(() => undefined);
      seen.push({ method: request.method, url: new URL(request.url), body });
      return undefined; // fall through to the next handler
    }),
    ...extra,
    http.get(`${API}/me`, () => HttpResponse.json(user)),
    http.get(`${API}/:resource/:id/workflow`, ({ params }) => {
      const row = db[params.resource as string]?.find((r) => String(r.id) === params.id);
      return HttpResponse.json({ stage: row?.stage, next: [], pending: [] });
    }),
    ...restHandlers(db, requests),
  ];
}

const providers = (locale: string, model: ClientSalesModel = fixtureModel) => ({
  dataProvider: createSalesDataProvider(API, { model }),
  i18nProvider: createSalesI18nProvider(model, { defaultLocale: locale }),
  store: memoryStore(),
});

/** The whole app at `path`: `<Admin>` with `salesResources(model)`, the fixture's model unless told. */
export function renderApp(
  path: string,
  options: { locale?: string; layout?: LayoutComponent; model?: ClientSalesModel } & SalesResourcesOptions = {},
): RenderResult {
  const { locale = 'en', layout, model = fixtureModel, ...resourceOptions } = options;
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Admin {...providers(locale, model)} layout={layout}>
        {salesResources(model, resourceOptions)}
      </Admin>
    </MemoryRouter>,
  );
}

/** One component inside the react-admin contexts (no routes). */
export function renderInContext(ui: ReactNode, locale = 'en'): RenderResult {
  return render(<AdminContext {...providers(locale)}>{ui}</AdminContext>);
}
