/**
 * Field rules on the Edit/Create forms, in a real `<Admin>` against the mocked API: `x-write`
 * fields read-only to the roles that lack them, and the server's refusals landing on the field.
 */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { users } from './fixture.js';
import { helperOf, openEditForm, putsIn } from './ruleForms.js';
import { API, apiHandlers, freshDb, mockApi, renderApp } from './support.js';

const { server, seen } = mockApi();
const puts = () => putsIn(seen);

describe('x-write: fields only some roles may write', () => {
  it('shows the field read-only to a rep, says who may change it, and leaves it out of the save', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.rep }));
    const name = await openEditForm();
    const probability = screen.getByLabelText(/Probability/) as HTMLInputElement;
    expect(probability.readOnly).toBe(true);
    expect(helperOf(probability)).toBe('Only Sales manager or Administrator can change this');
    expect((screen.getByLabelText(/Weight/) as HTMLInputElement).readOnly).toBe(false);

    fireEvent.change(name, { target: { value: 'Harbour upgrade II' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    const body = puts()[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ name: 'Harbour upgrade II', version: 3 });
    expect(body).not.toHaveProperty('probability');
  });

  it('lets the role write it', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.manager }));
    await openEditForm();
    const probability = screen.getByLabelText(/Probability/) as HTMLInputElement;
    expect(probability.readOnly).toBe(false);
    expect(screen.queryByText('Only Sales manager or Administrator can change this')).toBeNull();
    fireEvent.change(probability, { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts()[0]?.body).toMatchObject({ probability: 60 }));
  });

  it('applies on create too (the creator owns the new record), in Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen, [], { user: users.rep }));
    renderApp('/deals/create', { locale: 'zh-CN' });
    const probability = (await screen.findByLabelText(/概率/)) as HTMLInputElement;
    expect(probability.readOnly).toBe(true);
    expect(helperOf(probability)).toBe('仅销售经理或管理员可修改');
  });
});

describe('server refusals land on the field', () => {
  it("shows a 403 field error under the field and the server's message as the notification", async () => {
    const refuse = http.put(`${API}/deals/1`, () =>
      HttpResponse.json(
        { message: 'You may not change: Probability', errors: { probability: 'only Sales manager can change this' } },
        { status: 403 },
      ),
    );
    server.use(...apiHandlers(freshDb(), seen, [refuse]));
    await openEditForm();
    const probability = screen.getByLabelText(/Probability/) as HTMLInputElement;
    fireEvent.change(probability, { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const message = await screen.findByText('only Sales manager can change this');
    expect(message.id).toBe(`${probability.id}-helper-text`);
    await screen.findByText('You may not change: Probability');
    // Still signed in, still on the form.
    expect(screen.getByLabelText(/Deal name/)).toBeTruthy();
  });
});
