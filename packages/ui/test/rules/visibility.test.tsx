/**
 * Create / Edit / Delete / bulk Delete follow the model's access rules (`x-access` write scopes)
 * and the current user (`GET /me`), in a real `<Admin>` against the mocked API — with no
 * authProvider, and with one whose `canAccess` allows everything (our rule still applies).
 */
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { Admin, memoryStore, type AuthProvider } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { salesResources } from '../../src/resources/index.js';
import { inWriteScope, recordAccess } from '../../src/rules/index.js';
import { customers, fixtureModel, users } from '../screens/fixture.js';
import { API, apiHandlers, freshDb, mockApi } from '../screens/support.js';

const { server, seen } = mockApi();

/** A host authProvider granting everything through react-admin's `canAccess`. */
const allowAll: AuthProvider = {
  login: () => Promise.resolve(),
  logout: () => Promise.resolve(),
  checkAuth: () => Promise.resolve(),
  checkError: () => Promise.resolve(),
  canAccess: () => Promise.resolve(true),
};

function renderAt(path: string, authProvider?: AuthProvider) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Admin
        dataProvider={createSalesDataProvider(API, { model: fixtureModel })}
        i18nProvider={createSalesI18nProvider(fixtureModel, { defaultLocale: 'en' })}
        authProvider={authProvider}
        store={memoryStore()}
      >
        {salesResources(fixtureModel)}
      </Admin>
    </MemoryRouter>,
  );
}

const meAnswered = () => waitFor(() => expect(seen.some((r) => r.url.pathname === '/api/me')).toBe(true));
const rowActions = (name: string) => within(screen.getByText(name).closest('tr')!).getByTestId('row-actions');
const selectRow = (name: string) => fireEvent.click(within(screen.getByText(name).closest('tr')!).getByRole('checkbox'));
/** The bulk actions toolbar, once a row is selected. */
const bulkToolbar = async () => (await screen.findByText(/1 item selected/)).closest('.MuiToolbar-root') as HTMLElement;

describe.each([
  ['without an authProvider', undefined],
  ['with a host canAccess that allows everything', allowAll],
] as const)('a read-only role (%s)', (_, authProvider) => {
  it('sees no Create, no row Edit / Delete, no bulk Delete or bulk update on the list', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.viewer }));
    renderAt('/deals', authProvider);
    await screen.findByText('Harbour upgrade');
    await meAnswered();
    // Export is there (the list toolbar is rendered), Create is not.
    await screen.findAllByRole('button', { name: 'Export' });
    expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
    expect(rowActions('Harbour upgrade').childElementCount).toBe(0);
    selectRow('Harbour upgrade');
    const toolbar = await bulkToolbar();
    expect(within(toolbar).getByRole('button', { name: 'Export' })).toBeTruthy();
    expect(within(toolbar).queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(within(toolbar).queryByRole('button', { name: /^Set / })).toBeNull();
  });

  it('sees no Edit / Delete on the show page', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.viewer }));
    renderAt('/deals/1/show', authProvider);
    await screen.findByText('Harbour upgrade');
    await meAnswered();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('is not invited to create on an empty list', async () => {
    const db = freshDb();
    db.deals = [];
    server.use(...apiHandlers(db, seen, [], { user: users.viewer }));
    renderAt('/deals', authProvider);
    await screen.findByText(/No Deal yet|No Deals yet|No .* yet/i);
    await meAnswered();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
  });
});

describe.each([
  ['without an authProvider', undefined],
  ['with a host canAccess that allows everything', allowAll],
] as const)('a writer (%s)', (_, authProvider) => {
  it('sees Create, row Edit / Delete and bulk Delete on the list', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.admin }));
    renderAt('/deals', authProvider);
    await screen.findByRole('link', { name: 'Create' });
    await waitFor(() => expect(within(rowActions('Harbour upgrade')).getByRole('link', { name: 'Edit' })).toBeTruthy());
    expect(within(rowActions('Harbour upgrade')).getByRole('button', { name: 'Delete' })).toBeTruthy();
    selectRow('Harbour upgrade');
    const toolbar = await bulkToolbar();
    expect(within(toolbar).getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('sees Edit / Delete on the show page', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.rep })); // the deal's owner
    renderAt('/deals/1/show', authProvider);
    await screen.findByRole('link', { name: 'Edit' });
    expect(screen.getByRole('button', { name: 'Delete' })).toBeTruthy();
  });

  it('is invited to create on an empty list', async () => {
    const db = freshDb();
    db.deals = [];
    server.use(...apiHandlers(db, seen, [], { user: users.rep }));
    renderAt('/deals', authProvider);
    await screen.findByRole('link', { name: 'Create' });
  });
});

describe('while the user is being fetched', () => {
  it('offers no Create (it would flash and vanish for a reader), then offers it to a writer', async () => {
    const slowMe = http.get(`${API}/me`, async () => {
      await delay(800);
      return HttpResponse.json(users.admin);
    });
    server.use(...apiHandlers(freshDb(), seen, [slowMe]));
    renderAt('/deals');
    await screen.findByText('Harbour upgrade');
    await screen.findAllByRole('button', { name: 'Export' });
    expect(screen.queryByRole('link', { name: 'Create' })).toBeNull();
    await screen.findByRole('link', { name: 'Create' });
  });
});

describe('write scopes on an entity without an owner field', () => {
  const withAccess = (access: EntityModel['access'], resource = customers.resource): EntityModel => ({ ...customers, resource, access });
  const rep = { id: 5, roles: ['sales_rep'] };

  it('own or team write nothing, as on the server', () => {
    for (const write of ['own', 'team'] as const) {
      const entity = withAccess({ roles: { sales_rep: { read: 'all', write } }, default: { read: 'all', write: 'none' } });
      expect(inWriteScope(entity, rep, { id: 7 })).toBe(false);
      expect(recordAccess(entity, rep, { id: 7 })).toEqual({ edit: false, delete: false });
    }
  });

  it("except the users entity model.json declares, whatever its name, whose own row is the user's", () => {
    const ownRow = {
      roles: { sales_rep: { read: 'all', write: 'own' } },
      default: { read: 'all', write: 'none' },
    } as EntityModel['access'];
    const staff = withAccess(ownRow, 'staff');
    expect(inWriteScope(staff, rep, { id: 5 }, 'staff')).toBe(true);
    expect(inWriteScope(staff, rep, { id: 6 }, 'staff')).toBe(false);
    expect(recordAccess(staff, rep, { id: 5 }, 'staff').edit).toBe(true);
    // "salespeople" is nothing special: not the users entity of this model, no own row.
    const salespeople = withAccess(ownRow, 'salespeople');
    expect(inWriteScope(salespeople, rep, { id: 5 }, 'staff')).toBe(false);
    expect(inWriteScope(staff, rep, { id: 5 })).toBe(false);
  });
});
