/** The kind registry: every kind's list column, Show field and input, rendered on a fixture record. */
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { Datagrid, Form, ListContextProvider, RecordContextProvider, ResourceContextProvider, useList } from 'react-admin';
import { FIELD_KINDS, type FieldKind } from '@ra-sales/schema';
import { kindRegistry } from '../../src/fields/index.js';
import { dealFields, dealRecord, deals } from './fixture.js';
import { apiHandlers, freshDb, mockApi, renderInContext } from './support.js';

const { server, seen } = mockApi();

const fieldOf = (kind: FieldKind) => dealFields.find((f) => f.kind === kind)!;

function inDeal(ui: ReactNode) {
  server.use(...apiHandlers(freshDb(), seen));
  return renderInContext(
    <ResourceContextProvider value="deals">
      <RecordContextProvider value={dealRecord}>{ui}</RecordContextProvider>
    </ResourceContextProvider>,
  );
}

const OneRowList = ({ children }: { children: ReactNode }) => {
  const list = useList({ data: [dealRecord] });
  return (
    <ListContextProvider value={list}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        {children}
      </Datagrid>
    </ListContextProvider>
  );
};

/** What a person sees for each kind; a `Record` so a new kind needs an expectation here too. */
const shown: Record<FieldKind, () => Promise<unknown>> = {
  string: () => screen.findByText('Harbour upgrade'),
  text: () => screen.findByText(/First line/),
  integer: () => screen.findByText('42'),
  number: () => screen.findByText('3.5'),
  money: () => screen.findByText('CN¥12,345.50'),
  percent: () => screen.findByText('35%'),
  date: () => screen.findByText(new Date(2026, 2, 1).toLocaleDateString()),
  datetime: () => screen.findByText(new Date('2026-02-10T08:30:00Z').toLocaleString()),
  boolean: () => screen.findByLabelText('Yes'),
  enum: () => screen.findByText('A – key'),
  reference: () => screen.findByText('Acme Trading'),
  email: async () => expect((await screen.findByText('li@example.com')).closest('a')?.getAttribute('href')).toBe('mailto:li@example.com'),
  phone: async () => expect((await screen.findByText('+86 10 1234 5678')).closest('a')?.getAttribute('href')).toBe('tel:+861012345678'),
  url: async () => expect((await screen.findByText('https://example.com')).closest('a')?.getAttribute('href')).toBe('https://example.com'),
  lines: async () => {
    await screen.findByText('Router');
    expect(screen.getByText('Total: CN¥230.00')).toBeTruthy();
    expect(screen.getByText('CN¥180.00')).toBeTruthy();
  },
  json: () => screen.findByText(/"color": "blue"/),
};

const inputValue = (label: RegExp) => (screen.getByLabelText(label) as HTMLInputElement).value;

const edited: Record<FieldKind, () => unknown> = {
  string: () => expect(inputValue(/Deal name/)).toBe('Harbour upgrade'),
  text: () => expect(inputValue(/Notes/)).toBe('First line\nsecond line'),
  integer: () => expect(inputValue(/Seats/)).toBe('42'),
  number: () => expect(inputValue(/Weight/)).toBe('3.5'),
  money: () => expect(inputValue(/Amount/)).toBe('12,345.50'),
  percent: () => expect(inputValue(/Probability/)).toBe('35'),
  date: () => expect(inputValue(/Signing date/)).toBe('2026-03-01'),
  datetime: () => expect(inputValue(/Reviewed at/)).toMatch(/^2026-02-10T/),
  boolean: () => expect((screen.getByLabelText(/Active/) as HTMLInputElement).checked).toBe(true),
  enum: () => expect(screen.getByRole('combobox', { name: /Grade/ }).textContent).toBe('A – key'),
  reference: () => waitFor(() => expect(inputValue(/Customer/)).toBe('Acme Trading')),
  email: () => expect(inputValue(/Email/)).toBe('li@example.com'),
  phone: () => expect(inputValue(/Phone/)).toBe('+86 10 1234 5678'),
  url: () => expect(inputValue(/Website/)).toBe('https://example.com'),
  lines: () => {
    expect(screen.getAllByLabelText(/Product/).map((i) => (i as HTMLInputElement).value)).toEqual(['Router', 'Switch']);
    expect(screen.getAllByTestId('line-total').map((e) => e.textContent)).toEqual(['CN¥180.00', 'CN¥50.00']);
    expect(screen.getByTestId('grand-total').textContent).toBe('Total: CN¥230.00');
  },
  json: () => expect(inputValue(/Extra/)).toContain('"color": "blue"'),
};

describe('kind registry', () => {
  it('the fixture has a field of every kind', () => {
    expect(FIELD_KINDS.filter((kind) => !dealFields.some((f) => f.kind === kind))).toEqual([]);
    expect(Object.keys(kindRegistry).sort()).toEqual([...FIELD_KINDS].sort());
  });

  describe.each(FIELD_KINDS.map((kind) => [kind]))('%s', (kind) => {
    const field = fieldOf(kind);
    const props = { entity: deals, field };

    it('shows the value on a Show page', async () => {
      inDeal(kindRegistry[kind].show(props));
      await shown[kind]();
    });

    it('shows the value in a list column, under its label', async () => {
      inDeal(<OneRowList>{kindRegistry[kind].list(props)}</OneRowList>);
      const header = await screen.findByRole('columnheader', { name: new RegExp(field.label.en.replace(/[%]/g, '')) });
      expect(header).toBeTruthy();
      if (kind === 'lines') await screen.findByText('CN¥230.00');
      else await shown[kind]();
    });

    it('edits the value with an input', async () => {
      inDeal(<Form record={dealRecord}>{kindRegistry[kind].input(props)}</Form>);
      await screen.findAllByLabelText(new RegExp(kind === 'lines' ? 'Product' : field.label.en));
      await edited[kind]();
    });
  });

  it('formats money for the UI locale', async () => {
    inDeal(kindRegistry.money.show({ entity: deals, field: fieldOf('money') }));
    await screen.findByText('CN¥12,345.50');
  });

  it('formats money in Chinese and shows enum labels from the schema in zh-CN', async () => {
    server.use(...apiHandlers(freshDb(), seen));
    renderInContext(
      <ResourceContextProvider value="deals">
        <RecordContextProvider value={dealRecord}>
          {kindRegistry.money.show({ entity: deals, field: fieldOf('money') })}
          {kindRegistry.enum.show({ entity: deals, field: fieldOf('enum') })}
        </RecordContextProvider>
      </ResourceContextProvider>,
      'zh-CN',
    );
    await screen.findByText('¥12,345.50');
    await screen.findByText('A 类（重点）');
  });

  it('the workflow field shows its stage label', async () => {
    const stage = dealFields.find((f) => f.name === 'stage')!;
    inDeal(<OneRowList>{kindRegistry.enum.list({ entity: deals, field: stage })}</OneRowList>);
    const table = await screen.findByRole('table');
    await within(table).findByText('Open');
  });
});
