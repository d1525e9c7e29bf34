import type { FieldKind, FieldModel } from '@ra-sales/schema';
import { quoteIdent } from './sql.js';

/** Column types used by entity tables (docs/architecture.md, "Database conventions"). */
export type ColumnType =
  | 'text'
  | 'integer'
  | 'bigint'
  | 'double precision'
  | 'numeric(16,2)'
  | 'date'
  | 'timestamptz'
  | 'boolean'
  | 'jsonb';

const COLUMN_TYPE_BY_KIND: Record<FieldKind, ColumnType> = {
  string: 'text',
  text: 'text',
  email: 'text',
  phone: 'text',
  url: 'text',
  enum: 'text',
  integer: 'integer',
  reference: 'bigint',
  number: 'double precision',
  percent: 'double precision',
  money: 'numeric(16,2)',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  lines: 'jsonb',
  json: 'jsonb',
};

export function columnTypeOf(field: Pick<FieldModel, 'kind'>): ColumnType {
  const type = COLUMN_TYPE_BY_KIND[field.kind];
  if (!type) throw new Error(`No column type for field kind "${field.kind}"`);
  return type;
}

/** Kinds whose columns are not indexed with a b-tree (documents). */
export function isDocumentType(type: ColumnType): boolean {
  return type === 'jsonb';
}

/** Type changes that keep every value: anything to text or jsonb, and the exact numeric widenings. */
const LOSSLESS_CHANGES: Record<ColumnType, ColumnType[]> = {
  text: ['jsonb'],
  integer: ['bigint', 'double precision', 'numeric(16,2)', 'text', 'jsonb'],
  bigint: ['text', 'jsonb'],
  'double precision': ['text', 'jsonb'],
  'numeric(16,2)': ['text', 'jsonb'],
  date: ['timestamptz', 'text', 'jsonb'],
  timestamptz: ['text', 'jsonb'],
  boolean: ['text', 'jsonb'],
  jsonb: ['text'],
};

export function isLosslessChange(from: ColumnType, to: ColumnType): boolean {
  return from === to || LOSSLESS_CHANGES[from].includes(to);
}

const NUMBER_TEXT = `'^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$'`;
const DATE_TEXT = `'^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}'`;
const NUMERIC_TYPES: ColumnType[] = ['integer', 'bigint', 'double precision', 'numeric(16,2)'];

/**
 * The `USING` expression converting a column from one type to another. Values that cannot be
 * converted become NULL instead of failing the migration (narrowing is refused unless allowed).
 */
export function castExpression(column: string, from: ColumnType, to: ColumnType): string {
  const col = quoteIdent(column);
  if (to === 'text') return from === 'jsonb' ? `${col} #>> '{}'` : `${col}::text`;
  if (to === 'jsonb') return `to_jsonb(${col})`;
  const source = from === 'jsonb' ? `(${col} #>> '{}')` : col;
  const sourceIsText = from === 'text' || from === 'jsonb';
  if (NUMERIC_TYPES.includes(to)) {
    const asNumeric = sourceIsText
      ? `(CASE WHEN ${source} ~ ${NUMBER_TEXT} THEN trim(${source})::numeric END)`
      : from === 'boolean'
        ? `(CASE WHEN ${col} THEN 1 ELSE 0 END)`
        : NUMERIC_TYPES.includes(from)
          ? col
          : 'NULL';
    if (asNumeric === 'NULL') return `NULL::${to}`;
    return to === 'integer' || to === 'bigint' ? `round(${asNumeric})::${to}` : `${asNumeric}::${to}`;
  }
  if (to === 'boolean') {
    if (sourceIsText) {
      return `(CASE WHEN lower(trim(${source})) IN ('true','t','yes','y','1') THEN true WHEN lower(trim(${source})) IN ('false','f','no','n','0') THEN false END)`;
    }
    return NUMERIC_TYPES.includes(from) ? `(${col} <> 0)` : 'NULL::boolean';
  }
  if (to === 'date') {
    if (sourceIsText) return `(CASE WHEN ${source} ~ ${DATE_TEXT} THEN substr(trim(${source}), 1, 10)::date END)`;
    return from === 'timestamptz' ? `(${col} AT TIME ZONE 'UTC')::date` : 'NULL::date';
  }
  if (to === 'timestamptz') {
    if (sourceIsText) return `(CASE WHEN ${source} ~ ${DATE_TEXT} THEN trim(${source})::timestamptz END)`;
    return from === 'date' ? `${col}::timestamptz` : 'NULL::timestamptz';
  }
  return `NULL::${to}`;
}
