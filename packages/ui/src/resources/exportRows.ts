/** Records as labelled CSV rows: pure, without the CSV writer (the exporter hook, in exporter.ts, adds it). */
import type { RaRecord } from 'react-admin';
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import { hasOptions } from '../fields/choices.js';
import { grandTotal, lineColumns } from '../fields/lineTotals.js';

export interface ExportLabels {
  /** Column header of a field. */
  field(field: ClientFieldModel): string;
  /** Label of an enum value or stage. */
  option(field: ClientFieldModel, value: string): string;
}

/** The fields a CSV export has a column for. */
export const exported = (entity: ClientEntityModel) => entity.fields.filter((f) => f.kind !== 'json');

function cell(entity: ClientEntityModel, field: ClientFieldModel, record: RaRecord, labels: ExportLabels): unknown {
  const value = record[field.name];
  if (value == null) return '';
  if (field.kind === 'lines') return grandTotal(value, lineColumns(field)) ?? (Array.isArray(value) ? value.length : '');
  if (hasOptions(entity, field)) return labels.option(field, String(value));
  return value;
}

/** Records as CSV rows keyed by labelled headers: `id` first, enum values and stages by label, lines by their total. */
export function exportRows(entity: ClientEntityModel, records: readonly RaRecord[], labels: ExportLabels): Record<string, unknown>[] {
  const fields = exported(entity);
  return records.map((record) => ({
    id: record.id,
    ...Object.fromEntries(fields.map((f) => [labels.field(f), cell(entity, f, record, labels)])),
  }));
}
