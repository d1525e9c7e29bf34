/** EntityEdit / EntityCreate / EntityShow in a real `<Admin>` against the mocked API. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, apiHandlers, freshDb, mockApi, renderApp } from './support.js';

const { server, seen } = mockApi();

const puts = () => seen.filter((r) => r.method === 'PUT');

describe('EntityEdit', () => {
  it("shows the server's 400 { errors } on the right input and sends version back", async () => {
    const refuse = http.put(`${API}/deals/1`, () =>
      HttpResponse.json({ message: 'Invalid record: name', errors: { name: 'A deal with this name exists' } }, { status: 400 }),
    );
    server.use(...apiHandlers(freshDb(), seen, [refuse]));
    renderApp('/deals/1');
    const name = (await screen.findByLabelText(/Deal name/)) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
    fireEvent.change(name, { target: { value: 'Harbour upgrade 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = await screen.findByText('A deal with this name exists');
    // The message is the helper text of the name input, not a notification.
    expect(message.id).toBe(`${name.id}-helper-text`);
    const body = puts()[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'Harbour upgrade 2', version: 3, amount: 12345.5 });
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('stage');
  });

  it("shows a 409 about no input (a stale version) as the server's own message", async () => {
    const stale = http.put(`${API}/deals/1`, () =>
      HttpResponse.json(
        { message: 'deals 1 was changed by someone else; reload it and try again', errors: { version: 'stale' } },
        { status: 409 },
      ),
    );
    server.use(...apiHandlers(freshDb(), seen, [stale]));
    renderApp('/deals/1');
    const name = (await screen.findByLabelText(/Deal name/)) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
    fireEvent.change(name, { target: { value: 'Harbour upgrade 3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('deals 1 was changed by someone else; reload it and try again');
  });

  it('a move asked for on the edit page carries the values typed but not saved, and the form keeps them', async () => {
    const workflow = http.get(`${API}/deals/1/workflow`, () =>
      HttpResponse.json({ stage: 'open', next: [{ to: 'won', missing: [], approvalRoles: [] }], pending: [] }),
    );
    server.use(...apiHandlers(freshDb(), seen, [workflow]));
    renderApp('/deals/1');
    const name = (await screen.findByLabelText(/Deal name/)) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
    fireEvent.change(name, { target: { value: 'Harbour upgrade, phase 2' } });
    fireEvent.click(await screen.findByTestId('move-won'));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(puts()[0]!.body).toMatchObject({ name: 'Harbour upgrade, phase 2', stage: 'won', version: 3 });
    await waitFor(() => expect(name.value).toBe('Harbour upgrade, phase 2'));
  });

  it('checks the schema client-side before sending', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1');
    const name = (await screen.findByLabelText(/Deal name/)) as HTMLInputElement;
    await waitFor(() => expect(name.value).toBe('Harbour upgrade'));
    fireEvent.change(name, { target: { value: 'H' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Must be 2 characters at least');
    expect(puts()).toHaveLength(0);
  });

  it('lays sections out as tabs', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1');
    await screen.findByLabelText(/Deal name/);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['General', 'Contact', 'Items']);
  });
});

describe('EntityCreate', () => {
  it('posts the typed fields only', async () => {
    const created = http.post(`${API}/customers`, async ({ request }) =>
      HttpResponse.json({ id: 8, ...((await request.json()) as object) }),
    );
    server.use(...apiHandlers(freshDb(), seen, [created]));
    renderApp('/customers/create');
    fireEvent.change(await screen.findByLabelText(/Name/), { target: { value: 'Beta Ltd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Beta Ltd' });
  });
});

describe('EntityShow', () => {
  it('shows the record in tabs, in Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/1/show', { locale: 'zh-CN' });
    await screen.findByText('Harbour upgrade');
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['基本信息', '联系方式', '明细']);
    expect(screen.getByText('¥12,345.50')).toBeTruthy();
    expect(screen.getByText('交易名称')).toBeTruthy();
  });
});
