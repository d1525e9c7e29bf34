/**
 * The rows of an uploaded file, read as they are parsed: CSV by csv-parse (streaming, RFC 4180,
 * byte-order mark stripped), XLSX by the streaming reader of exceljs (the first worksheet).
 * Row numbers are the spreadsheet's: the header is row 1.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as read: text from CSV; text, number, boolean or Date from XLSX; empty cells as null. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  row: number;
  cells: Cell[];
}

export function fileKind(contentType: string | undefined): 'csv' | 'xlsx' | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === CSV_TYPE || type === 'application/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  return undefined;
}

export function readTable(kind: 'csv' | 'xlsx', body: Buffer): AsyncIterable<TableRow> {
  return kind === 'csv' ? csvRows(body) : xlsxRows(body);
}

async function* csvRows(body: Buffer): AsyncIterable<TableRow> {
  const parser = Readable.from([body]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record.map((text) => (text === '' ? null : text)) };
  }
}

/** An exceljs cell value as a plain value: rich text joined, a formula by its result, a link by its text. */
function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as Cell;
  const object = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
  if (object.richText) return object.richText.map((part) => part.text).join('');
  if ('result' in object) return plainCell(object.result);
  if (object.text !== undefined) return plainCell(object.text);
  return null;
}

async function* xlsxRows(body: Buffer): AsyncIterable<TableRow> {
  // Styles are read so that date cells arrive as dates rather than serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([body]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const sheet of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
    for await (const line of sheet) {
      // `values` is 1-based: index 0 is always empty.
      const values = (line.values as unknown[]).slice(1);
      yield { row: line.number, cells: Array.from(values, plainCell) };
    }
    return;
  }
}
