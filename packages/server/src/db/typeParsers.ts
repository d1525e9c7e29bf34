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
  if (text === 'infinity' || text === '-infinity') return text;
  const iso = text
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00')
    .replace(/([+-]\d\d:\d\d):\d\d$/, '$1');
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? text : parsed.toISOString();
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
