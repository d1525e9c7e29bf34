/**
 * The list's CSV export, as Excel on Chinese Windows reads it: UTF-8 with a BOM, headers and enum
 * values in the UI language, references by the referenced record's name, fetched in one request
 * per referenced resource.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { RaRecord } from 'react-admin';
import { dealRecord } from '../screens/fixture.js';
import { apiHandlers, freshDb, mockApi, renderApp } from '../screens/support.js';

const { server, seen } = mockApi();

/** What `downloadCSV` hands the browser. */
let downloaded: Blob[] = [];
beforeEach(() => {
  downloaded = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (downloaded.push(blob), 'blob:export') }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

async function exportDeals(locale: string, save: string) {
  const db = freshDb();
  // One line of notes: a row of the CSV is then a line of it.
  db.deals![0]!.notes = 'Site visit';
  db.deals!.push({
    ...(structuredClone(dealRecord) as RaRecord),
    id: 2,
    name: 'Pier cranes',
    notes: '',
    customer_id: 9,
    grade: 'B',
    active: false,
  });
  server.use(...apiHandlers(db, seen));
  renderApp('/deals', { locale });
  await screen.findByText('Pier cranes');
  await screen.findAllByText('Acme Trading');
  const before = seen.length;
  fireEvent.click(screen.getAllByRole('button', { name: save })[0]!);
  await waitFor(() => expect(downloaded).toHaveLength(1));
  const bytes = await bytesOf(downloaded[0]!);
  return { bytes, csv: new TextDecoder().decode(bytes), requests: seen.slice(before) };
}

describe('CSV export', () => {
  it('starts with a UTF-8 BOM and writes Chinese headers, labels and names', async () => {
    const { bytes, csv, requests } = await exportDeals('zh-CN', '导出');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['交易名称', '金额', '等级', '客户', '联系人', '阶段', '有效']));
    const harbour = rows.find((row) => row.startsWith('1,'))!;
    const pier = rows.find((row) => row.startsWith('2,'))!;
    expect(harbour).toContain(',Acme Trading,');
    expect(pier).toContain(',Harbour Logistics,');
    expect(harbour).toContain(',A 类（重点）,');
    expect(harbour).toContain(',进行中,');
    expect(harbour).toContain(',是,');
    expect(pier).toContain(',否,');
    // The contact's name, not its id.
    expect(harbour).not.toMatch(/,11,/);
    const customerCalls = requests.filter((request) => request.url.pathname === '/api/customers');
    expect(customerCalls).toHaveLength(1);
    expect(JSON.parse(customerCalls[0]!.url.searchParams.get('filter')!)).toEqual({ id: [7, 9] });
  });

  it('in English', async () => {
    const { csv } = await exportDeals('en', 'Export');
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['Deal name', 'Customer', 'Grade']));
    expect(rows.find((row) => row.startsWith('2,'))).toContain(',B – ordinary,');
    expect(rows.find((row) => row.startsWith('2,'))).toContain(',Harbour Logistics,');
  });
});
