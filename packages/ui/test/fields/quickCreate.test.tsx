/**
 * "Create …" in a reference picker: a dialog with the target's required fields, the record created
 * through the data provider and selected; the server's refusal shown in the dialog; offered only
 * to a user who may create the target's records.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { ClientSalesModel } from '@ra-sales/schema';
import { apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';
import { fixtureModel, users } from '../screens/fixture.js';
import { API } from '../workflow/support.js';

const { server, seen } = mockApi();

async function typeInCustomerPicker(text: string) {
  const picker = (await screen.findAllByRole('combobox')).find((input) => input.closest('.ra-input-customer_id'))!;
  fireEvent.focus(picker);
  fireEvent.change(picker, { target: { value: text } });
  return picker as HTMLInputElement;
}

describe('quick create in a reference picker', () => {
  it('creates the customer from the dialog and selects it', async () => {
    const db = freshDb();
    server.use(
      ...apiHandlers(db, seen, [
        http.post(`${API}/customers`, async ({ request }) => {
          const body = (await request.json()) as Record<string, unknown>;
          const created = { ...body, id: 42, version: 1 };
          db.customers!.push(created);
          return HttpResponse.json(created, { status: 201 });
        }),
      ]),
    );
    renderApp('/deals/create');
    const picker = await typeInCustomerPicker('Pearl River Shipping');
    fireEvent.click(await screen.findByRole('option', { name: 'Create "Pearl River Shipping"' }));
    const dialog = await screen.findByTestId('quick-create-dialog');
    expect(within(dialog).getByText('New Customer')).toBeTruthy();
    const name = within(dialog).getByLabelText(/Name/) as HTMLInputElement;
    expect(name.value).toBe('Pearl River Shipping');
    fireEvent.click(within(dialog).getByTestId('fields-dialog-submit'));
    await waitFor(() => expect(screen.queryByTestId('quick-create-dialog')).toBeNull());
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Pearl River Shipping' });
    await waitFor(() => expect(picker.value).toBe('Pearl River Shipping'));
    // The deal form under the dialog was not submitted by the dialog's form.
    expect(seen.filter((r) => r.method === 'POST').map((r) => r.url.pathname)).toEqual(['/api/customers']);
  });

  it('shows the server’s refusal in the dialog and keeps it open', async () => {
    server.use(
      ...apiHandlers(freshDb(), seen, [
        http.post(`${API}/customers`, () =>
          HttpResponse.json({ message: 'A customer of this name exists', errors: { name: 'must be unique' } }, { status: 422 }),
        ),
      ]),
    );
    renderApp('/deals/create');
    await typeInCustomerPicker('Harbour Logistics 2');
    fireEvent.click(await screen.findByRole('option', { name: 'Create "Harbour Logistics 2"' }));
    const dialog = await screen.findByTestId('quick-create-dialog');
    fireEvent.click(within(dialog).getByTestId('fields-dialog-submit'));
    const refusal = await within(dialog).findByTestId('fields-dialog-refusal');
    expect(refusal.textContent).toContain('A customer of this name exists');
    expect(within(refusal).getByText('must be unique')).toBeTruthy();
    expect(screen.getByTestId('quick-create-dialog')).toBeTruthy();
  });

  it('is not offered to a user who may not create customers', async () => {
    const model: ClientSalesModel = {
      ...fixtureModel,
      entities: {
        ...fixtureModel.entities,
        customers: { ...fixtureModel.entities.customers!, access: { roles: {}, default: { read: 'all', write: 'none' } } },
      },
    };
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.rep }));
    renderApp('/deals/create', { model });
    await typeInCustomerPicker('Nobody');
    await screen.findByRole('listbox');
    await waitFor(() => expect(seen.some((r) => r.url.pathname === '/api/customers')).toBe(true));
    expect(screen.queryByRole('option', { name: /Create/ })).toBeNull();
  });
});
