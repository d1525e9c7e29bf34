/// <reference path="./jsonexport.d.ts" />
import jsonExport from 'jsonexport/dist/index.js';
import { downloadCSV, useLocale, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { optionsOf, hasOptions } from '../fields/choices.js';
import { grandTotal, lineColumns } from '../fields/lineTotals.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';

export interface ExportLabels {
  /** Column header of a field. */
  field(field: FieldModel): string;
  /** Label of an enum value or stage. */
  option(field: FieldModel, value: string): string;
}

const exported = (entity: EntityModel) => entity.fields.filter((f) => f.kind !== 'json');

function cell(entity: EntityModel, field: FieldModel, record: RaRecord, labels: ExportLabels): unknown {
  const value = record[field.name];
  if (value == null) return '';
  if (field.kind === 'lines') return grandTotal(value, lineColumns(field)) ?? (Array.isArray(value) ? value.length : '');
  if (hasOptions(entity, field)) return labels.option(field, String(value));
  return value;
}

/** Records as CSV rows keyed by labelled headers: `id` first, enum values and stages by label, lines by their total. */
export function exportRows(entity: EntityModel, records: readonly RaRecord[], labels: ExportLabels): Record<string, unknown>[] {
  const fields = exported(entity);
  return records.map((record) => ({
    id: record.id,
    ...Object.fromEntries(fields.map((f) => [labels.field(f), cell(entity, f, record, labels)])),
  }));
}

/** react-admin's exporter for an entity, with headers and values in the current locale. */
export function useSalesExporter(entity: EntityModel): Exporter {
  const translate = useTranslate();
  const locale = useLocale();
  const labels: ExportLabels = {
    field: (f) => translate(keys.field(entity.resource, f.name), { _: labelIn(f.label, locale) }),
    option: (f, value) => {
      const option = optionsOf(entity, f).find((o) => o.value === value);
      return option ? translate(option.key, { _: labelIn(option.label, locale) }) : value;
    },
  };
  return (records: RaRecord[]) => {
    const rows = exportRows(entity, records, labels);
    const headers = ['id', ...exported(entity).map(labels.field)];
    jsonExport(rows, { headers }, (error: Error | null, csv: string) => {
      if (!error) downloadCSV(csv, entity.resource);
    });
  };
}
