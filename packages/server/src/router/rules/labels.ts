import { labelOf, type EntityModel, type FieldModel, type Labels, type SalesModel } from '@ra-sales/schema';
import { fieldName, listWords } from '../locale.js';

export function fieldLabel(field: FieldModel | undefined, locale: string, fallback = ''): string {
  return field ? labelOf(field.label, locale) : fallback;
}

/** "Discount %, Total" / "折扣率、总额": field names as the user reads them. */
export function joinLabels(entity: EntityModel, names: string[], locale: string): string {
  return listWords(
    locale,
    names.map((name) => fieldName(entity, name, locale)),
  );
}

export function joinWords(words: string[], locale: string): string {
  return listWords(locale, words);
}

/** Role labels of the model, e.g. "Legal, Administrator" / "法务、管理员". */
export function roleLabels(model: SalesModel, roles: string[], locale: string): string {
  return listWords(
    locale,
    roles.map((r) => labelOf(model.roles[r] as Labels | undefined, locale) || r),
  );
}
