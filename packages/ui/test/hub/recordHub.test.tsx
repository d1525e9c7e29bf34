/**
 * A customer's show page of the default schemas: its related lists (`x-related`) in the declared
 * order, each read through the list endpoint filtered by the reference, and its activity timeline.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { toClientModel, type ClientSalesModel } from '@ra-sales/schema';
import { testModel, type Db } from '../workflow/support.js';
import { apiHandlers, mockApi, renderApp } from '../screens/support.js';

const { server, seen } = mockApi();
// react-admin scrolls to the top on navigation, which jsdom does not implement.
beforeAll(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

let model: ClientSalesModel | undefined;
const defaultModel = () => (model ??= toClientModel(testModel()));

const customer = { id: 1, version: 3, name: 'Acme Steel', grade: 'B', status: 'intent', owner_id: 2, credit_limit: 200_000 };
const db = (): Db => ({
  customers: [{ ...customer }],
  salespeople: [
    { id: 1, name: '王芳', role: 'sales_rep' },
    { id: 2, name: 'Li Lei', role: 'sales_rep' },
  ],
  contacts: [
    { id: 10, name: 'Ms. Li', customer_id: 1, owner_id: 2 },
    { id: 11, name: 'Someone else', customer_id: 9, owner_id: 2 },
  ],
  opportunities: [{ id: 20, name: 'ERP rollout', customer_id: 1, stage: 'development', owner_id: 2 }],
  quotes: [],
  contracts: [],
  sales_orders: [],
  collections: [],
  complaints: [],
  history: [],
  approvals: [],
  tasks: [],
});

const user = (id: number, name: string | null) => ({ id, name });
const TIMELINE = {
  entries: [
    {
      id: 'history-2',
      kind: 'moved',
      at: '2026-03-02T09:30:00.000Z',
      user: user(2, 'Li Lei'),
      from: 'potential',
      to: 'intent',
      comment: 'Met at the fair',
    },
    {
      id: 'decided-1',
      kind: 'approval_decided',
      at: '2026-03-02T09:30:00.000Z',
      user: user(1, '王芳'),
      approval: { id: 1, role: 'sales_manager', label: { en: 'Credit review', 'zh-CN': '信用审核' }, from: 'potential', to: 'intent' },
      status: 'approved',
      comment: 'Fine',
    },
    {
      id: 'audit-5',
      kind: 'changed',
      at: '2026-03-01T08:00:00.000Z',
      user: user(1, '王芳'),
      changes: [
        { field: 'grade', before: 'C', after: 'B' },
        { field: 'credit_limit', before: null, after: 200_000 },
        { field: 'owner_id', before: 1, after: 2 },
      ],
    },
    { id: 'audit-1', kind: 'created', at: '2026-02-27T08:00:00.000Z', user: user(1, null) },
  ],
  next: null,
};

const timeline = () => http.get('http://localhost/api/customers/1/timeline', () => HttpResponse.json(TIMELINE));

describe("a customer's show page", () => {
  it('shows the declared related lists in order, each filtered by the reference, with a create button that fills it in', async () => {
    server.use(...apiHandlers(db(), seen, [timeline()]));
    renderApp('/customers/1/show', { model: defaultModel() });
    await screen.findByText('Ms. Li');
    const lists = screen.getAllByTestId('related-list');
    expect(lists.map((list) => list.dataset.resource)).toEqual([
      'contacts',
      'opportunities',
      'quotes',
      'contracts',
      'sales_orders',
      'collections',
      'complaints',
    ]);
    expect(lists.map((list) => within(list).getByRole('heading').textContent)).toEqual([
      'Contacts',
      'Opportunities',
      'Quotes & bids',
      'Sales contracts',
      'Sales orders',
      'Collections',
      'Complaints',
    ]);
    const contacts = lists[0]!;
    expect(within(contacts).queryByText('Someone else')).toBeNull();
    await within(lists[1]!).findByText('ERP rollout');
    expect(within(lists[2]!).getByText('None yet')).toBeTruthy();
    const filters = seen
      .filter((r) => r.method === 'GET' && r.url.pathname === '/api/contacts' && r.url.searchParams.has('range'))
      .map((r) => JSON.parse(r.url.searchParams.get('filter') ?? '{}'));
    expect(filters).toContainEqual({ customer_id: 1 });
    expect(within(contacts).getByRole('link', { name: 'Show all' }).getAttribute('href')).toBe(
      `/contacts?filter=${encodeURIComponent('{"customer_id":1}')}`,
    );

    fireEvent.click(within(contacts).getByRole('link', { name: 'Create' }));
    expect(await screen.findByDisplayValue('Acme Steel')).toBeTruthy();
  });

  it('shows the activity newest first: moves, approvals and changes with values as the fields show them', async () => {
    server.use(...apiHandlers(db(), seen, [timeline()]));
    renderApp('/customers/1/show', { model: defaultModel() });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((entry) => entry.dataset.kind)).toEqual(['moved', 'approval_decided', 'changed', 'created']);
    const [moved, decided, changed, created] = entries as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(moved).getByText('Moved from Potential to Intent')).toBeTruthy();
    expect(within(moved).getByText('Met at the fair')).toBeTruthy();
    expect(within(moved).getByText(/Li Lei/).textContent).toContain(
      new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-02T09:30:00Z')),
    );
    expect(within(decided).getByText('Approved: Credit review')).toBeTruthy();
    expect(within(changed).getByText('Changed Grade, Credit limit, and Owner')).toBeTruthy();
    const [grade, credit, owner] = within(changed).getAllByTestId('timeline-change') as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(grade).getByText('C – ordinary')).toBeTruthy();
    expect(within(grade).getByText('B – important')).toBeTruthy();
    expect(within(credit).getByText('empty')).toBeTruthy();
    expect(within(credit).getByText('CN¥200,000.00')).toBeTruthy();
    expect(await within(owner).findByText('王芳')).toBeTruthy();
    expect(await within(owner).findByText('Li Lei')).toBeTruthy();
    expect(within(created).getByText('Created the record')).toBeTruthy();
    expect(within(created).getByText(/#1/)).toBeTruthy();
    expect(seen.some((r) => r.url.pathname === '/api/customers/1/timeline')).toBe(true);
  });

  it('speaks Chinese in a Chinese UI', async () => {
    server.use(...apiHandlers(db(), seen, [timeline()]));
    renderApp('/customers/1/show', { model: defaultModel(), locale: 'zh-CN' });
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(within(entries[0]!).getByText('阶段变更：「潜在客户」→「意向客户」')).toBeTruthy();
    expect(within(entries[1]!).getByText('审批通过：信用审核')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '动态' })).toBeTruthy();
    expect(screen.getAllByTestId('related-list')[0]!.querySelector('h3')!.textContent).toBe('联系人');
  });
});
