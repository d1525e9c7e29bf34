/// <reference path="./jsonexport.d.ts" />
import jsonExport from 'jsonexport/dist/index.js';
import {
  downloadCSV,
  useLocaleState,
  useResourceDefinitions,
  useTranslate,
  type DataProvider,
  type Exporter,
  type RaRecord,
} from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { optionsOf } from '../fields/choices.js';
import { keys } from '../i18n/keys.js';
import { labelIn } from '../i18n/labels.js';
import { exported, exportRows, recordName, referencedIds, type ExportLabels } from './exportRows.js';

export { exportRows, type ExportLabels };

/** Excel reads a CSV without it in the system's code page (GBK on Chinese Windows), garbling the Chinese. */
export const UTF8_BOM = '\uFEFF';

type Names = Map<string, Map<string, string>>;

/** The names of the referenced records, one `getMany` per referenced resource. */
async function referenceNames(
  entity: ClientEntityModel,
  records: readonly RaRecord[],
  dataProvider: DataProvider,
  representationOf: (resource: string) => unknown,
): Promise<Names> {
  const names: Names = new Map();
  await Promise.all(
    [...referencedIds(entity, records)].map(async ([resource, ids]) => {
      try {
        const { data } = await dataProvider.getMany(resource, { ids });
        names.set(resource, new Map(data.map((record) => [String(record.id), recordName(record, representationOf(resource))])));
      } catch {
        // A resource the user may not read keeps its ids in the export rather than failing it.
      }
    }),
  );
  return names;
}

function csvOf(rows: Record<string, unknown>[], headers: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    jsonExport(rows, { headers }, (error: Error | null, csv: string) => (error ? reject(error) : resolve(csv)));
  });
}

/**
 * react-admin's exporter for an entity, in the UI language: headers and enum values by their
 * labels, references by the referenced record's name (its `recordRepresentation`), yes/no for
 * booleans; UTF-8 with a BOM so that Excel opens it right.
 */
export function useSalesExporter(entity: ClientEntityModel): Exporter {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const definitions = useResourceDefinitions();
  const labels: ExportLabels = {
    field: (f) => translate(keys.field(entity.resource, f.name), { _: labelIn(f.label, locale) }),
    option: (f, value) => {
      const option = optionsOf(entity, f).find((o) => o.value === value);
      return option ? translate(option.key, { _: labelIn(option.label, locale) }) : value;
    },
    boolean: (value) => translate(value ? 'ra.boolean.true' : 'ra.boolean.false'),
  };
  return async (records: RaRecord[], _fetchRelatedRecords, dataProvider) => {
    const names = await referenceNames(entity, records, dataProvider, (resource) => definitions[resource]?.recordRepresentation);
    const rows = exportRows(entity, records, { ...labels, reference: (f, id) => names.get(f.ref ?? '')?.get(String(id)) });
    const headers = ['id', ...exported(entity).map(labels.field)];
    downloadCSV(UTF8_BOM + (await csvOf(rows, headers)), entity.resource);
  };
}
