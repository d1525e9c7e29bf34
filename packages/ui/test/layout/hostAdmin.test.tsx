/**
 * The sales screens dropped into a host's `<Admin basename="/admin">` with the host's own French
 * i18n, as react-admin's examples/simple would: the menu links stay inside the admin, the
 * host's texts stay French, the sales texts are English, the board loads on demand.
 */
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { Admin, AdminContext, memoryStore, Menu, Resource, Title, useTranslate, type I18nProvider } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider, SalesLocaleSwitcher } from '../../src/i18n/index.js';
import { SalesLayout } from '../../src/layout/index.js';
import { salesResources } from '../../src/resources/index.js';
import { salesCustomRoutes } from '../../src/workflow/routes.js';
import { fixtureModel } from '../screens/fixture.js';
import { API, apiHandlers, freshDb, mockApi } from '../screens/support.js';
import { hostI18nProvider } from '../i18n/hosts.js';

const { server, seen } = mockApi();

const PostList = () => {
  const translate = useTranslate();
  return (
    <div data-testid="post-list">
      <Title title={translate('resources.posts.name', { smart_count: 2 })} />
      {translate('resources.posts.fields.nb_comments')}
    </div>
  );
};

const HostLayout = ({ children }: { children: ReactNode }) => (
  <SalesLayout model={fixtureModel} boards={['deals']} menuItems={<Menu.ResourceItem name="posts" />}>
    {children}
  </SalesLayout>
);

function renderHostApp(
  path: string,
  i18nProvider: I18nProvider = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider() }),
) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/" element={<div>host home</div>} />
        <Route
          path="/admin/*"
          element={
            <Admin
              basename="/admin"
              dataProvider={createSalesDataProvider(API, { model: fixtureModel })}
              i18nProvider={i18nProvider}
              layout={HostLayout}
              store={memoryStore()}
              disableTelemetry
            >
              <Resource name="posts" list={PostList} />
              {salesResources(fixtureModel)}
              {salesCustomRoutes(fixtureModel)}
            </Admin>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

const menuLinks = () =>
  [...document.querySelectorAll<HTMLAnchorElement>('.RaMenu-open a, .RaMenu-closed a')].map((a) => a.getAttribute('href'));

describe('the sales screens in a host <Admin basename="/admin"> with French i18n', () => {
  it('keeps every menu link under the basename', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderHostApp('/admin/posts');
    await screen.findByTestId('post-list');
    await waitFor(() => expect(menuLinks()).toContain('/admin/approvals-inbox'));
    const links = menuLinks();
    expect(links).toEqual(
      expect.arrayContaining([
        '/admin/posts',
        '/admin/deals',
        '/admin/customers',
        '/admin/contacts',
        '/admin/board/deals',
        '/admin/board',
        '/admin/approvals-inbox',
      ]),
    );
    expect(links.filter((href) => !href?.startsWith('/admin/'))).toEqual([]);
  });

  it('lists the boards and the approvals, with the requests waiting, before the groups, which fold', async () => {
    const db = freshDb();
    db.approvals = [1, 2, 3].map((id) => ({
      id,
      status: 'pending',
      role: 'sales_manager',
      resource: 'deals',
      record_id: 1,
      to_stage: 'won',
    }));
    server.use(...apiHandlers(db, seen));
    renderHostApp('/admin/posts');
    await screen.findByTestId('post-list');
    const approvals = await screen.findByTestId('menu-approvals');
    await waitFor(() => expect(within(approvals).getByTestId('pending-approvals-count').textContent).toBe('3'));
    const links = menuLinks();
    expect(links.indexOf('/admin/approvals-inbox')).toBeLessThan(links.indexOf('/admin/customers'));
    const group = document.querySelector('[data-testid="menu-group"]') as HTMLElement;
    fireEvent.click(group);
    await waitFor(() => expect(menuLinks()).not.toContain('/admin/customers'));
    fireEvent.click(group);
    await waitFor(() => expect(menuLinks()).toContain('/admin/customers'));
  });

  it("shows the host's French and the sales labels in English", async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderHostApp('/admin/posts');
    const page = await screen.findByTestId('post-list');
    expect(page.textContent).toBe('Nb de commentaires');
    const menu = document.querySelector('.RaMenu-open, .RaMenu-closed') as HTMLElement;
    await within(menu).findByText('Articles');
    expect(within(menu).getByText('Deals')).toBeTruthy();
    expect(within(menu).getByText('Customers')).toBeTruthy();
    expect(within(menu).getByText('Sales')).toBeTruthy();
    expect(within(menu).getByText('Workflow boards')).toBeTruthy();
    expect(screen.queryByText('resources.posts.fields.nb_comments')).toBeNull();
  });

  it('opens the board index and, on demand, the lazy board inside the admin', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderHostApp('/admin/posts');
    await screen.findByTestId('post-list');
    const menu = document.querySelector('.RaMenu-open, .RaMenu-closed') as HTMLElement;
    fireEvent.click(await within(menu).findByText('Workflow boards'));
    const index = await screen.findByTestId('board-index');
    const card = within(index).getByText('Deals').closest('a')!;
    expect(card.getAttribute('href')).toBe('/admin/board/deals');
    fireEvent.click(card);
    expect(screen.queryByTestId('workflow-board')).toBeNull(); // still loading its chunk
    await screen.findByTestId('workflow-board');
    await screen.findByText('Harbour upgrade');
    expect(screen.queryByText('host home')).toBeNull();
  });

  it('renders the lazy board when the app opens on its URL', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderHostApp('/admin/board/deals');
    const board = await screen.findByTestId('workflow-board');
    expect(board.querySelectorAll('[data-testid="board-column"]')).toHaveLength(3);
  });
});

describe('SalesLocaleSwitcher', () => {
  it("offers the host's languages and the library's, each once", async () => {
    const i18nProvider = createSalesI18nProvider(fixtureModel, { i18nProvider: hostI18nProvider() });
    render(
      <AdminContext i18nProvider={i18nProvider} store={memoryStore()}>
        <SalesLocaleSwitcher />
      </AdminContext>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /Français/ }));
    const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
    expect(items).toEqual(['English', 'Français', '中文']);
  });
});
