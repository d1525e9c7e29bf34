import localize from 'ajv-i18n';
import type { EntityModel, ValidationError } from '@ra-sales/schema';
import { HttpError } from './errors.js';
import { fieldName, listWords, phrase } from './locale.js';
import { ruleWords } from './ruleWords.js';

/** The field an error is about: the first segment of its instance path, or the missing property. */
export function fieldOf(error: ValidationError): string {
  const segment = error.instancePath.split('/')[1];
  if (segment) return decodePointer(segment);
  const missing = error.params?.missingProperty ?? error.params?.additionalProperty;
  return typeof missing === 'string' ? missing : '';
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

type Localize = (errors: ValidationError[]) => void;
const LOCALIZERS = localize as unknown as Record<string, Localize | undefined>;

/**
 * ajv's own words for an error, in `locale`: its (English) message in English, else the ajv-i18n
 * translation (`zh-CN` → `zh`); an enum names its allowed values. Only the fallback of
 * `ruleWords` (keywords it has no business words for) and of messages with no field model.
 */
export function ruleMessage(error: ValidationError, locale: string): string {
  const allowed = error.params?.allowedValues;
  if (error.keyword === 'enum' && Array.isArray(allowed)) {
    return phrase(locale, 'ruleOneOf', { values: allowed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') });
  }
  const language = locale.split('-')[0];
  if (language === 'en' && error.message) return error.message;
  const translate = LOCALIZERS[locale] ?? LOCALIZERS[language];
  if (!translate) return error.message ?? error.keyword;
  const copy = [{ ...error, params: error.params ?? {} }];
  translate(copy);
  return copy[0].message ?? error.message ?? error.keyword;
}

function messageOf(error: ValidationError, entity: EntityModel | undefined, locale: string): string {
  return ruleWords(error, entity, locale, ruleMessage);
}

/**
 * `{ field: message }`, the first error per field, in `locale`, in business words (`ruleWords.ts`:
 * `Fill in “Name”`, `「信用额度」不能小于 0`); errors about the whole record go under `root`. With
 * the entity, fields, columns of lines and enum values are named by their labels.
 */
export function fieldErrors(
  errors: readonly ValidationError[] | null | undefined,
  entity?: EntityModel,
  locale = 'en',
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors ?? []) {
    const field = fieldOf(error) || 'root';
    if (!(field in result)) result[field] = messageOf(error, entity, locale);
  }
  return result;
}

/** 400 naming the invalid fields by their labels (`Invalid record: Grade, Credit limit` / `记录无效：客户等级、信用额度`). */
export function validationFailed(errors: readonly ValidationError[] | null | undefined, entity: EntityModel, locale: string): HttpError {
  const byField = fieldErrors(errors, entity, locale);
  const names = Object.keys(byField).map((name) => fieldName(entity, name, locale));
  const fields = names.length ? listWords(locale, names) : phrase(locale, 'rejectedBySchema', {});
  return new HttpError(400, phrase(locale, 'invalidRecord', { fields }), byField);
}
