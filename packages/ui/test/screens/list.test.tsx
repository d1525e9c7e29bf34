/** EntityList in a real `<Admin>`: rows from the mocked API, sorting, filters and bulk actions. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { exportRows } from '../../src/resources/index.js';
import { dealRecord, deals } from './fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from './support.js';

const { server, seen } = mockApi();

const listCalls = () => seen.filter((r) => r.method === 'GET' && r.url.pathname === '/api/deals');
const lastFilter = () => JSON.parse(listCalls().at(-1)?.url.searchParams.get('filter') ?? '{}');

describe('EntityList', () => {
  it('renders the rows the API returns, with Content-Range, in the default sort', async () => {
    const db = freshDb();
    db.deals!.push({ ...dealRecord, id: 2, name: 'Second deal', amount: 99, customer_id: 7 });
    server.use(...apiHandlers(db, seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    expect(screen.getByText('Second deal')).toBeTruthy();
    expect(screen.getByText('CN¥12,345.50')).toBeTruthy();
    expect(await screen.findAllByText('Acme Trading')).toHaveLength(2);
    expect(screen.getByText('1-2 of 2')).toBeTruthy();
    const first = listCalls()[0]!.url.searchParams;
    expect(JSON.parse(first.get('sort')!)).toEqual(['amount', 'DESC']);
    expect(JSON.parse(first.get('range')!)).toEqual([0, 9]);
    // Column headers come from the schema labels; sortable ones can be clicked.
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Deal name', 'Amount', 'Signing date', 'Grade', 'Customer', 'Stage']));
  });

  it('sends q for the full-text search', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    fireEvent.change(screen.getByPlaceholderText('Search'), { target: { value: 'harbour' } });
    await waitFor(() => expect(lastFilter()).toEqual({ q: 'harbour' }));
  });

  it('offers labelled filters for filter fields and sends an enum filter', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    fireEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    const menu = await screen.findByRole('menu');
    const offered = within(menu)
      .getAllByRole('menuitemcheckbox')
      .map((item) => item.textContent);
    expect(offered).toEqual(
      expect.arrayContaining(['Amount from', 'Amount to', 'Signing date from', 'Signing date to', 'Active', 'Grade', 'Customer', 'Stage']),
    );
    fireEvent.click(within(menu).getByRole('menuitemcheckbox', { name: 'Grade' }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: /Grade/ }, { timeout: 5000 }));
    fireEvent.click(await screen.findByRole('option', { name: 'B – ordinary' }));
    await waitFor(() => expect(lastFilter()).toEqual({ grade: 'B' }));
  });

  it('sends date ranges as <field>_gte / <field>_lte', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    const filter = encodeURIComponent(JSON.stringify({ sign_date_gte: '2026-01-01', sign_date_lte: '2026-12-31' }));
    renderApp(`/deals?filter=${filter}`);
    await waitFor(() => expect(lastFilter()).toEqual({ sign_date_gte: '2026-01-01', sign_date_lte: '2026-12-31' }));
    expect(((await screen.findByLabelText('Signing date from')) as HTMLInputElement).value).toBe('2026-01-01');
    expect((screen.getByLabelText('Signing date to') as HTMLInputElement).value).toBe('2026-12-31');
  });

  it('moves the selected records to a stage in bulk, sending their version', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    fireEvent.click(screen.getAllByRole('checkbox')[1]!); // [0] selects all
    fireEvent.click(await screen.findByRole('button', { name: 'Set Stage' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Won' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.url.pathname).toBe('/api/deals/1');
    expect(put.body).toMatchObject({ stage: 'won', version: 3 });
  });

  it('exports CSV rows with labelled headers, enum labels and line totals', () => {
    const rows = exportRows(deals, [dealRecord], {
      field: (f) => f.label.en,
      option: (f, value) =>
        f.options?.find((o) => o.value === value)?.label.en ?? deals.workflow!.stages.find((s) => s.id === value)!.label.en,
    });
    expect(rows[0]).toMatchObject({ id: 1, 'Deal name': 'Harbour upgrade', Grade: 'A – key', Stage: 'Open', Lines: 230, Amount: 12345.5 });
    expect(Object.keys(rows[0]!)).not.toContain('Extra');
  });
});
