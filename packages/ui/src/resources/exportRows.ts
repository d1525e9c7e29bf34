/** Records as labelled CSV rows: pure, without the CSV writer (the exporter hook, in exporter.ts, adds it). */
import type { Identifier, RaRecord } from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { hasOptions } from '../fields/choices.js';
import { grandTotal, lineColumns } from '../fields/lineTotals.js';

export interface ExportLabels {
  /** Column header of a field. */
  field(field: ClientFieldModel): string;
  /** Label of an enum value or stage. */
  option(field: ClientFieldModel, value: string): string;
  /** The name of the record a reference points to; `undefined` when unknown (the id is exported). */
  reference?(field: ClientFieldModel, id: Identifier): string | undefined;
  /** Yes or no. */
  boolean?(value: boolean): string;
}

/** The fields a CSV export has a column for. */
export const exported = (entity: ClientEntityModel) => entity.fields.filter((f) => f.kind !== 'json');

function cell(entity: ClientEntityModel, field: ClientFieldModel, record: RaRecord, labels: ExportLabels): unknown {
  const value = record[field.name];
  if (value == null) return '';
  if (field.kind === 'lines') return grandTotal(value, lineColumns(field)) ?? (Array.isArray(value) ? value.length : '');
  if (hasOptions(entity, field)) return labels.option(field, String(value));
  if (field.kind === 'reference') return labels.reference?.(field, value as Identifier) ?? value;
  if (typeof value === 'boolean' && labels.boolean) return labels.boolean(value);
  return value;
}

/**
 * Records as CSV rows keyed by labelled headers: `id` first, enum values and stages by label,
 * references by the referenced record's name, lines by their total.
 */
export function exportRows(entity: ClientEntityModel, records: readonly RaRecord[], labels: ExportLabels): Record<string, unknown>[] {
  const fields = exported(entity);
  return records.map((record) => ({
    id: record.id,
    ...Object.fromEntries(fields.map((f) => [labels.field(f), cell(entity, f, record, labels)])),
  }));
}

/** The ids the records refer to, per referenced resource, each once: what one `getMany` per resource asks for. */
export function referencedIds(entity: ClientEntityModel, records: readonly RaRecord[]): Map<string, Identifier[]> {
  const ids = new Map<string, Map<string, Identifier>>();
  for (const field of exported(entity)) {
    if (field.kind !== 'reference' || !field.ref) continue;
    const seen = ids.get(field.ref) ?? new Map<string, Identifier>();
    ids.set(field.ref, seen);
    for (const record of records) {
      const id = record[field.name] as Identifier | null | undefined;
      if (id != null && id !== '') seen.set(String(id), id);
    }
  }
  return new Map([...ids].filter(([, seen]) => seen.size > 0).map(([resource, seen]) => [resource, [...seen.values()]]));
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value || undefined : typeof value === 'number' ? String(value) : undefined;

/**
 * A record's name as react-admin writes it for a `<Resource recordRepresentation>`: the function's
 * result, the value at the field path, else (an element, or nothing) `name`, `title`, `label`,
 * `reference`, then `#id`.
 */
export function recordName(record: RaRecord, representation?: unknown): string {
  if (typeof representation === 'function') {
    const named = text((representation as (record: RaRecord) => unknown)(record));
    if (named !== undefined) return named;
  } else if (typeof representation === 'string') {
    const named = text(representation.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | null)?.[key], record));
    if (named !== undefined) return named;
  }
  for (const key of ['name', 'title', 'label', 'reference']) {
    const named = text(record[key]);
    if (named !== undefined) return named;
  }
  return `#${record.id}`;
}
