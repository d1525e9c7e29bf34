import type { ClientFieldModel } from '@ra-sales/schema';

/** Fields without a section go to this one, shown first. */
export const MAIN_SECTION = 'main';

export interface Section {
  id: string;
  fields: ClientFieldModel[];
}

/** Fields grouped by `section`, the main section first, the others in order of first appearance. */
export function sectionsOf(fields: readonly ClientFieldModel[]): Section[] {
  const byId = new Map<string, ClientFieldModel[]>([[MAIN_SECTION, []]]);
  for (const field of fields) {
    const id = field.section ?? MAIN_SECTION;
    if (!byId.has(id)) byId.set(id, []);
    byId.get(id)!.push(field);
  }
  return [...byId].filter(([, list]) => list.length > 0).map(([id, list]) => ({ id, fields: list }));
}
