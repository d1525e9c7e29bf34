import type { AccessModel, EntityModel, JsonSchema, Labels, Scope } from '../model.js';
import { buildFields, type Report } from './buildFields.js';
import { buildWorkflowWithPipelines, rawPipelines, rawStages, type RawWorkflowWithPipelines } from './buildPipelines.js';
import { buildSections, type RawSection } from './buildSections.js';
import { buildActions } from './buildActions.js';
import { buildLookups, buildUnique, buildValidations, checkFieldRules } from './buildRules.js';
import { checkFormerNames } from './migrationKeywords.js';
import { recordSchema } from './recordSchema.js';
import { ICON_NAMES } from '../icons.js';
import { didYouMean } from '../didYouMean.js';

/** An entity file after overlay merge and `$ref` resolution, turned into its part of the model. */
export function buildEntity(
  doc: JsonSchema,
  source: string,
  context: { roles: readonly string[]; groups: readonly string[]; locales: readonly string[] },
  report: Report,
): EntityModel {
  const name = source.replace(/^.*\//, '').replace(/\.schema\.json$|\.json$/, '');
  const properties = { ...((doc.properties ?? {}) as Record<string, JsonSchema>) };
  const required = [...((doc.required as string[]) ?? [])];
  const rawWorkflow = doc['x-workflow'] as RawWorkflowWithPipelines | undefined;
  const allStages = rawWorkflow ? rawStages(rawWorkflow) : [];

  if (rawWorkflow && properties[rawWorkflow.field]) {
    // The stage field's type and values come from the stages: one place to add a stage.
    const stageLabels = Object.fromEntries(allStages.map((s) => [s.id, s.label]));
    properties[rawWorkflow.field] = {
      ...properties[rawWorkflow.field],
      type: 'string',
      enum: allStages.map((s) => s.id),
      default: rawWorkflow.initial ?? rawWorkflow.stages[0]?.id,
      'x-enum-labels': stageLabels,
    };
  }

  const pipelines = rawWorkflow ? rawPipelines(rawWorkflow) : [];
  const pipelineField = rawWorkflow?.pipeline?.field;
  if (pipelineField && properties[pipelineField]) {
    // Like the stage field: its values are the pipelines, a new record goes to the main one.
    properties[pipelineField] = {
      ...properties[pipelineField],
      type: 'string',
      enum: pipelines.map((p) => p.id),
      default: pipelines[0]!.id,
      'x-enum-labels': Object.fromEntries(pipelines.map((p) => [p.id, p.label])),
      'x-filter': true,
    };
    if (!required.includes(pipelineField)) required.push(pipelineField);
  }

  required.forEach((field, i) => {
    if (!properties[field]) report(`/required/${i}`, `"${field}" is required but is not a property`);
  });
  for (const reserved of ['id', 'version', 'created_at', 'updated_at']) {
    if (properties[reserved])
      report(`/properties/${reserved}`, `"${reserved}" is kept by the server for every record; choose another name`);
  }

  const fields = buildFields(properties, required, '/properties', report);
  const fieldNames = fields.map((f) => f.name);
  checkFormerNames(fields, report);
  const lookups = buildLookups(doc['x-lookups'] as Parameters<typeof buildLookups>[0], fields, report);
  checkFieldRules(fields, lookups, context.roles, report);
  const label = doc['x-label'] as Labels;

  const representation = (doc['x-record-representation'] as string | undefined) ?? (fieldNames.includes('name') ? 'name' : 'id');
  if (doc['x-record-representation'] && !fieldNames.includes(representation)) {
    report('/x-record-representation', `"${representation}" is not a field`);
  }
  const sort = (doc['x-sort'] as EntityModel['sort'] | undefined) ?? { field: 'id', order: 'DESC' };
  if (doc['x-sort'] && sort.field !== 'id' && !fieldNames.includes(sort.field)) report('/x-sort/field', `"${sort.field}" is not a field`);
  const group = (doc['x-group'] as string | undefined) ?? context.groups[0] ?? 'sales';
  if (doc['x-group'] && !context.groups.includes(group)) {
    report('/x-group', `group "${group}" is not declared in model.json (${context.groups.join(', ')})`);
  }

  const entity: EntityModel = {
    name,
    typeName: pascalCase(name),
    resource: doc['x-resource'] as string,
    label,
    pluralLabel: (doc['x-plural-label'] as Labels | undefined) ?? label,
    recordRepresentation: representation,
    group,
    fields,
    sections: buildSections(doc['x-sections'] as RawSection[] | undefined, fields, { locales: context.locales, stages: allStages }, report),
    schema: recordSchema(properties, required),
    access: buildAccess(doc['x-access'] as RawAccess | undefined, fields, context.roles, report),
    sort: { field: sort.field, order: sort.order ?? 'ASC' },
    source,
    unique: buildUnique(doc['x-unique'] as string[][] | undefined, fields, report),
    lookups,
    validations: buildValidations(doc['x-validate'] as Parameters<typeof buildValidations>[0], fields, lookups, report),
    actions: buildActions(
      doc['x-actions'] as Parameters<typeof buildActions>[0],
      { fields, lookups: Object.keys(lookups), stages: rawWorkflow ? allStages.map((s) => s.id) : undefined },
      context.roles,
      report,
    ),
  };
  if (doc['x-description']) entity.description = doc['x-description'] as Labels;
  if (doc['x-icon']) {
    entity.icon = doc['x-icon'] as string;
    if (!(ICON_NAMES as readonly string[]).includes(entity.icon)) {
      const hint = didYouMean(entity.icon, ICON_NAMES);
      report(
        '/x-icon',
        `"${entity.icon}" is not an icon ra-sales knows${hint ? `: ${hint}` : ''} (the names are listed in packages/schema/src/icons.ts)`,
      );
    }
  }
  if (rawWorkflow) entity.workflow = buildWorkflowWithPipelines(rawWorkflow, fields, context.roles, report, Object.keys(lookups));
  return entity;
}

interface RawAccess {
  owner?: string;
  roles?: Record<string, { read: Scope; write: Scope }>;
  default?: { read: Scope; write: Scope };
}

function buildAccess(raw: RawAccess | undefined, fields: EntityModel['fields'], roles: readonly string[], report: Report): AccessModel {
  const access: AccessModel = { roles: raw?.roles ?? {}, default: raw?.default ?? { read: 'all', write: 'all' } };
  if (raw?.owner) {
    // That it references the users entity is checked with model.json's `users` (checkOwners).
    if (!fields.some((f) => f.name === raw.owner)) report('/x-access/owner', `owner field "${raw.owner}" is not a field`);
    access.ownerField = raw.owner;
  }
  for (const [role, rights] of Object.entries(access.roles)) {
    if (!roles.includes(role)) report(`/x-access/roles/${role}`, `role "${role}" is not declared in model.json`);
    if (!raw?.owner && (['own', 'team'] as Scope[]).some((s) => s === rights.read || s === rights.write)) {
      report(`/x-access/roles/${role}`, `"own" and "team" need an owner field ("x-access": { "owner": … })`);
    }
  }
  return access;
}

export function pascalCase(name: string): string {
  return name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
