/**
 * `x-computed` values: computed by the server on every save from the record and its lookups.
 * A client may echo the stored value or send the value the server computes (a live form does);
 * any other value is refused, naming the value the server computed.
 */
import { computeRecord, hasComputed, type EntityModel } from '@ra-sales/schema';
import { badRequest } from '../errors.js';
import { phrase } from '../locale.js';
import { sameValue } from '../records.js';
import { fieldLabel, joinLabels } from './labels.js';

export function applyComputed(
  entity: EntityModel,
  record: Record<string, unknown>,
  sent: Record<string, unknown>,
  stored: Record<string, unknown>,
  lookups: Record<string, unknown>,
  locale: string,
): Record<string, unknown> {
  if (!hasComputed(entity)) return record;
  const computed = computeRecord(entity, record, lookups);
  const errors: Record<string, string> = {};
  for (const field of entity.fields) {
    if (field.computed !== undefined && field.name in sent) {
      const value = sent[field.name];
      if (!sameValue(value, computed[field.name]) && !sameValue(value, stored[field.name])) {
        errors[field.name] = phrase(locale, 'computedBy', { value: String(computed[field.name] ?? '—') });
      }
    }
    const lines = sent[field.name];
    if (!field.itemFields || !Array.isArray(lines)) continue;
    const columns = field.itemFields.filter((c) => c.computed !== undefined);
    if (!columns.length) continue;
    lines.forEach((line, i) => {
      for (const column of columns) {
        const value = (line as Record<string, unknown> | null)?.[column.name];
        const expected = (computed[field.name] as Record<string, unknown>[])[i]?.[column.name];
        // A form sending back the line as it was stored is not setting the column.
        const echoed = (stored[field.name] as Record<string, unknown>[] | null | undefined)?.[i]?.[column.name];
        if (value !== undefined && value !== null && !sameValue(value, expected) && !sameValue(value, echoed)) {
          errors[`${field.name}`] ??=
            `${i + 1}. ${fieldLabel(column, locale)}: ${phrase(locale, 'computedBy', { value: String(expected ?? '—') })}`;
        }
      }
    });
  }
  if (Object.keys(errors).length) {
    throw badRequest(phrase(locale, 'computedRefused', { fields: joinLabels(entity, Object.keys(errors), locale) }), errors);
  }
  return computed;
}
