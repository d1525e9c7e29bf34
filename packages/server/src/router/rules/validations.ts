/**
 * `x-validate`: conditions every saved record meets, judged on the record as it would be stored,
 * with its computed values and its lookups (so a rule may compare with other records).
 */
import { holds, labelOf, type EntityModel } from '@ra-sales/schema';
import { badRequest } from '../errors.js';
import { listWords } from '../locale.js';

export function checkValidations(entity: EntityModel, document: Record<string, unknown>, locale: string): void {
  const messages: string[] = [];
  const errors: Record<string, string> = {};
  for (const validation of entity.validations) {
    if (holds(validation.rule, document)) continue;
    const message = labelOf(validation.message, locale);
    messages.push(message);
    for (const field of validation.fields) errors[field] ??= message;
  }
  if (messages.length) throw badRequest(listWords(locale, messages), errors);
}
