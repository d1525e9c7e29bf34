import { beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/migrate/index.js';
import { formatSequence, nextSequenceValue, sequencePeriod } from '../../src/router/sequences.js';
import { forEachDatabase } from '../support/databases.js';
import { testModel } from '../db/fixtures.js';

/** A local date: sequences follow the server's calendar. */
const day = (year: number, month: number, date: number, hour = 12) => new Date(year, month - 1, date, hour);

describe('formatSequence', () => {
  it('fills the date placeholders from the local date and pads the counter to {seq:N} digits', () => {
    expect(formatSequence('HT-{yyyy}-{seq:5}', day(2026, 3, 7), 42)).toBe('HT-2026-00042');
    expect(formatSequence('{yy}{mm}{dd}-{seq:3}', day(2026, 3, 7), 7)).toBe('260307-007');
    expect(formatSequence('Q{yyyy}{mm}{seq:2}', day(2027, 12, 31, 23), 5)).toBe('Q20271205');
    expect(formatSequence('C-{seq}', day(2026, 1, 1), 1234)).toBe('C-1234');
    expect(formatSequence('C-{seq:2}', day(2026, 1, 1), 1234)).toBe('C-1234');
    expect(formatSequence('C-{seq:4}', day(2026, 1, 1), '17')).toBe('C-0017');
    expect(formatSequence('{yy}-{seq:2}', day(2005, 1, 1), 1)).toBe('05-01');
  });

  it('keys the counter by the pattern without it, so it restarts with each new period', () => {
    expect(sequencePeriod('HT-{yyyy}-{seq:5}', day(2026, 3, 7))).toBe('HT-2026-');
    expect(sequencePeriod('{yyyy}{mm}-{seq:3}', day(2026, 3, 7))).toBe('202603-');
    expect(sequencePeriod('{seq:3}/{dd}.{mm}.{yy}', day(2026, 3, 7))).toBe('/07.03.26');
    expect(sequencePeriod('C-{seq}', day(2026, 3, 7))).toBe('C-');
  });

  it('uses the local date, not UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const newYearsMorningInShanghai = new Date('2026-12-31T17:30:00Z');
      expect(formatSequence('{yyyy}{mm}{dd}-{seq}', newYearsMorningInShanghai, 1)).toBe('20270101-1');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

forEachDatabase('nextSequenceValue', (database) => {
  beforeAll(() => applyMigrations(database.db, testModel()));

  it('counts per resource, field and period', async () => {
    const db = database.db;
    const now = day(2026, 5, 20);
    expect(await nextSequenceValue(db, 'contracts', 'number', 'HT-{yyyy}-{seq:5}', now)).toBe('HT-2026-00001');
    expect(await nextSequenceValue(db, 'contracts', 'number', 'HT-{yyyy}-{seq:5}', now)).toBe('HT-2026-00002');
    expect(await nextSequenceValue(db, 'contracts', 'other_number', 'HT-{yyyy}-{seq:5}', now)).toBe('HT-2026-00001');
    expect(await nextSequenceValue(db, 'quotes', 'number', 'HT-{yyyy}-{seq:5}', now)).toBe('HT-2026-00001');
  });

  it('restarts the counter in a new year', async () => {
    const db = database.db;
    const pattern = 'INV-{yyyy}-{seq:4}';
    expect(await nextSequenceValue(db, 'invoices', 'number', pattern, day(2026, 12, 31, 23))).toBe('INV-2026-0001');
    expect(await nextSequenceValue(db, 'invoices', 'number', pattern, day(2026, 12, 31, 23))).toBe('INV-2026-0002');
    expect(await nextSequenceValue(db, 'invoices', 'number', pattern, day(2027, 1, 1, 0))).toBe('INV-2027-0001');
    expect(await nextSequenceValue(db, 'invoices', 'number', pattern, day(2026, 12, 31, 23))).toBe('INV-2026-0003');
    const rows = await db('sales_sequences').where({ resource: 'invoices' }).orderBy('period').select('period', 'last_value');
    expect(rows).toEqual([
      { period: 'INV-2026-', last_value: 3 },
      { period: 'INV-2027-', last_value: 1 },
    ]);
  });

  it('gives 50 concurrent transactions 50 distinct consecutive numbers', async () => {
    const db = database.db;
    const now = day(2026, 5, 20);
    const numbers = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction(async (trx) => {
          const number = await nextSequenceValue(trx, 'orders', 'number', 'SO-{yyyy}{mm}-{seq:3}', now);
          // Hold the counter's row a little, as a record insert would, so the others queue on it.
          await trx.raw('SELECT pg_sleep(0.002)');
          return number;
        }),
      ),
    );
    expect([...numbers].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `SO-202605-${String(i + 1).padStart(3, '0')}`));
  });

  it('gives a rolled-back number again', async () => {
    const db = database.db;
    const now = day(2026, 5, 20);
    await db
      .transaction(async (trx) => {
        expect(await nextSequenceValue(trx, 'refunds', 'number', 'R{seq}', now)).toBe('R1');
        throw new Error('the record was refused');
      })
      .catch(() => undefined);
    expect(await nextSequenceValue(db, 'refunds', 'number', 'R{seq}', now)).toBe('R1');
  });
});
