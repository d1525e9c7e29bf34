import { compile } from 'json-schema-to-typescript';
import { STAGE_ENTERED_FIELD, type EntityModel, type JsonSchema, type SalesModel } from '@ra-sales/schema';
import { tsBanner } from './banner.js';
import { memoize } from './memo.js';

/**
 * One interface per entity, from one root schema so nothing is declared twice:
 * `Customer` (a stored record, with id, version and timestamps) and `CustomerInput` (what a client sends).
 * References are typed by their target (`customer_id: CustomerId`), stages are unions.
 */
export async function emitTypes(model: SalesModel, sources: string): Promise<string> {
  const entities = Object.values(model.entities);
  const inputs = await Promise.all(
    entities.map((entity) => inputInterface({ ...typedSchema(entity, model), title: `${entity.typeName}Input` })),
  );
  const cleaned = inputs.join('\n');
  return `${[tsBanner(sources), SERVER_FIELDS, idTypes(entities), cleaned.trim(), '', recordTypes(entities), stageTypes(entities), resourceMap(entities)].join('\n')}\n`;
}

/**
 * Entity schemas hold no `$ref` (the loader inlines them), so each entity compiles on its own
 * without declaring anything twice, and a watcher recompiles only the entity that changed.
 */
const inputInterface = memoize(async (schema: JsonSchema): Promise<string> => {
  const body = await compile(schema as never, String(schema.title), {
    bannerComment: '',
    additionalProperties: false,
    format: false, // prettier costs over a second; `indent` keeps the output readable
    strictIndexSignatures: true,
  });
  return indent(body).trim();
});

/** Values only the server sets (computed, numbered): stored records have them, inputs do not. */
function serverSet(entity: EntityModel): EntityModel['fields'] {
  return entity.fields.filter((f) => f.computed !== undefined || f.sequence !== undefined);
}

function typedSchema(entity: EntityModel, model: SalesModel): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const raw = entity.schema.properties as Record<string, JsonSchema>;
  const omitted = new Set(serverSet(entity).map((f) => f.name));
  for (const field of entity.fields) {
    if (omitted.has(field.name)) continue;
    const schema: JsonSchema = { ...raw[field.name], description: field.label.en };
    if (field.ref) {
      const target = model.entities[field.ref];
      schema.tsType = `${target.typeName}Id${field.required ? '' : ' | null'}`;
    }
    properties[field.name] = schema;
  }
  const required = ((entity.schema.required as string[]) ?? []).filter((name) => !omitted.has(name));
  return { ...entity.schema, properties, required, description: entity.label.en };
}

function tsTypeOf(field: EntityModel['fields'][number]): string {
  if (field.options) return field.options.map((o) => JSON.stringify(o.value)).join(' | ');
  if (['integer', 'number', 'money', 'percent', 'reference'].includes(field.kind)) return 'number';
  if (field.kind === 'boolean') return 'boolean';
  return 'string';
}

const SERVER_FIELDS = `/** Fields the server keeps on every record. */
export interface ServerFields {
  id: number;
  /** Incremented by every update; send it back to detect concurrent changes. */
  version: number;
  created_at: string;
  updated_at: string;
}
`;

function recordTypes(entities: EntityModel[]): string {
  return `${entities
    .map((e) => {
      const members = serverSet(e).map(
        (f) =>
          `  /** ${f.label.en} (${f.computed !== undefined ? 'computed' : 'numbered'} by the server) */\n  readonly ${f.name}: ${tsTypeOf(f)}${f.required ? '' : ' | null'};`,
      );
      if (e.workflow)
        members.push(`  /** When the record entered its current stage (set by the server) */\n  readonly ${STAGE_ENTERED_FIELD}: string;`);
      const body = members.length ? `{\n${members.join('\n')}\n}` : '{}';
      return `/** A stored ${e.label.en} record. */\nexport interface ${e.typeName} extends ${e.typeName}Input, ServerFields ${body}`;
    })
    .join('\n')}\n`;
}

function idTypes(entities: EntityModel[]): string {
  return `${entities.map((e) => `/** The id of a ${e.label.en} record (resource "${e.resource}"). */\nexport type ${e.typeName}Id = number;`).join('\n')}\n`;
}

function stageTypes(entities: EntityModel[]): string {
  return `${entities
    .filter((e) => e.workflow)
    .map((e) => `export type ${e.typeName}Stage = ${e.workflow!.stages.map((s) => JSON.stringify(s.id)).join(' | ')};`)
    .join('\n')}\n`;
}

function resourceMap(entities: EntityModel[]): string {
  const rows = entities.map((e) => `  ${e.resource}: { record: ${e.typeName}; input: ${e.typeName}Input };`);
  return `/** Every resource of the API with its record and input types. */\nexport interface SalesResources {\n${rows.join('\n')}\n}\n\nexport type SalesResource = keyof SalesResources;\n`;
}

/** Two-space indentation by brace depth: json-schema-to-typescript's unformatted output is flush left. */
function indent(code: string): string {
  let depth = 0;
  return code
    .split('\n')
    .map((raw) => {
      const line = raw.trim();
      if (/^[})]/.test(line)) depth = Math.max(0, depth - 1);
      const out = line ? '  '.repeat(depth) + (line.startsWith('*') ? ' ' : '') + line : '';
      const opens = (line.match(/[{(]/g) ?? []).length;
      const closes = (line.match(/[})]/g) ?? []).length - (/^[})]/.test(line) ? 1 : 0);
      depth = Math.max(0, depth + opens - closes);
      return out;
    })
    .join('\n');
}
