/** The list's Import button: a dry run first, its refused rows by number; only a clean file is then imported. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { API, apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';

const { server, seen } = mockApi();
const imports = () => seen.filter((request) => request.method === 'POST' && request.url.pathname.endsWith('/deals/import'));
const choose = async (name: string, text: string) => {
  const input = (await screen.findByTestId('import-file')) as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
};

describe('ImportButton', () => {
  it('checks the file by a dry run, then imports it on confirmation', async () => {
    const answers = http.post(`${API}/deals/import`, ({ request }) =>
      HttpResponse.json({ created: 2, errors: [], dryRun: new URL(request.url).searchParams.get('dryRun') === '1' }),
    );
    server.use(...apiHandlers(freshDb(), seen, [answers]));
    renderApp('/deals');
    await choose('deals.csv', 'Deal name,Amount\nA,1\nB,2\n');
    const dialog = await screen.findByTestId('import-dialog');
    await within(dialog).findByText('2 rows can be imported. Nothing has been created yet.');
    expect(imports().map((request) => request.url.search)).toEqual(['?dryRun=1']);
    fireEvent.click(within(dialog).getByTestId('import-confirm'));
    await screen.findByText('2 records imported');
    expect(imports().map((request) => request.url.search)).toEqual(['?dryRun=1', '']);
  });

  it('lists the refused rows of a dry run and offers no import', async () => {
    const refused = http.post(`${API}/deals/import`, () =>
      HttpResponse.json({ created: 0, dryRun: true, errors: [{ row: 3, column: 'Amount', message: 'must be a number' }] }, { status: 422 }),
    );
    server.use(...apiHandlers(freshDb(), seen, [refused]));
    renderApp('/deals');
    await choose('deals.csv', 'Deal name,Amount\nA,1\nB,lots\n');
    const errors = await screen.findByTestId('import-errors');
    expect(within(errors).getByText('must be a number')).toBeTruthy();
    expect(within(errors).getByText('3')).toBeTruthy();
    expect(screen.queryByTestId('import-confirm')).toBeNull();
    await waitFor(() => expect(imports()).toHaveLength(1));
  });
});
