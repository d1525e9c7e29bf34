/**
 * How column values are read back, identical on PostgreSQL (`pg`) and PGlite:
 * numeric and int8 as JS numbers, date as 'YYYY-MM-DD', timestamptz as an ISO string.
 */

/** PostgreSQL type OIDs (stable across versions). */
export const TYPE_OIDS = {
  INT8: 20,
  NUMERIC: 1700,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
} as const;

export function parseNumber(text: string): number {
  return Number(text);
}

export function parseDate(text: string): string {
  return text;
}

/**
 * PostgreSQL prints timestamptz as `2026-03-01 08:30:00.123456+08` (or `+05:30`);
 * returns `2026-03-01T00:30:00.123Z`. `infinity` and `-infinity` are returned as is.
 */
export function parseTimestamptz(text: string): string {
  const utc = printedInUtc(text);
  if (utc !== undefined) return utc;
  if (text === 'infinity' || text === '-infinity') return text;
  const iso = text
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00')
    .replace(/([+-]\d\d:\d\d):\d\d$/, '$1');
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
}

const [PLUS, ZERO, SPACE, DASH, DOT] = ['+', '0', ' ', '-', '.'].map((c) => c.charCodeAt(0));

/**
 * The common case, a database whose time zone is UTC printing `2026-03-01 08:30:00.123456+00`:
 * the ISO string is the same digits rearranged, without the three replacements and the `Date` of
 * the general case (which took 7–9% of the CPU of a list of 25 opportunities). Anything else
 * (another offset, a year past 9999, BC) answers undefined.
 */
function printedInUtc(text: string): string | undefined {
  const n = text.length;
  if (n < 22 || text.charCodeAt(n - 3) !== PLUS || text.charCodeAt(n - 2) !== ZERO || text.charCodeAt(n - 1) !== ZERO) return undefined;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(10) !== SPACE) return undefined;
  const dateAndTime = `${text.slice(0, 10)}T${text.slice(11, 19)}`;
  if (n === 22) return `${dateAndTime}.000Z`;
  if (text.charCodeAt(19) !== DOT) return undefined;
  // Milliseconds are the first three digits of the fraction, as `Date` reads them.
  return `${dateAndTime}.${`${text.slice(20, n - 3)}00`.slice(0, 3)}Z`;
}

/** A `timestamp` without time zone is read as UTC. */
export function parseTimestamp(text: string): string {
  if (text === 'infinity' || text === '-infinity') return text;
  return parseTimestamptz(`${text}+00`);
}

/** Parsers keyed by type OID, in the shape both drivers accept. */
export const TYPE_PARSERS: Record<number, (text: string) => unknown> = {
  [TYPE_OIDS.INT8]: parseNumber,
  [TYPE_OIDS.NUMERIC]: parseNumber,
  [TYPE_OIDS.DATE]: parseDate,
  [TYPE_OIDS.TIMESTAMP]: parseTimestamp,
  [TYPE_OIDS.TIMESTAMPTZ]: parseTimestamptz,
};
