/**
 * Values that depend on other values as a form is typed, in a real `<Admin>` against the mocked
 * API: `x-computed` totals and line columns, `x-ref-where` pickers scoped by another field.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { helperOf, openEditForm, putsIn } from './ruleForms.js';
import { apiHandlers, freshDb, mockApi, renderApp, type SeenRequest } from './support.js';

const listFilter = (request: SeenRequest) => JSON.parse(request.url.searchParams.get('filter') ?? '{}') as Record<string, unknown>;

const { server, seen } = mockApi();
const puts = () => putsIn(seen);
// react-admin's reference pickers debounce their filter (500 ms): a timer the last test left must
// fire while the page still exists, not after the test environment is gone.
afterAll(() => new Promise((done) => setTimeout(done, 700)));

describe('x-computed: values follow the lines as they are typed', () => {
  it('recomputes the line columns and the total when a quantity or a discount changes', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    await openEditForm();
    fireEvent.click(screen.getByRole('tab', { name: 'Items' }));
    const total = screen.getByLabelText(/Total amount/) as HTMLInputElement;
    const netPrices = () => screen.getAllByLabelText(/Net price/).map((input) => (input as HTMLInputElement).value);
    expect(total.value).toBe('CN¥230.00');
    expect(total.readOnly).toBe(true);
    expect(helperOf(total)).toBe('Calculated automatically');
    expect(netPrices()).toEqual(['CN¥90.00', 'CN¥50.00']);

    fireEvent.change(screen.getAllByLabelText(/Quantity/)[0]!, { target: { value: '3' } });
    await waitFor(() => expect(total.value).toBe('CN¥320.00'));
    fireEvent.change(screen.getAllByLabelText(/Discount/)[0]!, { target: { value: '20' } });
    await waitFor(() => expect(netPrices()).toEqual(['CN¥80.00', 'CN¥50.00']));
    expect(total.value).toBe('CN¥290.00');
  });

  it('sends a new line without its empty optional cells nor computed columns', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    await openEditForm();
    fireEvent.click(screen.getByRole('tab', { name: 'Items' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.getAllByLabelText(/Product/)).toHaveLength(3));
    fireEvent.change(screen.getAllByLabelText(/Product/)[2]!, { target: { value: 'Cable' } });
    fireEvent.change(screen.getAllByLabelText(/Quantity/)[2]!, { target: { value: '4' } });
    fireEvent.change(screen.getAllByLabelText(/Unit price/)[2]!, { target: { value: '5' } });
    await waitFor(() => expect((screen.getByLabelText(/Total amount/) as HTMLInputElement).value).toBe('CN¥250.00'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    const body = puts()[0]!.body as { lines: Record<string, unknown>[] };
    expect(body.lines).toEqual([
      { product: 'Router', quantity: 2, unit_price: 100, discount: 10 },
      { product: 'Switch', quantity: 1, unit_price: 50 },
      { product: 'Cable', quantity: 4, unit_price: 5 },
    ]);
    expect(body).not.toHaveProperty('total');
  });
});

describe('x-ref-where: a picker scoped by another field', () => {
  it('offers only the contacts of the chosen customer', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    await openEditForm();
    const contact = (await screen.findByRole('combobox', { name: /Contact/ })) as HTMLInputElement;
    await waitFor(() => expect(contact.value).toBe('Li Wei'));
    fireEvent.click(within(contact.closest('.MuiAutocomplete-root') as HTMLElement).getByRole('button', { name: 'Open' }));
    // The other contact of Acme Trading; the chosen one is not offered again; none of another customer's.
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Wang Fang']));
    const lists = seen.filter((r) => r.method === 'GET' && r.url.pathname === '/api/contacts' && r.url.searchParams.has('range'));
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((r) => listFilter(r).customer_id === 7)).toBe(true);
  });

  it('is disabled, saying what to choose first, while the customer is empty; then offers that customer’s contacts', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/create');
    const contact = (await screen.findByRole('combobox', { name: /Contact/ })) as HTMLInputElement;
    expect(contact.disabled).toBe(true);
    expect(helperOf(contact)).toBe('Choose Customer first');
    expect(seen.some((r) => r.url.pathname === '/api/contacts')).toBe(false);

    const customer = screen.getByRole('combobox', { name: /Customer/ });
    fireEvent.click(within(customer.closest('.MuiAutocomplete-root') as HTMLElement).getByRole('button', { name: 'Open' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Harbour Logistics' }));
    await waitFor(() => expect(contact.disabled).toBe(false));
    fireEvent.click(within(contact.closest('.MuiAutocomplete-root') as HTMLElement).getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Zhao Min']));
  });
});
