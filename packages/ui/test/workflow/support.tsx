/**
 * Test support for the workflow screens: the default model from `schemas/`, an in-memory REST
 * backend served by msw in the ra-data-simple-rest dialect, and a react-admin context around
 * the screen under test.
 */
import type { ReactNode } from 'react';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { render, type RenderResult } from '@testing-library/react';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { AdminContext, mergeTranslations, Notification, type DataProvider, type RaRecord } from 'react-admin';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import simpleRestProvider from 'ra-data-simple-rest';
import { loadModel, formatSchemaErrors, type SalesModel } from '@ra-sales/schema';
import { salesApiMethods } from '../../src/workflow/api.js';
import { workflowMessages } from '../../src/workflow/messages.js';

export const API = 'http://localhost/api';

let cachedModel: SalesModel | undefined;
export function testModel(): SalesModel {
  if (!cachedModel) {
    let dir = process.cwd();
    while (!existsSync(join(dir, 'schemas', 'model.json')) && dirname(dir) !== dir) dir = dirname(dir);
    const result = loadModel({ dir: join(dir, 'schemas') });
    if (!result.ok) throw new Error(formatSchemaErrors(result.errors));
    cachedModel = result.model;
  }
  return cachedModel;
}

export type Db = Record<string, RaRecord[]>;

export interface Request {
  method: string;
  path: string;
  body?: unknown;
}

function matches(row: RaRecord, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, value]) =>
    Array.isArray(value) ? value.map(String).includes(String(row[key])) : value === undefined || String(row[key]) === String(value),
  );
}

/**
 * CRUD handlers over `db` (lists honour filter, sort and range and send Content-Range) plus
 * `extra` handlers, which take precedence. Every request is recorded in `requests`.
 */
export function restHandlers(db: Db, requests: Request[] = [], extra: HttpHandler[] = []): HttpHandler[] {
  const record = async (request: globalThis.Request, path: string) => {
    const body =
      request.method === 'GET'
        ? undefined
        : await request
            .clone()
            .json()
            .catch(() => undefined);
    requests.push({ method: request.method, path, body });
  };
  return [
    ...extra,
    http.all(`${API}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.replace('/api', '');
      await record(request, path);
      const [, resource, id] = path.split('/');
      const rows = db[resource ?? ''];
      if (!rows) return HttpResponse.json({ message: 'not found' }, { status: 404 });
      if (request.method === 'GET' && !id) {
        const filter = JSON.parse(url.searchParams.get('filter') ?? '{}') as Record<string, unknown>;
        const [field, order] = JSON.parse(url.searchParams.get('sort') ?? '["id","ASC"]') as [string, string];
        const [start, end] = JSON.parse(url.searchParams.get('range') ?? '[0,9]') as [number, number];
        const found = rows.filter((row) => matches(row, filter));
        const sign = order === 'DESC' ? -1 : 1;
        found.sort((a, b) => (a[field] > b[field] ? sign : a[field] < b[field] ? -sign : 0));
        const page = found.slice(start, end + 1);
        return HttpResponse.json(page, {
          headers: { 'Content-Range': `${resource} ${start}-${start + Math.max(page.length - 1, 0)}/${found.length}` },
        });
      }
      const index = rows.findIndex((row) => String(row.id) === id);
      if (index < 0) return HttpResponse.json({ message: 'not found' }, { status: 404 });
      if (request.method === 'GET') return HttpResponse.json(rows[index]);
      if (request.method === 'PUT') {
        const body = (requests.at(-1)?.body ?? {}) as RaRecord;
        rows[index] = { ...rows[index], ...body, id: rows[index]!.id };
        return HttpResponse.json(rows[index]);
      }
      return HttpResponse.json({ message: 'unsupported' }, { status: 405 });
    }),
  ];
}

export function testDataProvider() {
  return { ...simpleRestProvider(API), ...salesApiMethods(API) };
}

export function renderInAdmin(ui: ReactNode, locale = 'en', dataProvider: DataProvider = testDataProvider()): RenderResult {
  const i18nProvider = polyglotI18nProvider(
    (lang) => mergeTranslations(englishMessages, lang === 'zh-CN' ? workflowMessages['zh-CN'] : workflowMessages.en),
    locale,
    [],
    { allowMissing: true },
  );
  return render(
    <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
      {ui}
      <Notification />
    </AdminContext>,
  );
}
