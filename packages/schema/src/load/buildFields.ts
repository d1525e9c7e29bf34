import type { EnumOption, FieldModel, JsonSchema, Labels } from '../model.js';
import { jsonType, kindMismatch, kindOf } from './fieldKind.js';
import { addMigrationKeywords } from './migrationKeywords.js';
import { stripExtensions } from './recordSchema.js';

export type Report = (pointer: string, message: string) => void;

/** Builds the field list of an object schema (an entity, or the items of a `lines` field). */
export function buildFields(
  properties: Record<string, JsonSchema>,
  required: readonly string[],
  pointer: string,
  report: Report,
): FieldModel[] {
  return Object.entries(properties).map(([name, schema]) =>
    buildField(name, schema, required.includes(name), `${pointer}/${name}`, report),
  );
}

function buildField(name: string, schema: JsonSchema, required: boolean, pointer: string, report: Report): FieldModel {
  const kind = kindOf(schema);
  const mismatch = kindMismatch(kind, schema);
  if (mismatch) report(pointer, `field "${name}": ${mismatch}`);
  else checkValues(name, kind, schema, pointer, report);
  const label = (schema['x-label'] as Labels | undefined) ?? { en: humanize(name) };
  const field: FieldModel = {
    name,
    label,
    kind,
    required,
    schema: stripExtensions(schema) as JsonSchema,
    list: schema['x-list'] === true,
    filter: schema['x-filter'] === true,
    sortable: schema['x-sortable'] === true,
    search: schema['x-search'] === true,
    readOnly: schema.readOnly === true,
  };
  // A field without a type already has its own error (a broken $ref); do not add a second one.
  if (field.search && schema.type !== undefined && !['string', 'text', 'email', 'phone', 'url'].includes(kind)) {
    report(`${pointer}/x-search`, `field "${name}" is a ${kind}; only text fields can be searched`);
  }
  if (kind === 'reference') field.ref = schema['x-ref'] as string;
  if (Array.isArray(schema.enum)) field.options = enumOptions(name, schema, pointer, report);
  if (kind === 'lines') {
    const items = schema.items as JsonSchema;
    const itemProperties = (items.properties ?? {}) as Record<string, JsonSchema>;
    field.itemFields = buildFields(itemProperties, (items.required as string[]) ?? [], `${pointer}/items/properties`, report);
    for (const column of field.itemFields.filter((c) => c.kind === 'lines')) {
      report(
        `${pointer}/items/properties/${column.name}`,
        `column "${column.name}" of the lines field "${name}" is itself a list of lines; lines do not nest (a column may be "x-kind": "json")`,
      );
    }
  }
  copyIfSet(field, 'widget', schema['x-widget']);
  copyIfSet(field, 'section', schema['x-section']);
  copyIfSet(field, 'help', schema['x-help']);
  copyIfSet(field, 'minimum', schema.minimum ?? schema.exclusiveMinimum);
  copyIfSet(field, 'maximum', schema.maximum ?? schema.exclusiveMaximum);
  if (typeof schema.minLength === 'number' && schema.minLength > 0) field.minLength = schema.minLength;
  copyIfSet(field, 'maxLength', schema.maxLength);
  copyIfSet(field, 'pattern', schema.pattern);
  copyIfSet(field, 'default', schema.default);
  addRules(field, schema, pointer, report);
  addMigrationKeywords(field, schema, pointer, report);
  return field;
}

/** The field's rule keywords; their cross-field and cross-entity checks come later, in checkRules. */
function addRules(field: FieldModel, schema: JsonSchema, pointer: string, report: Report): void {
  const write = schema['x-write'] as string[] | { roles: string[]; owner?: boolean } | undefined;
  if (write) field.write = Array.isArray(write) ? { roles: write, owner: true } : { roles: write.roles, owner: write.owner ?? true };
  if (schema['x-computed'] !== undefined) {
    field.computed = schema['x-computed'];
    field.readOnly = true;
  }
  if (schema['x-sequence'] !== undefined) {
    if (field.kind !== 'string') report(`${pointer}/x-sequence`, `field "${field.name}" is a ${field.kind}; a sequence fills a text field`);
    const sequence = schema['x-sequence'] as string | { pattern: string; gapless?: boolean };
    field.sequence = typeof sequence === 'string' ? sequence : sequence.pattern;
    if (typeof sequence === 'object' && sequence.gapless) field.sequenceGapless = true;
    field.readOnly = true;
    field.unique = true;
  }
  if (schema['x-unique'] === true) {
    if (['lines', 'json'].includes(field.kind))
      report(`${pointer}/x-unique`, `field "${field.name}" is a ${field.kind}; only single values can be unique`);
    field.unique = true;
  }
  if (schema['x-ref-where'] !== undefined) {
    if (field.kind !== 'reference')
      report(
        `${pointer}/x-ref-where`,
        `field "${field.name}" is not a reference; "x-ref-where" filters the records a reference may point at`,
      );
    field.refWhere = schema['x-ref-where'] as Record<string, unknown>;
  }
}

/**
 * What would pass today and fail at run time: enum values the server cannot give back as they
 * were written, a default the field's own validator refuses, bounds no value can meet.
 */
function checkValues(name: string, kind: string, schema: JsonSchema, pointer: string, report: Report): void {
  const type = jsonType(schema);
  const values = Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v) => v !== null) : undefined;
  const numericEnum =
    kind === 'enum' && values !== undefined && (type === 'integer' || type === 'number' || values.some((v) => typeof v !== 'string'));
  if (numericEnum) {
    const asText = JSON.stringify(values!.map(String));
    report(
      `${pointer}/enum`,
      `field "${name}": enum values are strings (an enum is stored as text, so ${JSON.stringify(values![0])} would come back as "${String(values![0])}"): write "type": "string", "enum": ${asText}, or for a number drop "enum" and use "minimum" / "maximum"`,
    );
  }
  // With a numeric enum the default is wrong for the same reason: one error is enough.
  if (schema.default !== undefined && !numericEnum) {
    const wrongType = defaultTypeProblem(schema.default, schema);
    if (wrongType) report(`${pointer}/default`, `field "${name}": the default ${JSON.stringify(schema.default)} is not ${wrongType}`);
    else if (values && schema.default !== null && !values.includes(schema.default)) {
      report(
        `${pointer}/default`,
        `field "${name}": the default ${JSON.stringify(schema.default)} is not one of its values (${values.join(', ')})`,
      );
    }
  }
  const bound = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const pairs: [string, string, boolean][] = [
    ['minLength', 'maxLength', false],
    ['minItems', 'maxItems', false],
    ['minimum', 'maximum', false],
    ['exclusiveMinimum', 'maximum', true],
    ['minimum', 'exclusiveMaximum', true],
    ['exclusiveMinimum', 'exclusiveMaximum', true],
  ];
  for (const [low, high, strict] of pairs) {
    const a = bound(low);
    const b = bound(high);
    if (a === undefined || b === undefined || (strict ? a < b : a <= b)) continue;
    report(
      `${pointer}/${low}`,
      `field "${name}": ${low} ${a} is ${strict && a === b ? 'equal to' : 'greater than'} ${high} ${b}, so no value can be valid`,
    );
  }
}

/** Why a default does not fit the field's JSON type ("a string", "an integer" …), or undefined. */
function defaultTypeProblem(value: unknown, schema: JsonSchema): string | undefined {
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter((t): t is string => typeof t === 'string');
  if (types.length === 0) return undefined;
  const fits = (t: string) =>
    t === 'null'
      ? value === null
      : t === 'integer'
        ? Number.isInteger(value)
        : t === 'number'
          ? typeof value === 'number'
          : t === 'array'
            ? Array.isArray(value)
            : t === 'object'
              ? typeof value === 'object' && value !== null && !Array.isArray(value)
              : typeof value === t;
  if (types.some(fits)) return undefined;
  const words = types.map((t) =>
    t === 'integer' ? 'an integer' : t === 'array' ? 'a list' : t === 'object' ? 'an object' : t === 'null' ? 'null' : `a ${t}`,
  );
  return words.join(' or ');
}

function enumOptions(name: string, schema: JsonSchema, pointer: string, report: Report): EnumOption[] {
  const values = (schema.enum as unknown[]).filter((v) => v !== null);
  const labels = (schema['x-enum-labels'] ?? {}) as Record<string, Labels>;
  for (const key of Object.keys(labels)) {
    if (!values.includes(key))
      report(`${pointer}/x-enum-labels/${key}`, `field "${name}" labels "${key}", which is not one of its values (${values.join(', ')})`);
  }
  return values.map((value) => ({ value: String(value), label: labels[String(value)] ?? { en: String(value) } }));
}

function copyIfSet<K extends keyof FieldModel>(field: FieldModel, key: K, value: unknown): void {
  if (value !== undefined) field[key] = value as FieldModel[K];
}

export function humanize(name: string): string {
  const words = name.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
