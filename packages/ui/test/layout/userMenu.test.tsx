/**
 * The user menu: the identity `/me` gives (name, roles by label, team) and, in the demo only, a
 * searchable list of salespeople to act as; the choice is kept and sent with every request after.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { AdminContext, memoryStore } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { SalesUserMenu } from '../../src/layout/SalesUserMenu.js';
import { ACT_AS_STORAGE_KEY, demoActAs } from '../../src/user/actAs.js';
import { API, testModel } from '../workflow/support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  localStorage.clear();
});
afterAll(() => server.close());

const people = [
  { id: 1, name: 'Ada Admin', role: 'admin', team_id: 1 },
  { id: 5, name: 'Rui Rep', role: 'sales_rep', team_id: 1 },
  { id: 6, name: 'Sun Rep', role: 'sales_rep', team_id: 2 },
];

/** The API as the demo server answers: `/me` is whoever `X-Sales-User` names (the administrator without it). */
function demoApi(seenUsers: (string | null)[]) {
  server.use(
    http.get(`${API}/me`, ({ request }) => {
      const header = request.headers.get('X-Sales-User');
      seenUsers.push(header);
      const person = people.find((p) => String(p.id) === (header ?? '1'))!;
      return HttpResponse.json({ id: person.id, roles: [person.role], teamId: person.team_id, fullName: person.name });
    }),
    http.get(`${API}/teams/:id`, ({ params }) =>
      HttpResponse.json({ id: Number(params.id), name: params.id === '1' ? 'North team' : 'South team' }),
    ),
    http.get(`${API}/salespeople`, ({ request }) => {
      const q = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}').q as string | undefined;
      const rows = people.filter((p) => !q || p.name.toLowerCase().includes(q.toLowerCase()));
      return HttpResponse.json(rows, { headers: { 'Content-Range': `salespeople 0-${rows.length - 1}/${rows.length}` } });
    }),
  );
}

function renderMenu(demo: boolean) {
  const model = testModel();
  const actAs = demoActAs();
  const base = createSalesDataProvider(API, { model, ...(demo ? { user: actAs.user } : {}) });
  const dataProvider = demo ? { ...base, ...actAs.methods } : base;
  return render(
    <AdminContext dataProvider={dataProvider} i18nProvider={createSalesI18nProvider(model, { defaultLocale: 'en' })} store={memoryStore()}>
      <SalesUserMenu model={model} />
    </AdminContext>,
  );
}

const openMenu = async () => {
  fireEvent.click(within(await screen.findByTestId('sales-user-menu')).getByRole('button'));
  return screen.findByTestId('user-menu-identity');
};

describe('SalesUserMenu', () => {
  it('shows who the user is: name, roles by their labels, team', async () => {
    demoApi([]);
    renderMenu(false);
    const identity = await openMenu();
    await waitFor(() => expect(within(identity).getByText('Ada Admin')).toBeTruthy());
    expect(within(identity).getByText('Administrator')).toBeTruthy();
    await waitFor(() => expect(within(identity).getByText('Team: North team')).toBeTruthy());
    // Not the demo: no switch.
    expect(screen.queryByTestId('act-as-open')).toBeNull();
  });

  it('in the demo, acts as the salesperson chosen from the list, for every request after, and back', async () => {
    const seenUsers: (string | null)[] = [];
    demoApi(seenUsers);
    renderMenu(true);
    await openMenu();
    fireEvent.click(await screen.findByTestId('act-as-open'));
    const dialog = await screen.findByTestId('act-as-dialog');
    const search = within(dialog).getByRole('combobox');
    fireEvent.change(search, { target: { value: 'rep' } });
    const option = await screen.findByRole('option', { name: /Rui Rep/ });
    expect(within(option).getByText('Sales rep')).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Ada Admin/ })).toBeNull();
    fireEvent.click(option);
    await waitFor(() => expect(screen.queryByTestId('act-as-dialog')).toBeNull());
    expect(localStorage.getItem(ACT_AS_STORAGE_KEY)).toBe('5');
    // `/me` asked again, as the rep.
    const identity = await openMenu();
    await waitFor(() => expect(within(identity).getByText('Rui Rep')).toBeTruthy());
    expect(seenUsers.at(-1)).toBe('5');

    fireEvent.click(await screen.findByTestId('act-as-back'));
    await waitFor(() => expect(localStorage.getItem(ACT_AS_STORAGE_KEY)).toBeNull());
    const back = await openMenu();
    await waitFor(() => expect(within(back).getByText('Ada Admin')).toBeTruthy());
    expect(seenUsers.at(-1)).toBe(null);
  });
});
