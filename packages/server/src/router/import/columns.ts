/**
 * Header cells to fields: by the field's name or its label in any language, ignoring case and
 * spaces. Unknown or repeated columns refuse the whole file (with the nearest names).
 */
import { closestNames, labelOf, type EntityModel, type FieldModel } from '@ra-sales/schema';
import { phrase, quotedNames } from '../locale.js';
import type { Cell } from './tables.js';
import type { ImportError } from './types.js';

export const normalName = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Fields an import may fill: what a create form offers (never computed, numbered or server-owned ones). */
export function importableFields(entity: EntityModel): FieldModel[] {
  return entity.fields.filter((f) => !f.readOnly && f.computed === undefined && f.sequence === undefined);
}

function namesOf(field: FieldModel): string[] {
  return [field.name, ...Object.values(field.label).filter((l): l is string => typeof l === 'string')];
}

export interface Columns {
  /** The field of each column, by position; undefined for a column left empty in the header. */
  fields: (FieldModel | undefined)[];
  errors: ImportError[];
}

export function matchColumns(entity: EntityModel, header: Cell[], locale: string): Columns {
  const byName = new Map<string, FieldModel>();
  const fields = importableFields(entity);
  for (const field of fields) for (const name of namesOf(field)) byName.set(normalName(name), field);
  const errors: ImportError[] = [];
  const seen = new Map<string, string>();
  const matched = header.map((cell) => {
    const text = cell === null ? '' : String(cell).trim();
    if (!text) return undefined;
    const field = byName.get(normalName(text));
    if (!field) {
      const near = closestNames(
        text,
        fields.map((f) => labelOf(f.label, locale)),
      );
      const hint = near.length ? phrase(locale, 'importDidYouMean', { names: quotedNames(locale, near) }) : '';
      errors.push({ row: 1, column: text, message: phrase(locale, 'importUnknownColumn', { column: text, hint }) });
      return undefined;
    }
    const first = seen.get(field.name);
    if (first !== undefined) {
      errors.push({
        row: 1,
        column: text,
        field: field.name,
        message: phrase(locale, 'importRepeatedColumn', { column: text, first, field: labelOf(field.label, locale) }),
      });
      return undefined;
    }
    seen.set(field.name, text);
    return field;
  });
  return { fields: matched, errors };
}
