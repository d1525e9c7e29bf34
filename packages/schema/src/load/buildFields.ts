import type { EnumOption, FieldModel, JsonSchema, Labels } from '../model.js';
import { kindMismatch, kindOf } from './fieldKind.js';
import { stripExtensions } from './recordSchema.js';

export type Report = (pointer: string, message: string) => void;

/** Builds the field list of an object schema (an entity, or the items of a `lines` field). */
export function buildFields(
  properties: Record<string, JsonSchema>,
  required: readonly string[],
  pointer: string,
  report: Report,
): FieldModel[] {
  return Object.entries(properties).map(([name, schema]) => buildField(name, schema, required.includes(name), `${pointer}/${name}`, report));
}

function buildField(name: string, schema: JsonSchema, required: boolean, pointer: string, report: Report): FieldModel {
  const kind = kindOf(schema);
  const mismatch = kindMismatch(kind, schema);
  if (mismatch) report(pointer, `field "${name}": ${mismatch}`);
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
  }
  copyIfSet(field, 'widget', schema['x-widget']);
  copyIfSet(field, 'section', schema['x-section']);
  copyIfSet(field, 'help', schema['x-help']);
  copyIfSet(field, 'minimum', schema.minimum ?? schema.exclusiveMinimum);
  copyIfSet(field, 'maximum', schema.maximum ?? schema.exclusiveMaximum);
  copyIfSet(field, 'maxLength', schema.maxLength);
  copyIfSet(field, 'default', schema.default);
  addRules(field, schema, pointer, report);
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
    if (['lines', 'json'].includes(field.kind)) report(`${pointer}/x-unique`, `field "${field.name}" is a ${field.kind}; only single values can be unique`);
    field.unique = true;
  }
  if (schema['x-ref-where'] !== undefined) {
    if (field.kind !== 'reference') report(`${pointer}/x-ref-where`, `field "${field.name}" is not a reference; "x-ref-where" filters the records a reference may point at`);
    field.refWhere = schema['x-ref-where'] as Record<string, unknown>;
  }
}

function enumOptions(name: string, schema: JsonSchema, pointer: string, report: Report): EnumOption[] {
  const values = (schema.enum as unknown[]).filter((v) => v !== null);
  const labels = (schema['x-enum-labels'] ?? {}) as Record<string, Labels>;
  for (const key of Object.keys(labels)) {
    if (!values.includes(key)) report(`${pointer}/x-enum-labels/${key}`, `field "${name}" labels "${key}", which is not one of its values (${values.join(', ')})`);
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
