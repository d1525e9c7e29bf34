/**
 * `x-validate`: conditions every saved record meets, judged on the record as it would be stored,
 * with its computed values and its lookups (so a rule may compare with other records).
 */
import { fillMessage, holds, labelOf, type EntityModel, type ValidationRule } from '@ra-sales/schema';
import { badRequest } from '../errors.js';
import { listWords } from '../locale.js';

export function checkValidations(
  entity: EntityModel,
  document: Record<string, unknown>,
  locale: string,
  /** Only these rules (a roll-up judges the rules it broke); all when absent. */
  only?: (rule: ValidationRule) => boolean,
  /** Before each message: whose rule it is, when it is not the record the user saved. */
  prefix = '',
): void {
  const messages: string[] = [];
  const errors: Record<string, string> = {};
  for (const validation of entity.validations) {
    if ((only && !only(validation)) || holds(validation.rule, document)) continue;
    const message = prefix + fillMessage(labelOf(validation.message, locale), document, locale);
    messages.push(message);
    for (const field of validation.fields) errors[field] ??= message;
  }
  if (messages.length) throw badRequest(listWords(locale, messages), errors);
}
