/**
 * The rule an ajv error states, in business words: the field named by its label, an enum value by
 * its label, numbers written for the locale (`Fill in “Name”`, `请勾选「已影响评标标准」`,
 * `Bid price must be greater than 0`, `「明细」至少 1 行`). One place for record validation and for
 * the gates and entry conditions of workflow moves.
 *
 * It uses no Node API (only `labelOf` and types of `@ra-sales/schema`, and `phrase` of
 * `locale.ts`): should the UI ever judge conditions itself, this file and its phrases can move to a
 * browser-safe package (the UI shows the server's `missing[].message` today and builds no copy).
 */
import { labelOf, type FieldModel, type JsonSchema, type ValidationError } from '@ra-sales/schema';
import { phrase } from './locale.js';

/** Fields the error's path is read against: an entity, or the columns of lines (`{ fields: itemFields }`). */
export interface FieldOwner {
  fields: readonly FieldModel[];
}

/** Where an error is: its field, and for a column of lines the row (1-based) and the column. */
export interface RulePlace {
  /** Name of the top-level field ('' for the whole record). */
  name: string;
  field?: FieldModel;
  row?: number;
  column?: { name: string; field?: FieldModel };
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The field, row and column an error is about (a `required` error names its missing property). */
export function placeOf(error: ValidationError, owner: FieldOwner | undefined): RulePlace {
  const segments = error.instancePath.split('/').slice(1).map(decodePointer);
  const named = error.params?.missingProperty ?? error.params?.additionalProperty;
  if ((error.keyword === 'required' || error.keyword === 'additionalProperties') && typeof named === 'string') segments.push(named);
  const name = segments[0] ?? '';
  const field = owner?.fields.find((f) => f.name === name);
  if (segments.length >= 3 && /^\d+$/.test(segments[1])) {
    const columnName = segments[2];
    return {
      name,
      field,
      row: Number(segments[1]) + 1,
      column: { name: columnName, field: field?.itemFields?.find((f) => f.name === columnName) },
    };
  }
  return { name, field };
}

/** A number as the locale writes it (`1,000.5`). */
export function formatNumber(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(value);
  } catch {
    return String(value);
  }
}

/** `A, B or C` / `A、B 或 C`. */
export function alternatives(locale: string, words: string[]): string {
  if (words.length <= 1) return words.join('');
  return phrase(locale, 'ruleOr', { first: words.slice(0, -1).join(phrase(locale, 'listSeparator', {})), last: words[words.length - 1] });
}

/** A value by its label: an enum option's label, a number for the locale, yes/no, else the value itself. */
export function valueWords(value: unknown, field: FieldModel | undefined, locale: string): string {
  const option = field?.options?.find((o) => o.value === value);
  if (option) return labelOf(option.label, locale);
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'boolean') return phrase(locale, value ? 'valueYes' : 'valueNo', {});
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function quotedValue(value: string, locale: string): string {
  return phrase(locale, 'quotedValue', { value });
}

const FORMAT_EXAMPLES: Record<string, string> = {
  date: '2026-12-31',
  'date-time': '2026-12-31T09:30:00Z',
  time: '09:30:00',
  email: 'name@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
};

/** What a JSON type is called (`a number` / `数字`), the null of a nullable type left out. */
function typeWords(type: unknown, locale: string): string {
  const types = (Array.isArray(type) ? type : String(type ?? '').split(',')).map(String).filter((t) => t && t !== 'null');
  const words = types.map((t) => phrase(locale, `type_${t}`, {}));
  return alternatives(locale, [...new Set(words)]);
}

/** Keywords whose words need ajv's `params.limit`. */
const LIMITED = new Set(['exclusiveMinimum', 'minimum', 'exclusiveMaximum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems']);

/**
 * What the condition itself asks of a field (`condition.properties[name].const`), so that a
 * missing box a gate wants ticked says "Tick", not "Fill in".
 */
function conditionConst(condition: JsonSchema | undefined, name: string): unknown {
  const properties = (condition as { properties?: Record<string, unknown> } | undefined)?.properties;
  const property = properties?.[name] as { const?: unknown } | undefined;
  return property && typeof property === 'object' ? property.const : undefined;
}

/**
 * The rule of one error about one field (`label` is its label in the locale); undefined for a
 * keyword with no business words (the caller falls back to ajv's own text).
 */
function fieldRule(
  error: ValidationError,
  field: FieldModel | undefined,
  name: string,
  label: string,
  locale: string,
  condition?: JsonSchema,
): string | undefined {
  const params = error.params ?? {};
  const limit = typeof params.limit === 'number' ? params.limit : Number(params.limit);
  if (LIMITED.has(error.keyword) && !Number.isFinite(limit)) return undefined;
  const boolean = field?.kind === 'boolean' || field?.schema?.type === 'boolean';
  switch (error.keyword) {
    case 'required':
      if (boolean && conditionConst(condition, name) === true) return phrase(locale, 'ruleTick', { field: label });
      return phrase(locale, 'ruleFillIn', { field: label });
    case 'const':
      if (params.allowedValue === true && (boolean || field === undefined)) return phrase(locale, 'ruleTick', { field: label });
      if (params.allowedValue === false && boolean) return phrase(locale, 'ruleUntick', { field: label });
      return phrase(locale, 'ruleMustEqual', { field: label, value: quotedValue(valueWords(params.allowedValue, field, locale), locale) });
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      const values = allowed.map((v) => quotedValue(valueWords(v, field, locale), locale));
      if (values.length === 1) return phrase(locale, 'ruleMustEqual', { field: label, value: values[0] });
      return phrase(locale, 'ruleOneOfValues', { field: label, values: alternatives(locale, values) });
    }
    case 'exclusiveMinimum':
      return phrase(locale, 'ruleGreaterThan', { field: label, limit: formatNumber(limit, locale) });
    case 'minimum':
      return phrase(locale, 'ruleAtLeast', { field: label, limit: formatNumber(limit, locale) });
    case 'exclusiveMaximum':
      return phrase(locale, 'ruleLessThan', { field: label, limit: formatNumber(limit, locale) });
    case 'maximum':
      return phrase(locale, 'ruleAtMost', { field: label, limit: formatNumber(limit, locale) });
    case 'minLength':
      if (limit <= 1) return phrase(locale, 'ruleFillIn', { field: label });
      return phrase(locale, 'ruleMinLength', { field: label, limit: formatNumber(limit, locale) });
    case 'maxLength':
      return phrase(locale, 'ruleMaxLength', { field: label, limit: formatNumber(limit, locale) });
    case 'minItems':
      return phrase(locale, limit === 1 ? 'ruleMinItemsOne' : 'ruleMinItems', { field: label, limit: formatNumber(limit, locale) });
    case 'maxItems':
      return phrase(locale, limit === 1 ? 'ruleMaxItemsOne' : 'ruleMaxItems', { field: label, limit: formatNumber(limit, locale) });
    case 'pattern':
      return phrase(locale, 'ruleFormat', { field: label });
    case 'format': {
      const example = FORMAT_EXAMPLES[String(params.format)];
      return example ? phrase(locale, 'ruleFormatExample', { field: label, example }) : phrase(locale, 'ruleFormat', { field: label });
    }
    case 'type':
      return phrase(locale, 'ruleType', { field: label, type: typeWords(params.type, locale) });
    case 'additionalProperties':
      return phrase(locale, 'ruleUnknownNamed', { field: label });
    default:
      return undefined;
  }
}

/**
 * The rule an error states, in business words and in `locale`: the field named by its label (a
 * column of lines with its row: `Product targets, row 1: Target quantity must be at least 0`).
 * `condition` is the gate or entry condition the error comes from, if any. `fallback` words a
 * keyword this module does not know (ajv's message, translated).
 */
export function ruleWords(
  error: ValidationError,
  owner: FieldOwner | undefined,
  locale: string,
  fallback: (error: ValidationError, locale: string) => string,
  condition?: JsonSchema,
): string {
  const place = placeOf(error, owner);
  const fieldLabel = place.field ? labelOf(place.field.label, locale) : place.name;
  if (place.column) {
    const column = place.column;
    const columnLabel = column.field ? labelOf(column.field.label, locale) : column.name;
    const rule =
      fieldRule(error, column.field, column.name, columnLabel, locale) ??
      phrase(locale, 'ruleOfField', { field: columnLabel, message: fallback(error, locale) });
    return phrase(locale, 'ruleInRow', { field: fieldLabel, row: String(place.row), message: rule });
  }
  if (!place.name) return fallback(error, locale);
  return (
    fieldRule(error, place.field, place.name, fieldLabel, locale, condition) ??
    phrase(locale, 'ruleOfField', { field: fieldLabel, message: fallback(error, locale) })
  );
}
