/**
 * A field whose definition tightened (a value taken out of its enum, a smaller maxLength, a field
 * now required) may hold values a save would refuse. They are read, judged by the field's
 * validator as declared now, and converted as the field's `x-migrate` says (else a new required
 * field takes its default); those left without a conversion refuse the migration, named.
 */
import { fieldAccepts } from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { ColumnType } from './columnTypes.js';
import { formatCount, quoteIdent } from './sql.js';
import type { ConformedField } from './steps.js';

export interface Conformance {
  /** Stored values the field does not accept. */
  invalid: number;
  /** Conversions by target value (JSON text) with the records they apply to. */
  conversions: { to: unknown; ids: number[]; emptied: boolean }[];
  /** Records with no conversion, with their values (the first few). */
  unresolved: { id: number; value: unknown }[];
  unresolvedCount: number;
}

const SHOWN = 5;

/** The conversion a stored value gets, or undefined when none is declared. */
function conversionOf(field: ConformedField, value: unknown): { to: unknown } | undefined {
  const map = field.migrate?.map;
  if (value !== null && value !== undefined && map && Object.hasOwn(map, String(value))) return { to: map[String(value)] };
  if (field.migrate?.otherwise) return { to: field.migrate.otherwise.value };
  if ((value === null || value === undefined) && field.default !== undefined && field.default !== null) return { to: field.default };
  return undefined;
}

export async function measureConformance(db: Knex, table: string, column: string, field: ConformedField): Promise<Conformance> {
  const accepts = fieldAccepts(field);
  const query = db(table).select('id', { value: column }).orderBy('id');
  if (!field.required) query.whereNotNull(column);
  const rows = (await query) as { id: string | number; value: unknown }[];
  const byTarget = new Map<string, { to: unknown; ids: number[]; emptied: boolean }>();
  const result: Conformance = { invalid: 0, conversions: [], unresolved: [], unresolvedCount: 0 };
  for (const row of rows) {
    if (accepts(row.value)) continue;
    result.invalid++;
    const conversion = conversionOf(field, row.value);
    if (!conversion) {
      result.unresolvedCount++;
      if (result.unresolved.length < SHOWN) result.unresolved.push({ id: Number(row.id), value: row.value });
      continue;
    }
    const key = JSON.stringify(conversion.to);
    if (!byTarget.has(key)) byTarget.set(key, { to: conversion.to, ids: [], emptied: conversion.to === null });
    byTarget.get(key)!.ids.push(Number(row.id));
  }
  result.conversions = [...byTarget.values()];
  return result;
}

/** Writes the conversions, each changed record leaving an audit row with its value before and after. */
export async function writeConversions(db: Knex, table: string, column: string, type: ColumnType, conformance: Conformance): Promise<void> {
  const col = quoteIdent(column);
  for (const { to, ids } of conformance.conversions) {
    const value = (to === null ? null : type === 'jsonb' ? JSON.stringify(to) : to) as Knex.Value;
    await db.raw(
      `INSERT INTO sales_audit (resource, record_id, action, before, after)
       SELECT ?, id, 'update', jsonb_build_object(?::text, to_jsonb(${col})), jsonb_build_object(?::text, to_jsonb(?::${type}))
         FROM ${quoteIdent(table)} WHERE id = ANY(?::bigint[])`,
      [table, column, column, value, ids],
    );
    await db.raw(
      `UPDATE ${quoteIdent(table)} SET ${col} = ?::${type}, version = version + 1, updated_at = now() WHERE id = ANY(?::bigint[])`,
      [value, ids],
    );
  }
}

/** What a conformance does, in words: `240 values not accepted: 200 become "C", 40 emptied`. */
export function describeConformance(c: Conformance): string {
  if (c.invalid === 0) return 'every stored value is accepted';
  const parts = c.conversions.map(({ to, ids, emptied }) =>
    emptied ? `${formatCount(ids.length)} emptied` : `${formatCount(ids.length)} become ${JSON.stringify(to)}`,
  );
  if (c.unresolvedCount) {
    const shown = c.unresolved.map(({ id, value }) => `#${id} ${JSON.stringify(value)}`).join(', ');
    parts.push(`${formatCount(c.unresolvedCount)} have no conversion (${shown}${c.unresolvedCount > c.unresolved.length ? ', …' : ''})`);
  }
  return `${formatCount(c.invalid)} stored values are not accepted any more: ${parts.join(', ')}`;
}
