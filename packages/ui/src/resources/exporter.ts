/// <reference path="./jsonexport.d.ts" />
import jsonExport from 'jsonexport/dist/index.js';
import { downloadCSV, useLocale, useTranslate, type Exporter, type RaRecord } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { optionsOf } from '../fields/choices.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { exported, exportRows, type ExportLabels } from './exportRows.js';

export { exportRows, type ExportLabels };

/** react-admin's exporter for an entity, with headers and values in the current locale. */
export function useSalesExporter(entity: ClientEntityModel): Exporter {
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
