import { MAIN_SECTION, MAIN_SECTION_LABEL, type ClientEntityModel, type ClientFieldModel, type SectionModel } from '@ra-sales/schema';
import { humanize } from '../i18n/labels.js';

export { MAIN_SECTION };

export interface Section {
  id: string;
  fields: ClientFieldModel[];
}

/**
 * The entity's tabs: `sections` of the compiled model (x-sections). A hand-built model without
 * them gets one tab per field `section`, the main one first, named by a stage of the same id.
 */
export function sectionLayout(entity: ClientEntityModel): SectionModel[] {
  if (entity.sections) return entity.sections;
  const byId = new Map<string, string[]>([[MAIN_SECTION, []]]);
  for (const field of entity.fields) {
    const id = field.section ?? MAIN_SECTION;
    byId.set(id, [...(byId.get(id) ?? []), field.name]);
  }
  const stageLabel = (id: string) => entity.workflow?.stages.find((s) => s.id === id)?.label;
  return [...byId]
    .filter(([, fields]) => fields.length > 0)
    .map(([id, fields]) => ({ id, label: id === MAIN_SECTION ? MAIN_SECTION_LABEL : (stageLabel(id) ?? { en: humanize(id) }), fields }));
}

/** The tabs holding `fields` (by default all of the entity's), in the declared order and field order; empty tabs are left out. */
export function sectionsOf(entity: ClientEntityModel, fields: readonly ClientFieldModel[] = entity.fields): Section[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return sectionLayout(entity)
    .map(({ id, fields: names }) => ({ id, fields: names.flatMap((name) => byName.get(name) ?? []) }))
    .filter((section) => section.fields.length > 0);
}
