/** The file of an import is read as it arrives: rows come before the upload ends, and an upload past the limit stops the reading. */
import { PassThrough, Readable, pipeline } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ByteLimit, FileTooLarge, readTable } from '../../src/router/import/tables.js';

describe('import file stream', () => {
  it('yields the first rows while the rest of the file has not arrived', async () => {
    const upload = new PassThrough();
    const rows = readTable('csv', upload)[Symbol.asyncIterator]();
    upload.write('name,grade\nFirst,A\nSecond,B\n');
    expect((await rows.next()).value).toEqual({ row: 1, cells: ['name', 'grade'] });
    expect((await rows.next()).value).toEqual({ row: 2, cells: ['First', 'A'] });
    upload.end('Third,C\n');
    const rest = [];
    for (let next = await rows.next(); !next.done; next = await rows.next()) rest.push(next.value.row);
    expect(rest).toEqual([3, 4]);
  });

  it('stops with FileTooLarge once the upload passes the limit, however the parser waits', async () => {
    const big = Readable.from(
      (function* () {
        yield 'name,grade\n';
        for (let i = 0; i < 1000; i++) yield `Customer ${i},A\n`;
      })(),
    );
    const limited = pipeline(big, new ByteLimit(2_000), () => undefined);
    const read = async () => {
      for await (const _row of readTable('csv', limited));
    };
    await expect(read()).rejects.toBeInstanceOf(FileTooLarge);
    const xlsx = pipeline(Readable.from([Buffer.alloc(5_000, 1)]), new ByteLimit(2_000), () => undefined);
    await expect(
      (async () => {
        for await (const _row of readTable('xlsx', xlsx));
      })(),
    ).rejects.toBeInstanceOf(FileTooLarge);
  });
});
