/**
 * `x-related`: the related lists of an entity's show page, each the records of another entity
 * whose reference field points at the record shown. Built once every entity is known and in menu order.
 */
import type { EntityModel, FieldModel, JsonSchema, RelatedListModel } from '../model.js';
import { unknownTail } from '../didYouMean.js';
import type { Report } from './buildFields.js';

type RawRelated = string | { resource: string; field?: string };

/** Lists shown when an entity declares no `x-related`: enough for a hub, few enough to load at once. */
export const DEFAULT_RELATED_LISTS = 6;

/** Top-level reference fields of `source` pointing at `target`; a lines column cannot be a list's filter. */
function referencesTo(source: EntityModel, target: EntityModel): FieldModel[] {
  return source.fields.filter((f) => f.kind === 'reference' && f.ref === target.resource);
}

/**
 * Without `x-related`: every reference to the entity, in menu order, but for owner fields (whose
 * records a person handles are not what the record is made of), at most DEFAULT_RELATED_LISTS.
 */
function defaultRelated(entity: EntityModel, entities: readonly EntityModel[]): RelatedListModel[] {
  return entities
    .flatMap((source) =>
      referencesTo(source, entity)
        .filter((f) => f.name !== source.access.ownerField)
        .map((f) => ({ resource: source.resource, field: f.name })),
    )
    .slice(0, DEFAULT_RELATED_LISTS);
}

function buildOne(
  raw: RawRelated,
  at: string,
  entity: EntityModel,
  byResource: ReadonlyMap<string, EntityModel>,
  mayExist: (resource: string) => boolean,
  report: Report,
): RelatedListModel | undefined {
  const resource = typeof raw === 'string' ? raw : raw.resource;
  const named = typeof raw === 'string' ? undefined : raw.field;
  const resourceAt = typeof raw === 'string' ? at : `${at}/resource`;
  const source = byResource.get(resource);
  if (!source) {
    if (!mayExist(resource)) report(resourceAt, `"${resource}" is not a resource${unknownTail(resource, byResource.keys(), 'resources')}`);
    return undefined;
  }
  const candidates = referencesTo(source, entity);
  if (named === undefined) {
    if (candidates.length === 1) return { resource, field: candidates[0]!.name };
    report(
      at,
      candidates.length === 0
        ? `${resource} has no reference field pointing at ${entity.resource} ("x-ref": "${entity.resource}")`
        : `${resource} refers to ${entity.resource} by several fields (${candidates.map((f) => f.name).join(', ')}): name one, { "resource": "${resource}", "field": "${candidates[0]!.name}" }`,
    );
    return undefined;
  }
  const field = source.fields.find((f) => f.name === named);
  if (!field) {
    const names = source.fields.map((f) => f.name);
    report(`${at}/field`, `${resource} has no field "${named}"${unknownTail(named, names, 'fields')}`);
    return undefined;
  }
  if (field.kind !== 'reference' || field.ref !== entity.resource) {
    const is = field.kind === 'reference' ? `it refers to ${field.ref}` : `it is a ${field.kind} field`;
    const others = candidates.length ? ` (those that do: ${candidates.map((f) => f.name).join(', ')})` : '';
    report(`${at}/field`, `"${named}" of ${resource} does not refer to ${entity.resource}: ${is}${others}`);
    return undefined;
  }
  return { resource, field: named };
}

/** Sets `related` on every entity: its `x-related` checked against the other entities, else the default. */
export function buildRelated(
  entities: readonly EntityModel[],
  docs: ReadonlyMap<string, JsonSchema>,
  mayExist: (resource: string) => boolean,
  reportFor: (entity: EntityModel) => Report,
): void {
  const byResource = new Map(entities.map((e) => [e.resource, e]));
  for (const entity of entities) {
    const raw = docs.get(entity.source)?.['x-related'] as RawRelated[] | undefined;
    if (raw === undefined) {
      entity.related = defaultRelated(entity, entities);
      continue;
    }
    const report = reportFor(entity);
    const related: RelatedListModel[] = [];
    raw.forEach((item, i) => {
      const list = buildOne(item, `/x-related/${i}`, entity, byResource, mayExist, report);
      if (!list) return;
      if (related.some((r) => r.resource === list.resource && r.field === list.field)) {
        report(`/x-related/${i}`, `${list.resource} by ${list.field} is listed twice`);
      } else related.push(list);
    });
    entity.related = related;
  }
}
