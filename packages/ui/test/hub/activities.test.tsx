/**
 * Notes, calls and visits, tasks and the inbox on the screens: a customer's show page writes a note
 * of the chosen kind and a task for the user, lists the open tasks and ticks one off; the timeline
 * shows notes and tasks with their kind's label; the app bar's bell counts what waits and opens
 * "My tasks", which files the tasks by due date.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { MemoryRouter } from 'react-router-dom';
import { Admin, memoryStore, type LayoutProps, type RaRecord } from 'react-admin';
import { localToday, toClientModel, type ClientSalesModel } from '@ra-sales/schema';
import { createSalesDataProvider } from '../../src/data/index.js';
import { createSalesI18nProvider } from '../../src/i18n/index.js';
import { SalesLayout } from '../../src/layout/index.js';
import { salesResources } from '../../src/resources/index.js';
import { salesCustomRoutes } from '../../src/workflow/routes.js';
import { testModel, type Db } from '../workflow/support.js';
import { API, apiHandlers, mockApi } from '../screens/support.js';

const { server, seen } = mockApi();
beforeAll(() => {
  vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
});

let model: ClientSalesModel | undefined;
const defaultModel = () => (model ??= toClientModel(testModel()));
const today = localToday();
const yesterday = (() => {
  const date = new Date(`${today}T12:00:00`);
  date.setDate(date.getDate() - 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
})();

const task = (id: number, title: string, due: string | null, done = false): RaRecord => ({
  id,
  version: 1,
  resource: 'customers',
  record_id: 1,
  title,
  due_date: due,
  assignee_id: 1,
  done,
  created_by: 1,
});

const db = (): Db => ({
  customers: [{ id: 1, version: 3, name: 'Acme Steel', grade: 'B', status: 'intent', owner_id: 1 }],
  salespeople: [
    { id: 1, name: 'Ada Admin', role: 'admin' },
    { id: 2, name: 'Li Lei', role: 'sales_rep' },
  ],
  tasks: [task(5, 'Send the offer', today), task(6, 'Call back', yesterday), task(7, 'Plan the visit', null)],
  notes: [],
  // The customer's related lists, empty.
  ...Object.fromEntries(
    ['contacts', 'opportunities', 'quotes', 'contracts', 'sales_orders', 'collections', 'complaints'].map((r) => [r, []]),
  ),
  history: [],
  approvals: [],
});

const TIMELINE = {
  entries: [
    {
      id: 'task_done-6',
      kind: 'task_done',
      at: '2026-03-03T09:00:00.000Z',
      user: { id: 1, name: 'Ada Admin' },
      task: { id: 6, title: 'Call back', due_date: '2026-03-03', assignee: { id: 2, name: 'Li Lei' } },
    },
    {
      id: 'note-3',
      kind: 'note',
      at: '2026-03-02T09:30:00.000Z',
      user: { id: 2, name: 'Li Lei' },
      noteId: 3,
      noteKind: 'call',
      body: 'Asked for a discount',
    },
    {
      id: 'task-5',
      kind: 'task_created',
      at: '2026-03-01T09:00:00.000Z',
      user: { id: 1, name: 'Ada Admin' },
      task: { id: 5, title: 'Send the offer', due_date: null, assignee: null },
    },
  ],
  next: null,
};

/** The API with notes and tasks written as the server would, and the timeline and inbox. */
function serve(data: Db = db()) {
  const created: Record<string, unknown>[] = [];
  let nextId = 100;
  server.use(
    ...apiHandlers(data, seen, [
      http.get(`${API}/customers/1/timeline`, () => HttpResponse.json(TIMELINE)),
      http.get(`${API}/me/inbox`, () =>
        HttpResponse.json({
          approvals: 1,
          tasks: {
            today: (data.tasks ?? []).filter((t) => !t.done && t.due_date === today).length,
            overdue: (data.tasks ?? []).filter((t) => !t.done && t.due_date && t.due_date < today).length,
          },
        }),
      ),
      http.post(`${API}/:resource`, async ({ request, params }) => {
        const body = (await request.json()) as Record<string, unknown>;
        created.push({ endpoint: params.resource, body });
        const row = { id: nextId++, version: 1, ...body, done: false } as RaRecord;
        data[params.resource as string]?.push(row);
        return HttpResponse.json(row, { status: 201 });
      }),
    ]),
  );
  return created;
}

function renderAt(path: string, locale = 'en') {
  const clientModel = defaultModel();
  const Layout = ({ children }: LayoutProps) => <SalesLayout model={clientModel}>{children}</SalesLayout>;
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Admin
        dataProvider={createSalesDataProvider(API, { model: clientModel })}
        i18nProvider={createSalesI18nProvider(clientModel, { defaultLocale: locale })}
        store={memoryStore()}
        layout={Layout}
        disableTelemetry
      >
        {salesResources(clientModel)}
        {salesCustomRoutes(clientModel)}
      </Admin>
    </MemoryRouter>,
  );
}

describe('notes and tasks on a show page', () => {
  it('writes a call with its kind chosen from the model’s kinds, and a task for the user due today', async () => {
    const created = serve();
    renderAt('/customers/1/show');
    const composer = await screen.findByTestId('note-composer');
    const chips = within(composer).getAllByRole('radio');
    expect(chips.map((chip) => chip.textContent)).toEqual(['Note', 'Call', 'Visit']);
    expect(chips[0]!.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(chips[1]!);
    fireEvent.change(within(composer).getByLabelText('What happened'), { target: { value: 'Asked for a discount' } });
    fireEvent.click(within(composer).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({
      endpoint: 'notes',
      body: { resource: 'customers', record_id: 1, kind: 'call', body: 'Asked for a discount' },
    });
    expect(Number.isNaN(Date.parse(String((created[0]!.body as { occurred_at: string }).occurred_at)))).toBe(false);
    await screen.findByText('Call added');

    const form = screen.getByTestId('task-form');
    await waitFor(() => expect(within(form).getByRole('combobox').textContent).toBe('Ada Admin'));
    fireEvent.change(within(form).getByLabelText('Task'), { target: { value: 'Send the contract' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add task' }));
    await waitFor(() => expect(created).toHaveLength(2));
    expect(created[1]).toEqual({
      endpoint: 'tasks',
      body: { resource: 'customers', record_id: 1, title: 'Send the contract', due_date: today, assignee_id: 1 },
    });
    await within(screen.getByTestId('open-tasks')).findByText('Send the contract');
  });

  it('lists the open tasks by due date and ticks one off with its version', async () => {
    serve();
    renderAt('/customers/1/show');
    const open = await screen.findByTestId('open-tasks');
    await within(open).findByText('Send the offer');
    expect(
      within(open)
        .getAllByTestId('task')
        .map((row) => row.dataset.due),
    ).toEqual(expect.arrayContaining(['today', 'overdue', 'upcoming']));
    fireEvent.click(within(open).getByRole('checkbox', { name: 'Send the offer' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT' && r.url.pathname === '/api/tasks/5')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT' && r.url.pathname === '/api/tasks/5')!;
    expect(put.body).toMatchObject({ done: true, version: 1 });
  });

  it('shows notes by their kind and tasks by their title in the timeline, in Chinese too', async () => {
    serve();
    renderAt('/customers/1/show', 'zh-CN');
    const entries = await screen.findAllByTestId('timeline-entry');
    expect(entries.map((entry) => entry.dataset.kind)).toEqual(['task_done', 'note', 'task_created']);
    expect(within(entries[0]!).getByText('已完成：Call back')).toBeTruthy();
    expect(within(entries[0]!).getByText(/负责人：Li Lei/)).toBeTruthy();
    expect(within(entries[1]!).getByText('电话')).toBeTruthy();
    expect(within(entries[1]!).getByText('Asked for a discount')).toBeTruthy();
    expect(within(entries[2]!).getByText('任务：Send the offer')).toBeTruthy();
    const chips = within(screen.getByTestId('note-composer')).getAllByRole('radio');
    expect(chips.map((chip) => chip.textContent)).toEqual(['笔记', '电话', '拜访']);
  });
});

describe('the bell and "My tasks"', () => {
  it('counts the approvals and the tasks due, opens "My tasks" from its menu, and files the tasks by due date', async () => {
    const data = db();
    serve(data);
    renderAt('/customers');
    const bell = await screen.findByTestId('inbox-bell');
    await waitFor(() => expect(within(bell).getByTestId('inbox-count').textContent).toBe('3'));
    expect(bell.getAttribute('aria-label')).toBe('3 items waiting for you');
    fireEvent.click(bell);
    const menu = await screen.findByTestId('inbox-menu');
    expect(within(menu).getByTestId('inbox-approvals').textContent).toBe('Approvals to decide1');
    fireEvent.click(within(menu).getByTestId('inbox-tasks'));

    const page = await screen.findByTestId('my-tasks', {}, { timeout: 8000 });
    const group = (name: string) => page.querySelector(`[data-group="${name}"]`) as HTMLElement;
    await within(group('today')).findByText('Send the offer');
    expect(within(group('overdue')).getByText('Call back')).toBeTruthy();
    expect(within(group('upcoming')).getByText('Plan the visit')).toBeTruthy();
    expect(within(group('done')).getByText('Nothing here')).toBeTruthy();
    const link = await within(group('today')).findByRole('link', { name: 'Acme Steel' });
    expect(link.getAttribute('href')).toBe('/customers/1/show');

    fireEvent.click(within(group('overdue')).getByRole('checkbox', { name: 'Call back' }));
    await waitFor(() => expect(within(bell).getByTestId('inbox-count').textContent).toBe('2'));
    const asked = seen.filter((r) => r.url.pathname === '/api/tasks' && r.method === 'GET').map((r) => r.url.searchParams.get('filter'));
    expect(asked).toContain(JSON.stringify({ assignee_id: 1, done: false }));
  });
});
