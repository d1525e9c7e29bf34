/**
 * The actions of `x-actions` in a real `<Admin>` against the mocked API: the buttons offered by
 * stage and role, disabled on a record the user may not write, the confirmation naming what is
 * created, the call, the redirect to the opened record, refusals, and the bulk action on the list.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { http, HttpResponse } from 'msw';
import { Admin, memoryStore, type RaRecord } from 'react-admin';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider, salesMessages } from '../../src/i18n/index.js';
import { salesResources } from '../../src/resources/index.js';
import { actionModel } from './actionsFixture.js';
import { dealRecord, users } from './fixture.js';
import { dealIn } from './ruleForms.js';
import { API, apiHandlers, freshDb, mockApi } from './support.js';

const { server, seen } = mockApi();

/** The whole app at `path`, with the fixture model whose deals have actions. */
function renderActionsApp(path: string, locale = 'en') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Admin
        dataProvider={createSalesDataProvider(API, { model: actionModel, locale: () => locale })}
        i18nProvider={createSalesI18nProvider(actionModel, { defaultLocale: locale })}
        store={memoryStore()}
      >
        {salesResources(actionModel)}
      </Admin>
    </MemoryRouter>,
  );
}

/** `POST /deals/:id/actions/:name` answering as the server does on success: the customer created is opened. */
const converted = http.post(`${API}/deals/:id/actions/:name`, ({ params }) =>
  HttpResponse.json(
    {
      record: { ...dealRecord, id: Number(params.id) },
      created: [
        { as: 'customer', resource: 'customers', id: 9 },
        { as: 'contact', resource: 'contacts', id: 12 },
      ],
      opens: { resource: 'customers', id: 9 },
    },
    { status: 201 },
  ),
);

const posts = () => seen.filter((r) => r.method === 'POST');

describe('action buttons on the show page', () => {
  it('offers each action allowed in the stage to the roles listed', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.manager }));
    renderActionsApp('/deals/1/show');
    const button = (await screen.findByTestId('action-convert')) as HTMLButtonElement;
    expect(button.textContent).toBe('Convert to customer');
    expect(button.disabled).toBe(false);
    expect(screen.getByTestId('action-convert-tip').getAttribute('aria-label')).toBe('Creates the customer and its contact from the deal');
    expect(screen.getByTestId('action-copy').textContent).toBe('Copy deal');
  });

  it('hides an action outside its stages', async () => {
    server.use(...apiHandlers(dealIn('won'), seen));
    renderActionsApp('/deals/1/show');
    await screen.findByTestId('action-copy');
    expect(screen.queryByTestId('action-convert')).toBeNull();
  });

  it('hides an action from a role it does not list', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.rep }));
    renderActionsApp('/deals/1/show');
    const copy = (await screen.findByTestId('action-copy')) as HTMLButtonElement;
    expect(copy.disabled).toBe(false); // the rep owns the deal: may change it
    expect(screen.queryByTestId('action-convert')).toBeNull();
  });

  it('shows an action disabled, saying why, on a record the user may not change', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.viewer }));
    renderActionsApp('/deals/1/show');
    const copy = (await screen.findByTestId('action-copy')) as HTMLButtonElement;
    expect(copy.disabled).toBe(true);
    expect(screen.getByTestId('action-copy-tip').getAttribute('aria-label')).toBe('You may not change this record');
  });

  it('labels the buttons in the UI language', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderActionsApp('/deals/1/show', 'zh-CN');
    expect((await screen.findByTestId('action-convert')).textContent).toBe('转为客户');
  });

  it('confirms naming what is created, calls the endpoint and opens the record created', async () => {
    server.use(...apiHandlers(freshDb(), seen, [converted]));
    renderActionsApp('/deals/1/show');
    fireEvent.click(await screen.findByTestId('action-convert'));
    const dialog = await screen.findByTestId('action-dialog');
    expect(within(dialog).getByText('Convert to customer?')).toBeTruthy();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Customer', 'Contact (if needed)']);
    expect(posts()).toEqual([]);
    fireEvent.change(within(dialog).getByTestId('action-comment'), { target: { value: 'Signed at the fair' } });
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.url.pathname).toBe('/api/deals/1/actions/convert');
    expect(posts()[0]!.body).toEqual({ _comment: 'Signed at the fair' });
    // The customer created (id 9) is shown.
    await screen.findByText('Harbour Logistics');
    expect(screen.queryByText('Harbour upgrade')).toBeNull();
    await screen.findByText('Convert to customer: done');
  });

  it('sends {} without a comment, and cancelling sends nothing', async () => {
    server.use(...apiHandlers(freshDb(), seen, [converted]));
    renderActionsApp('/deals/1/show');
    fireEvent.click(await screen.findByTestId('action-copy'));
    let dialog = await screen.findByTestId('action-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByTestId('action-dialog')).toBeNull());
    fireEvent.click(screen.getByTestId('action-copy'));
    dialog = await screen.findByTestId('action-dialog');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Deal']);
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.url.pathname).toBe('/api/deals/1/actions/copy');
    expect(posts()[0]!.body).toEqual({});
  });

  it("shows the server's refusal and stays on the record", async () => {
    const refused = http.post(`${API}/deals/:id/actions/:name`, () =>
      HttpResponse.json({ message: 'The customer "Harbour upgrade" already exists', errors: { name: 'already used' } }, { status: 409 }),
    );
    server.use(...apiHandlers(freshDb(), seen, [refused]));
    renderActionsApp('/deals/1/show');
    fireEvent.click(await screen.findByTestId('action-convert'));
    fireEvent.click(within(await screen.findByTestId('action-dialog')).getByTestId('action-confirm'));
    const refusal = await screen.findByTestId('action-refusal-dialog');
    expect(within(refusal).getByText('Convert to customer was refused')).toBeTruthy();
    expect(within(refusal).getByText('The customer "Harbour upgrade" already exists')).toBeTruthy();
    expect(within(refusal).getByText('already used')).toBeTruthy();
    fireEvent.click(within(refusal).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByTestId('action-refusal-dialog')).toBeNull());
    expect(screen.getAllByText('Harbour upgrade').length).toBeGreaterThan(0);
  });
});

describe('bulk actions on the list', () => {
  const twoDeals = () => {
    const db = freshDb();
    db.deals!.push({ ...structuredClone(dealRecord), id: 2, name: 'Harbour renewal', stage: 'won' } as RaRecord);
    return db;
  };

  it('runs a bulk action on the selected records offered it, leaving out those in other stages, and reports what was done and refused', async () => {
    const bulk = http.post(`${API}/deals/actions/:name`, async ({ request }) => {
      const { ids } = (await request.json()) as { ids: number[] };
      return HttpResponse.json({
        results: ids.map((id) =>
          id === 3
            ? { id, ok: false, status: 409, message: 'Customer name taken' }
            : { id, ok: true, opens: { resource: 'customers', id: 9 } },
        ),
      });
    });
    const db = twoDeals();
    db.deals!.push({ ...structuredClone(dealRecord), id: 3, name: 'Harbour extension' } as RaRecord);
    server.use(...apiHandlers(db, seen, [bulk]));
    renderActionsApp('/deals');
    await screen.findByText('Harbour renewal');
    fireEvent.click(screen.getAllByRole('checkbox')[0]!); // selects all
    fireEvent.click(await screen.findByTestId('bulk-action-convert'));
    const dialog = await screen.findByTestId('action-dialog');
    // The won deal (id 2) is not offered the action: left out before asking.
    expect(within(dialog).getByText('Convert to customer on 2 records?')).toBeTruthy();
    expect(within(dialog).getByText(/1 selected record is not in a stage where this can be run and is left out/)).toBeTruthy();
    expect(screen.queryByTestId('bulk-action-copy')).toBeNull(); // not a bulk action
    fireEvent.click(within(dialog).getByTestId('action-confirm'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]!.url.pathname).toBe('/api/deals/actions/convert');
    expect((posts()[0]!.body as { ids: number[] }).ids.sort()).toEqual([1, 3]);
    await screen.findByText('Convert to customer: 1 done, 1 refused: 3: Customer name taken');
  });

  it('is disabled when no selected record is in a stage that offers it', async () => {
    server.use(...apiHandlers(twoDeals(), seen, []));
    renderActionsApp('/deals');
    await screen.findByText('Harbour renewal');
    fireEvent.click(within(screen.getByText('Harbour renewal').closest('tr')!).getByRole('checkbox')); // the won deal only
    const button = await screen.findByTestId('bulk-action-convert');
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(true));
    fireEvent.click(within(screen.getByText('Harbour upgrade').closest('tr')!).getByRole('checkbox')); // and an open one
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  });

  it('is not offered to a role the action does not list', async () => {
    server.use(...apiHandlers(twoDeals(), seen, [], { user: users.rep }));
    renderActionsApp('/deals');
    await screen.findByText('Harbour upgrade');
    fireEvent.click(screen.getAllByRole('checkbox')[1]!);
    await screen.findByRole('button', { name: 'Set Stage' });
    expect(screen.queryByTestId('bulk-action-convert')).toBeNull();
  });
});

describe('action messages', () => {
  it('name each action and describe it in both languages, for a host to override', () => {
    const zh = salesMessages(actionModel, 'zh-CN') as any;
    const en = salesMessages(actionModel, 'en') as any;
    expect(zh.resources.deals.actions).toEqual({ convert: '转为客户', copy: '复制交易' });
    expect(en.resources.deals.action_help).toEqual({ convert: 'Creates the customer and its contact from the deal' });
    expect(en.resources.customers.actions).toBeUndefined();
    expect(zh.ra_sales.actions.bulk_report).toBe('%{action}：%{done} 条已完成，%{refused} 条被拒绝：%{messages}');
  });
});
