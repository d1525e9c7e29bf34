import type { EntityModel, Labels, MenuGroup } from '../model.js';
import { unknownTail } from '../didYouMean.js';
import type { Report } from './buildFields.js';

export interface RawGroup {
  id: string;
  label: Labels;
  /** The group's entities (their `x-resource`) in menu order; the others follow by resource name. */
  resources?: string[];
}

/**
 * model.json's `groups` → the menu groups and the entities in menu order: by group, then as the
 * group's `resources` list them, then by resource name. An entity joins a group by its `x-group`
 * only, so a list that names another group's entity is refused rather than moving it.
 */
export function buildMenu(
  raw: readonly RawGroup[],
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  report: Report,
): { groups: MenuGroup[]; entities: EntityModel[] } {
  const resources = entities.map((e) => e.resource);
  raw.forEach((group, i) => {
    (group.resources ?? []).forEach((resource, j) => {
      const entity = entities.find((e) => e.resource === resource);
      const at = `/groups/${i}/resources/${j}`;
      if (!entity) {
        if (!mayExist(resource)) report(at, `"${resource}" is not a resource${unknownTail(resource, resources, 'resources')}`);
      } else if (entity.group !== group.id) {
        report(at, `"${resource}" is in the menu group "${entity.group}" (its "x-group"), not in "${group.id}"`);
      }
    });
  });

  const groupRank = new Map(raw.map((g, i) => [g.id, i]));
  const listedRank = (entity: EntityModel) => {
    const listed = raw.find((g) => g.id === entity.group)?.resources ?? [];
    return listed.includes(entity.resource) ? listed.indexOf(entity.resource) : listed.length;
  };
  const ordered = [...entities].sort(
    (a, b) =>
      (groupRank.get(a.group) ?? 0) - (groupRank.get(b.group) ?? 0) ||
      listedRank(a) - listedRank(b) ||
      a.resource.localeCompare(b.resource),
  );
  return { groups: raw.map(({ id, label }) => ({ id, label })), entities: ordered };
}
