/**
 * The app bar's search box in a host's `<Admin basename="/admin">` with SalesLayout: typing asks
 * `GET /search` once the typing settles, the matches show under their entity's label in the UI
 * language, and choosing one (keyboard or click) opens its show page inside the admin.
 */
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { Admin, AppBar, memoryStore, TitlePortal, type LayoutProps } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { isSearchable } from '../../src/layout/GlobalSearch.js';
import { SalesLayout } from '../../src/layout/index.js';
import { salesResources } from '../../src/resources/index.js';
import { staticGraph } from '../support/importGraph.js';
import { fixtureModel } from '../screens/fixture.js';
import { API, apiHandlers, freshDb, mockApi } from '../screens/support.js';

const { server, seen } = mockApi();

const HITS = [
  { resource: 'customers', id: 9, title: 'Harbour Logistics', match: { field: 'name', snippet: 'Harbour Logistics' } },
  { resource: 'customers', id: 7, title: 'Acme', match: { field: 'notes', snippet: '…ships through the harbour…' } },
  { resource: 'deals', id: 1, title: 'Harbour upgrade', match: { field: 'name', snippet: 'Harbour upgrade' } },
];

const LocationProbe = () => <div data-testid="location">{useLocation().pathname}</div>;

function renderApp(locale: 'en' | 'zh-CN', layout: (props: LayoutProps) => ReactNode) {
  const i18nProvider = createSalesI18nProvider(fixtureModel, { defaultLocale: locale });
  return render(
    <MemoryRouter initialEntries={['/admin/deals']}>
      <Routes>
        <Route
          path="/admin/*"
          element={
            <Admin
              basename="/admin"
              dataProvider={createSalesDataProvider(API, { model: fixtureModel })}
              i18nProvider={i18nProvider}
              layout={layout}
              store={memoryStore()}
              disableTelemetry
            >
              {salesResources(fixtureModel)}
            </Admin>
          }
        />
      </Routes>
      <LocationProbe />
    </MemoryRouter>,
  );
}

const SalesOnly = ({ children }: LayoutProps) => <SalesLayout model={fixtureModel}>{children}</SalesLayout>;

function serveSearch() {
  const asked: string[] = [];
  server.use(
    ...apiHandlers(freshDb(), seen, [
      http.get(`${API}/search`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('q') ?? '');
        return HttpResponse.json(HITS);
      }),
    ]),
  );
  return asked;
}

const searchInput = async () => within(await screen.findByRole('search')).getByRole('combobox');

describe('the search box of the app bar', () => {
  it('asks once the typing settles and lists the matches under their entity, then Enter opens the highlighted one', async () => {
    const asked = serveSearch();
    renderApp('en', SalesOnly);
    const input = await searchInput();
    fireEvent.change(input, { target: { value: 'h' } });
    expect(await screen.findByText('Type at least 2 letters or 1 Chinese character')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'har' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    fireEvent.change(input, { target: { value: 'harbour' } });
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByText('Harbour Logistics');
    expect(asked).toEqual(['harbour']);
    const groups = [...listbox.querySelectorAll('.MuiAutocomplete-groupLabel')].map((node) => node.textContent);
    expect(groups).toEqual(['Customers', 'Deals']);
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.querySelector('p, span')?.textContent),
    ).toEqual(['Harbour Logistics', 'Acme', 'Harbour upgrade']);
    // A match outside the title says where it was found.
    expect(within(listbox).getByText('notes: …ships through the harbour…')).toBeTruthy();

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/deals/1/show'));
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('groups under the Chinese labels in Chinese, and a click opens the record', async () => {
    serveSearch();
    renderApp('zh-CN', SalesOnly);
    const input = await searchInput();
    fireEvent.change(input, { target: { value: '港' } });
    const listbox = await screen.findByRole('listbox');
    await within(listbox).findByText('Harbour Logistics');
    const groups = [...listbox.querySelectorAll('.MuiAutocomplete-groupLabel')].map((node) => node.textContent);
    expect(groups).toEqual(['客户档案', '交易档案']);
    fireEvent.click(within(listbox).getByText('Harbour Logistics'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/admin/customers/9/show'));
  });

  it('keeps the language menu beside it, and a host’s own app bar replaces it', async () => {
    serveSearch();
    const view = renderApp('en', SalesOnly);
    await screen.findByRole('search');
    expect(screen.getByRole('button', { name: 'English' })).toBeTruthy();
    view.unmount();

    const HostBar = () => (
      <AppBar>
        <TitlePortal />
        <span data-testid="host-bar" />
      </AppBar>
    );
    renderApp('en', ({ children }) => (
      <SalesLayout model={fixtureModel} appBar={HostBar}>
        {children}
      </SalesLayout>
    ));
    await screen.findByTestId('host-bar');
    expect(screen.queryByRole('search')).toBeNull();
  });
});

describe('the search box, in code', () => {
  it('is loaded on demand: the main entry does not import it', () => {
    expect([...staticGraph('index.ts')].filter((file) => file.includes('GlobalSearch'))).toEqual([]);
  });

  it('searches from 1 Chinese character or 2 letters, as the server does', () => {
    expect(['', ' ', 'a', ' b '].map(isSearchable)).toEqual([false, false, false, false]);
    expect(['ab', '港', 'a b', '华东'].map(isSearchable)).toEqual([true, true, true, true]);
  });
});
