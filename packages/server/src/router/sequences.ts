/**
 * Document numbers of `x-sequence` fields, e.g. `HT-{yyyy}-{seq:5}` → `HT-2026-00042`: a counter
 * per resource, field and period, the period being the pattern with its dates filled in and the
 * counter left out (`HT-2026-`), so the counter restarts whenever the date placeholders change value.
 */
import type { Knex } from 'knex';
import { SEQUENCES_TABLE } from '../migrate/systemTables.js';

const PLACEHOLDER = /\{(yyyy|yy|mm|dd|seq(?::(\d+))?)\}/g;

const twoDigits = (n: number) => String(n).padStart(2, '0');

// The server's local date, not UTC: numbers follow the calendar of the people issuing the
// documents, so a company runs its server in its own time zone (TZ) and a contract signed on
// 1 January in the morning gets the new year's number.
function datePart(placeholder: string, now: Date): string {
  switch (placeholder) {
    case 'yyyy':
      return String(now.getFullYear()).padStart(4, '0');
    case 'yy':
      return twoDigits(now.getFullYear() % 100);
    case 'mm':
      return twoDigits(now.getMonth() + 1);
    default:
      return twoDigits(now.getDate());
  }
}

function fill(pattern: string, now: Date, counter: (digits: number) => string): string {
  return pattern.replace(PLACEHOLDER, (_whole, placeholder: string, digits: string | undefined) =>
    placeholder.startsWith('seq') ? counter(Number(digits ?? 0)) : datePart(placeholder, now),
  );
}

/** `pattern` for the date `now` and counter value `n`: `formatSequence('HT-{yyyy}-{seq:5}', 2026-03-01, 42)` → `HT-2026-00042`. */
export function formatSequence(pattern: string, now: Date, n: number | string): string {
  return fill(pattern, now, (digits) => String(n).padStart(digits, '0'));
}

/** The counter's key for `now`: the pattern with its dates filled in and the counter left out, `HT-2026-`. */
export function sequencePeriod(pattern: string, now: Date): string {
  return fill(pattern, now, () => '');
}

/**
 * The next document number of `resource`.`field`, allocated by one upsert: concurrent
 * transactions wait on the counter's row until the one holding it ends, so no two get the same
 * value. Called in the record's transaction, a rolled-back create gives its number back (no gaps).
 */
export async function nextSequenceValue(
  db: Knex | Knex.Transaction,
  resource: string,
  field: string,
  pattern: string,
  now = new Date(),
): Promise<string> {
  const result = await db.raw(
    `INSERT INTO ${SEQUENCES_TABLE} (resource, field, period, last_value) VALUES (?, ?, ?, 1)
     ON CONFLICT (resource, field, period) DO UPDATE SET last_value = ${SEQUENCES_TABLE}.last_value + 1
     RETURNING last_value`,
    [resource, field, sequencePeriod(pattern, now)],
  );
  return formatSequence(pattern, now, result.rows[0].last_value as number | string);
}

/**
 * The next `count` document numbers of `resource`.`field`, in order, allocated by one upsert (an
 * import numbering a chunk of records): the same numbers `count` calls of `nextSequenceValue` give.
 */
export async function nextSequenceValues(
  db: Knex | Knex.Transaction,
  resource: string,
  field: string,
  pattern: string,
  count: number,
  now = new Date(),
): Promise<string[]> {
  if (count <= 0) return [];
  const result = await db.raw(
    `INSERT INTO ${SEQUENCES_TABLE} (resource, field, period, last_value) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource, field, period) DO UPDATE SET last_value = ${SEQUENCES_TABLE}.last_value + EXCLUDED.last_value
     RETURNING last_value`,
    [resource, field, sequencePeriod(pattern, now), count],
  );
  const last = Number(result.rows[0].last_value);
  return Array.from({ length: count }, (_, i) => formatSequence(pattern, now, last - count + 1 + i));
}

/**
 * The highest counter value already used in `table`.`field` for the period of `now`: numbers
 * typed before the field had a sequence (or imported) are read back from the column itself.
 */
export async function usedSequenceValue(
  db: Knex | Knex.Transaction,
  table: string,
  field: string,
  pattern: string,
  now = new Date(),
): Promise<number> {
  const like = fill(pattern, now, () => '%').replace(/[\\_]/g, (c) => `\\${c}`);
  const parse = new RegExp(
    `^${fill(pattern, now, () => '\u0000')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace('\u0000', '(\\d+)')}$`,
  );
  const rows = (await db(table).select(field).whereLike(field, like)) as Record<string, unknown>[];
  return rows.reduce<number>((max, row) => Math.max(max, Number(parse.exec(String(row[field]))?.[1] ?? 0)), 0);
}

/** Moves the counter of the period of `now` up to `value` (never down). */
export async function raiseSequence(
  db: Knex | Knex.Transaction,
  resource: string,
  field: string,
  pattern: string,
  value: number,
  now = new Date(),
): Promise<void> {
  await db.raw(
    `INSERT INTO ${SEQUENCES_TABLE} (resource, field, period, last_value) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource, field, period) DO UPDATE SET last_value = GREATEST(${SEQUENCES_TABLE}.last_value, EXCLUDED.last_value)`,
    [resource, field, sequencePeriod(pattern, now), value],
  );
}
