import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase, databaseKind } from '../../src/db/index.js';
import { parseTimestamp, parseTimestamptz } from '../../src/db/typeParsers.js';
import { forEachDatabase } from '../support/databases.js';

describe('type parsers', () => {
  it('turns PostgreSQL timestamps into ISO strings in UTC', () => {
    expect(parseTimestamptz('2026-03-01 08:30:00.123456+08')).toBe('2026-03-01T00:30:00.123Z');
    expect(parseTimestamptz('2026-03-01 08:30:00+05:30')).toBe('2026-03-01T03:00:00.000Z');
    expect(parseTimestamptz('2026-03-01 08:30:00+00')).toBe('2026-03-01T08:30:00.000Z');
    expect(parseTimestamptz('infinity')).toBe('infinity');
    expect(parseTimestamp('2026-03-01 08:30:00')).toBe('2026-03-01T08:30:00.000Z');
  });

  it('reads a time printed in UTC as the general case does: milliseconds cut, not rounded', () => {
    expect(parseTimestamptz('2026-03-01 08:30:00.5+00')).toBe('2026-03-01T08:30:00.500Z');
    expect(parseTimestamptz('2026-03-01 08:30:00.12+00')).toBe('2026-03-01T08:30:00.120Z');
    expect(parseTimestamptz('2026-12-31 23:59:59.999999+00')).toBe('2026-12-31T23:59:59.999Z');
    expect(parseTimestamptz('2026-03-01 08:30:00+00:00')).toBe('2026-03-01T08:30:00.000Z');
    // A year of five digits and a date BC are left to the general case, which keeps them as printed.
    expect(parseTimestamptz('12026-03-01 08:30:00+00')).toBe('12026-03-01 08:30:00+00');
    expect(parseTimestamptz('0044-03-15 12:00:00+00 BC')).toBe('0044-03-15 12:00:00+00 BC');
  });
});

forEachDatabase('connectDatabase', (database) => {
  it('reads numeric, int8, date, timestamptz and jsonb the same way', async () => {
    const { rows } = await database.db.raw(
      `SELECT 1234567.89::numeric(16,2) AS money, 9007199254740::int8 AS big, count(*) AS count,
              date '2026-02-28' AS day, timestamptz '2026-02-28 23:59:59.5+08' AS at,
              '[{"a": 1}]'::jsonb AS doc, 0.5::double precision AS ratio, true AS flag
         FROM generate_series(1, 3)`,
    );
    expect(rows[0]).toEqual({
      money: 1234567.89,
      big: 9007199254740,
      count: 3,
      day: '2026-02-28',
      at: '2026-02-28T15:59:59.500Z',
      doc: [{ a: 1 }],
      ratio: 0.5,
      flag: true,
    });
    expect(databaseKind(database.db)).toBe(database.kind);
  });
});

describe('a file-backed PGlite database', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ra-sales-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data in the folder across connections', async () => {
    const dataDir = path.join(dir, 'nested', 'pglite');
    const first = connectDatabase({ dataDir, url: '' });
    await first.raw('CREATE TABLE kept (id integer)');
    await first('kept').insert({ id: 7 });
    await first.destroy();
    const second = connectDatabase({ dataDir, url: '' });
    expect(await second('kept').pluck('id')).toEqual([7]);
    await second.destroy();
  }, 180_000);
});
