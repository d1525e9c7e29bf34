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
  return field;
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
