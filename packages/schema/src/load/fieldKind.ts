import type { FieldKind, JsonSchema } from '../model.js';

const NUMERIC_KINDS: FieldKind[] = ['integer', 'number', 'money', 'percent'];
const STRING_KINDS: FieldKind[] = ['string', 'text', 'date', 'datetime', 'email', 'phone', 'url'];

/** The kind of a resolved property: its `x-kind` when given, else what its JSON type and format say. */
export function kindOf(schema: JsonSchema): FieldKind {
  const declared = schema['x-kind'] as FieldKind | undefined;
  if (declared) return declared;
  if (schema['x-ref']) return 'reference';
  if (Array.isArray(schema.enum)) return 'enum';
  switch (jsonType(schema)) {
    case 'string':
      switch (schema.format) {
        case 'date':
          return 'date';
        case 'date-time':
          return 'datetime';
        case 'email':
          return 'email';
        case 'uri':
          return 'url';
        default:
          return 'string';
      }
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return isObjectSchema(schema.items) ? 'lines' : 'json';
    default:
      return 'json';
  }
}

/** Why a declared kind does not fit the JSON type, or undefined when it fits. */
export function kindMismatch(kind: FieldKind, schema: JsonSchema): string | undefined {
  const type = jsonType(schema);
  if (kind === 'reference' && type !== 'integer') return 'a reference (x-ref) must have "type": "integer"';
  if (NUMERIC_KINDS.includes(kind) && type !== 'number' && type !== 'integer')
    return `x-kind "${kind}" needs "type": "number" or "integer"`;
  if (STRING_KINDS.includes(kind) && type !== 'string') return `x-kind "${kind}" needs "type": "string"`;
  if (kind === 'boolean' && type !== 'boolean') return 'x-kind "boolean" needs "type": "boolean"';
  if (kind === 'lines' && (type !== 'array' || !isObjectSchema(schema.items)))
    return 'x-kind "lines" needs "type": "array" with "items" of "type": "object"';
  if (kind === 'enum' && !Array.isArray(schema.enum)) return 'x-kind "enum" needs an "enum" list';
  if (kind === 'enum' && type !== 'string' && type !== 'integer' && type !== 'number')
    return 'an enum needs "type": "string", "integer" or "number"';
  return undefined;
}

export function jsonType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((t) => t !== 'null') as string | undefined;
  return type as string | undefined;
}

function isObjectSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && (value as JsonSchema).type === 'object';
}
