/**
 * The rows of an uploaded file, read as they are parsed: CSV by csv-parse (streaming, RFC 4180,
 * byte-order mark stripped), XLSX by the streaming reader of exceljs (the first worksheet, loaded on
 * the first spreadsheet).
 * Row numbers are the spreadsheet's: the header is row 1.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';

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

/** The upload went past the route's limit. */
export class FileTooLarge extends Error {}

/** The bytes of an upload as they arrive, refused (`FileTooLarge`) once past `limit`. */
export class ByteLimit extends Transform {
  private bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) done(new FileTooLarge(`more than ${this.limit} bytes`));
    else done(null, chunk);
  }
}

export function readTable(kind: 'csv' | 'xlsx', source: Readable): AsyncIterable<TableRow> {
  return untilSourceFails(kind === 'csv' ? csvRows(source) : xlsxRows(source), source);
}

/**
 * The rows, ended by an error of the source: the parsers are fed by `pipe`, which does not pass a
 * source's error on (an upload cut short, `FileTooLarge`), so they would wait for more bytes.
 */
async function* untilSourceFails(rows: AsyncIterable<TableRow>, source: Readable): AsyncIterable<TableRow> {
  const failed = new Promise<never>((_resolve, reject) => source.once('error', reject));
  failed.catch(() => undefined);
  const iterator = rows[Symbol.asyncIterator]();
  let broken = false;
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), failed]).catch((error: unknown) => {
        broken = true;
        throw error;
      });
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // A parser still waiting for bytes would never answer `return`.
    if (!broken) await iterator.return?.();
  }
}

async function* csvRows(source: Readable): AsyncIterable<TableRow> {
  const parser = source.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false }));
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

async function* xlsxRows(source: Readable): AsyncIterable<TableRow> {
  // Loaded with the first spreadsheet, not with the server (a quarter of a second at every start).
  const { default: excel } = await import('exceljs');
  // Styles are read so that date cells arrive as dates rather than serial numbers.
  const reader = new excel.stream.xlsx.WorkbookReader(source, {
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
