/**
 * The UI language decides how dates read, and react-admin's and MUI's own texts follow it: in a
 * browser set to German, the Chinese UI writes `2026/3/1` and says `必填`, the English one `3/1/2026`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';
import { fixtureModel } from '../screens/fixture.js';

const { server, seen } = mockApi();

/** Dates formatted without a locale come out as a German browser writes them (`1.3.2026`). */
function inAGermanBrowser() {
  const { toLocaleDateString: dateOnly, toLocaleString: dateAndTime } = Date.prototype;
  vi.spyOn(Date.prototype, 'toLocaleDateString').mockImplementation(function (this: Date, locales, options) {
    return dateOnly.call(this, locales ?? 'de-DE', options);
  });
  vi.spyOn(Date.prototype, 'toLocaleString').mockImplementation(function (this: Date, locales, options) {
    return dateAndTime.call(this, locales ?? 'de-DE', options);
  });
}

beforeEach(inAGermanBrowser);
afterEach(() => {
  vi.restoreAllMocks();
});

describe('dates follow the UI language, not the browser’s', () => {
  it('in Chinese: a date column of the list', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals', { locale: 'zh-CN' });
    const row = (await screen.findByText('Harbour upgrade')).closest('tr')!;
    expect(within(row).getByText('2026/3/1')).toBeTruthy();
    expect(within(row).queryByText('1.3.2026')).toBeNull();
  });

  it('in English', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals', { locale: 'en' });
    const row = (await screen.findByText('Harbour upgrade')).closest('tr')!;
    expect(within(row).getByText('3/1/2026')).toBeTruthy();
  });

  it('a date-time on the show page, in each language', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    const { unmount } = renderApp('/deals/1/show', { locale: 'zh-CN' });
    expect(await screen.findByText(/^2026\/2\/10 \d{2}:\d{2}:\d{2}$/)).toBeTruthy();
    unmount();
    renderApp('/deals/1/show', { locale: 'en' });
    expect(await screen.findByText(/^2\/10\/2026, \d{1,2}:\d{2}:\d{2} [AP]M$/)).toBeTruthy();
  });
});

describe('react-admin’s and MUI’s texts in Chinese', () => {
  it('an empty reference search says so in Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    // Customers nobody may create: the picker offers no quick create, and says nothing matches.
    const customers = {
      ...fixtureModel.entities.customers!,
      access: { roles: {}, default: { read: 'all' as const, write: 'none' as const } },
    };
    renderApp('/deals/create', { locale: 'zh-CN', model: { ...fixtureModel, entities: { ...fixtureModel.entities, customers } } });
    const customer = await screen.findByRole('combobox', { name: /客户/ });
    fireEvent.change(customer, { target: { value: 'zzz' } });
    expect(await screen.findByText('没有匹配的选项')).toBeTruthy();
    expect(screen.queryByText('No options')).toBeNull();
  });

  it('the quick create of a reference picker speaks Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/create', { locale: 'zh-CN' });
    const customer = await screen.findByRole('combobox', { name: /客户/ });
    fireEvent.change(customer, { target: { value: 'zzz' } });
    expect(await screen.findByText('新建"zzz"')).toBeTruthy();
  });

  it('validation messages are Chinese', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderApp('/deals/create', { locale: 'zh-CN' });
    const seats = await screen.findByLabelText(/席位数/);
    fireEvent.change(seats, { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('金额'), { target: { value: '12 万' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findAllByText('必填')).length).toBeGreaterThan(0);
    expect(await screen.findByText('不能小于 1')).toBeTruthy();
    expect(await screen.findByText('必须是数字')).toBeTruthy();
    expect(seen.some((request) => request.method === 'POST')).toBe(false);
  });
});
