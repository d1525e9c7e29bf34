import type { JsonSchema } from '../model.js';
import { isPlainObject } from './mergePatch.js';

/**
 * The JSON Schema a stored record must satisfy: the entity's properties without ra-sales keywords,
 * and every optional field nullable (a cleared form input is sent as null and stored as NULL).
 */
export function recordSchema(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  const out: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(properties)) {
    const plain = stripExtensions(property) as JsonSchema;
    out[name] = required.includes(name) ? plain : nullable(plain);
  }
  return { type: 'object', additionalProperties: false, required, properties: out };
}

export function stripExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripExtensions);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (!key.startsWith('x-')) out[key] = stripExtensions(child);
  }
  return out;
}

function nullable(schema: JsonSchema): JsonSchema {
  const out = { ...schema };
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  return out;
}
