/** Lists on a phone: one card per record (name, stage chip, the telling list fields) instead of the datagrid. */
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RaRecord } from 'react-admin';
import { cardFields } from '../../src/resources/cardFields.js';
import { dealRecord, deals } from '../screens/fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';
import { onPhone } from '../support/phone.js';

const { server, seen } = mockApi();
onPhone();

describe('cardFields', () => {
  it('picks the most telling list fields by kind, in list order, leaving out the name and the stage', () => {
    // deals lists name, amount (money), sign_date (date), grade (enum), customer_id (reference), stage (workflow).
    expect(cardFields(deals).map((field) => field.name)).toEqual(['amount', 'sign_date', 'customer_id']);
    expect(cardFields(deals, 2).map((field) => field.name)).toEqual(['amount', 'customer_id']);
  });
});

describe('EntityList on a phone', () => {
  it('shows a card per record instead of a table: its name, its stage as a chip and its money, date and reference', async () => {
    const db = freshDb();
    db.deals!.push({ ...(structuredClone(dealRecord) as RaRecord), id: 2, name: 'Pier cranes', amount: 99, customer_id: 9, stage: 'won' });
    server.use(...apiHandlers(db, seen));
    renderApp('/deals');
    await screen.findByText('Pier cranes');
    expect(document.querySelector('table')).toBeNull();
    expect(screen.queryAllByRole('columnheader')).toHaveLength(0);

    const cards = screen.getAllByTestId('phone-card');
    expect(cards.map((card) => card.dataset.id)).toEqual(['1', '2']);
    const first = cards[0]!;
    expect(within(first).getByRole('link', { name: 'Harbour upgrade' })).toBeTruthy();
    expect(within(first).getByTestId('phone-card-stage').textContent).toBe('Open');
    expect(within(cards[1]!).getByTestId('phone-card-stage').textContent).toBe('Won');
    const lines = [...first.querySelectorAll('[data-field]')].map((line) => line.getAttribute('data-field'));
    expect(lines).toEqual(['amount', 'sign_date', 'customer_id']);
    const value = (name: string) => first.querySelector(`[data-field="${name}"] dd`)!.textContent;
    expect(value('amount')).toBe('CN¥12,345.50');
    expect(value('sign_date')).toBe('3/1/2026');
    await waitFor(() => expect(value('customer_id')).toBe('Acme Trading'));
    expect(within(first).getByText('Amount')).toBeTruthy();
  });

  it('selects cards for the bulk actions, which wrap in a bar, and unselects them', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    expect(screen.queryByTestId('phone-bulk-bar')).toBeNull();
    const select = () => fireEvent.click(within(screen.getByTestId('phone-card')).getByRole('checkbox'));
    select();
    expect(within(await screen.findByTestId('phone-bulk-bar')).getByText('1 item selected')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('phone-bulk-bar')).getByRole('button', { name: 'Unselect' }));
    await waitFor(() => expect(screen.queryByTestId('phone-bulk-bar')).toBeNull());
    select();
    const bar = await screen.findByTestId('phone-bulk-bar');
    fireEvent.click(within(bar).getByRole('button', { name: 'Set Stage' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Won' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    expect(seen.find((r) => r.method === 'PUT')!.body).toMatchObject({ stage: 'won', version: 3 });
  });

  it('opens the record when the card is tapped', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals');
    await screen.findByText('Harbour upgrade');
    fireEvent.click(screen.getByTestId('phone-card').querySelector('[data-field="amount"] dt')!);
    // The show page of the deal: its compact stepper instead of the list.
    await screen.findByTestId('compact-stages');
    expect(screen.queryByTestId('phone-list')).toBeNull();
  });
});
