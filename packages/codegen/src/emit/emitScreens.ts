import type { EntityModel, SalesModel } from '@ra-sales/schema';

/** Where the screens import the compiled model from, relative to `screens/`. */
const MODEL_IMPORT = '../client.js';
const LIBRARY = '@ra-sales/ui';

const q = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const names = (fields: { name: string }[]) => fields.map((f) => f.name).join(', ') || '—';

/** A readable summary of what the screens show, so a reader need not open the schema. */
function summary(entity: EntityModel): string[] {
  const sections = [...new Set(entity.fields.map((f) => f.section ?? 'main'))];
  const lines = [
    ` * ${entity.label.en} (${entity.resource})${entity.label['zh-CN'] ? ` — ${entity.label['zh-CN']}` : ''}`,
    ` *   list columns: ${names(entity.fields.filter((f) => f.list))}`,
    ` *   filters:      ${[...(entity.fields.some((f) => f.search) ? ['q'] : []), ...entity.fields.filter((f) => f.filter).map((f) => f.name)].join(', ') || '—'}`,
    ` *   sections:     ${sections.join(', ')}`,
  ];
  if (entity.workflow)
    lines.push(` *   workflow:     ${entity.workflow.field}, stages ${entity.workflow.stages.map((s) => s.id).join(', ')}`);
  return lines;
}

function screenFile(entity: EntityModel, schemaDir: string | undefined): string {
  const source = schemaDir ? `${schemaDir.replace(/\/+$/, '')}/${entity.source}` : entity.source;
  const iconName = entity.icon ? `${entity.icon}Icon` : 'ListAltIcon';
  const iconModule = entity.icon ?? 'ListAlt';
  return [
    `// Generated from ${source} by ra-sales; do not edit: change the schema and run \`pnpm gen\`.`,
    `import ${iconName} from '@mui/icons-material/${iconModule}';`,
    `import { EntityCreate, EntityEdit, EntityList, EntityShow } from ${q(LIBRARY)};`,
    `import { model } from ${q(MODEL_IMPORT)};`,
    '',
    '/**',
    ...summary(entity),
    ' */',
    `const resource = ${q(entity.resource)};`,
    '',
    'export const list = () => <EntityList model={model} resource={resource} />;',
    'export const show = () => <EntityShow model={model} resource={resource} />;',
    'export const edit = () => <EntityEdit model={model} resource={resource} />;',
    'export const create = () => <EntityCreate model={model} resource={resource} />;',
    `export const icon = ${iconName};`,
    `export const recordRepresentation = ${q(entity.recordRepresentation)};`,
    '',
  ].join('\n');
}

const identifier = (resource: string) => resource.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^(\d)/, '_$1');

function indexFile(entities: EntityModel[], schemaDir: string | undefined): string {
  return [
    `// Generated from ${schemaDir ? `${schemaDir.replace(/\/+$/, '')}/` : 'the schema folder'} by ra-sales; do not edit: change the schema and run \`pnpm gen\`.`,
    ...entities.map((e) => `import * as ${identifier(e.resource)} from './${e.resource}.js';`),
    '',
    "/** Every resource's screens, for `salesResources(model, { overrides: screens })`. */",
    'export const screens = {',
    ...entities.map((e) => `  ${q(e.resource)}: ${identifier(e.resource)},`),
    '};',
    '',
  ].join('\n');
}

export interface EmitScreensOptions {
  /** The schema folder as the reader knows it (e.g. `schemas`), prefixed to each entity's source file in the header. */
  schemaDir?: string;
}

/**
 * The react-admin screens of every entity as source files, by path relative to the output
 * folder: `screens/<resource>.tsx` (list, show, edit, create, icon, recordRepresentation built
 * from the library's components) and `screens/index.ts` gathering them.
 */
export function emitScreens(model: SalesModel, options: EmitScreensOptions = {}): Record<string, string> {
  const entities = Object.values(model.entities);
  const files: Record<string, string> = {};
  for (const entity of entities) files[`screens/${entity.resource}.tsx`] = screenFile(entity, options.schemaDir);
  files['screens/index.ts'] = indexFile(entities, options.schemaDir);
  return files;
}
