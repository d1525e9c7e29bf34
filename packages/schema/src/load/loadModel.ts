import type { EntityModel, JsonSchema, Labels, SalesModel } from '../model.js';
import { buildEntity } from './buildEntity.js';
import { sortErrors, type SchemaError } from './errors.js';
import { checkEntityFile, checkModelFile, checkSharedFile } from './metaValidate.js';
import { resolveRefs } from './resolveRefs.js';
import { checkRulesAcross } from './buildRules.js';
import { checkActionsAcross } from './buildActions.js';
import { fileOf, readSources, type SourceDocument } from './sources.js';
import { buildUsers, checkOwners, type RawUsers } from './buildUsers.js';
import { buildDashboard, type RawDashboard } from './buildDashboard.js';
import { buildFigures } from './buildFigures.js';
import { buildMenu, type RawGroup } from './buildMenu.js';
import { buildActivities, type RawActivities } from './buildActivities.js';
import { buildRelated } from './buildRelated.js';
import { collectWarnings, type SchemaWarning } from './warnings.js';

export interface LoadOptions {
  /** The folder holding `model.json`, `shared/` and `entities/`. */
  dir: string;
  /** Overlay folders of the same layout, merged over `dir` in order (JSON Merge Patch per file). */
  overlays?: string[];
}

/** `warnings`: what is legal but suspicious (see warnings.ts); they never make the load fail. */
export type LoadResult = { ok: true; model: SalesModel; warnings: SchemaWarning[] } | { ok: false; errors: SchemaError[] };

/**
 * Files → overlay merge → meta-schema check → `$ref` resolution → one model → whole-model checks.
 * Every problem is collected; the model is returned only when there is none.
 */
export function loadModel(options: LoadOptions): LoadResult {
  const errors: SchemaError[] = [];
  const sources = readSources(options.dir, options.overlays ?? [], errors);
  const reporter = (doc: SourceDocument) => (pointer: string, message: string) =>
    errors.push({ file: fileOf(doc, pointer), pointer, message });

  if (!sources.model) {
    errors.push({ file: 'model.json', pointer: '', message: 'is missing: the schema folder needs a model.json (locales, groups, roles)' });
    return { ok: false, errors: sortErrors(errors) };
  }
  const modelReport = reporter(sources.model);
  checkModelFile(sources.model.value).forEach((i) => modelReport(i.pointer, i.message));
  const modelFile = sources.model.value as {
    locales?: string[];
    groups?: RawGroup[];
    roles?: Record<string, Labels>;
    users?: RawUsers;
    dashboard?: RawDashboard;
    activities?: RawActivities;
  };
  const roles = Object.keys(modelFile.roles ?? {});
  const groups = (modelFile.groups ?? []).map((g) => g.id);
  const locales = modelFile.locales ?? ['en'];

  const documents = new Map<string, unknown>();
  for (const doc of [...sources.shared, ...sources.entities]) documents.set(doc.name, doc.value);
  for (const doc of sources.shared) checkSharedFile(doc.value).forEach((i) => reporter(doc)(i.pointer, i.message));

  const entities: EntityModel[] = [];
  const resolvedDocs = new Map<string, JsonSchema>();
  for (const doc of sources.entities) {
    if ((doc.value as JsonSchema)?.['x-removed'] === true) continue;
    const report = reporter(doc);
    const issues = checkEntityFile(doc.value);
    issues.forEach((i) => report(i.pointer, i.message));
    if (issues.length > 0) continue;
    const resolved = resolveRefs(doc.value, { documentName: doc.name, documents, report }) as JsonSchema;
    resolvedDocs.set(doc.name, resolved);
    entities.push(buildEntity(resolved, doc.name, { roles, groups, locales }, report));
  }

  // Names declared by files that failed their own checks still count, so one typo does not make
  // every reference to that entity an error too.
  const declared = new Set(
    sources.entities.map((d) => (d.value as JsonSchema)?.['x-resource']).filter((r): r is string => typeof r === 'string'),
  );
  checkAcrossEntities(entities, declared, sources.entities, reporter);
  // A resource model.json names may be declared by an entity file that could not be read: not reported twice.
  const unreadable = errors.some((e) => e.pointer === '' && /(^|\/)entities\//.test(e.file));
  const mayExist = (resource: string) => declared.has(resource) || unreadable;
  const users = buildUsers(modelFile.users, entities, mayExist, roles, modelReport);
  checkOwners(entities, users, (entity) => reporter(sources.entities.find((d) => d.name === entity.source)!));
  const dashboard = buildDashboard(modelFile.dashboard, entities, mayExist, modelReport);
  const dashboardFigures = buildFigures(modelFile.dashboard?.figures, entities, mayExist, modelReport);
  const menu = buildMenu(modelFile.groups ?? [], entities, mayExist, modelReport);
  const activities = buildActivities(modelFile.activities, modelReport);
  buildRelated(menu.entities, resolvedDocs, mayExist, (entity) => reporter(sources.entities.find((d) => d.name === entity.source)!));
  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };

  const model: SalesModel = {
    locales,
    groups: menu.groups,
    roles: modelFile.roles ?? {},
    entities: Object.fromEntries(menu.entities.map((e) => [e.resource, e])),
    ...(users ? { users } : {}),
    dashboard,
    ...(dashboardFigures.length ? { dashboardFigures } : {}),
    activities,
  };
  const warnings = collectWarnings(model, { model: sources.model, entities: sources.entities, resolved: resolvedDocs });
  return { ok: true, model, warnings };
}

/** Checks that need every entity: unique resources, references and owners pointing at existing entities. */
function checkAcrossEntities(
  entities: EntityModel[],
  declared: Set<string>,
  docs: SourceDocument[],
  reporter: (doc: SourceDocument) => (pointer: string, message: string) => void,
): void {
  const docOf = (e: EntityModel) => docs.find((d) => d.name === e.source)!;
  const resources = new Map<string, EntityModel>();
  for (const entity of entities) {
    const first = resources.get(entity.resource);
    if (first) reporter(docOf(entity))('/x-resource', `resource "${entity.resource}" is already used by ${first.source}`);
    else resources.set(entity.resource, entity);
  }
  const reserved = ['approvals', 'history', 'me', 'reports', 'openapi', 'search', 'notes', 'tasks'];
  for (const entity of entities) {
    const report = reporter(docOf(entity));
    if (reserved.includes(entity.resource))
      report('/x-resource', `resource "${entity.resource}" is reserved by the server (${reserved.join(', ')})`);
    const checkRefs = (fields: EntityModel['fields'], pointer: string) => {
      for (const field of fields) {
        if (field.ref && !declared.has(field.ref)) {
          report(
            `${pointer}/${field.name}/x-ref`,
            `field "${field.name}" refers to "${field.ref}", which is not a resource (known: ${[...resources.keys()].sort().join(', ')})`,
          );
        }
        if (field.itemFields) checkRefs(field.itemFields, `${pointer}/${field.name}/items/properties`);
      }
    };
    checkRefs(entity.fields, '/properties');
  }
  checkRulesAcross(entities, (entity) => reporter(docOf(entity)));
  checkActionsAcross(entities, (entity) => reporter(docOf(entity)));
}
