import { MAIN_SECTION, MAIN_SECTION_LABEL, type FieldModel, type Labels, type SectionModel } from '../model.js';
import { unknownTail } from '../didYouMean.js';
import type { Report } from './buildFields.js';

export interface RawSection {
  id: string;
  label?: Labels;
  fields?: string[];
}

const AT = '/x-sections';

/**
 * `x-sections` and the fields' `x-section` → the tabs in order, every field on exactly one.
 * A section's `fields` list places its fields in that order, and their `x-section` is then not read:
 * an overlay re-lays tabs by replacing `x-sections` alone, even moving a default field whose
 * `x-section` names a section it drops. The other fields of a section follow in property order.
 * Sets each field's `section` to where it landed.
 */
export function buildSections(
  raw: readonly RawSection[] | undefined,
  fields: FieldModel[],
  context: { locales: readonly string[]; stages: readonly { id: string; label: Labels }[] },
  report: Report,
): SectionModel[] {
  const declared = raw ?? [];
  const ids = declared.map((s) => s.id);
  declared.forEach((s, i) => {
    if (ids.indexOf(s.id) !== i) report(`${AT}/${i}/id`, `section "${s.id}" is declared twice`);
  });
  const known = new Set([MAIN_SECTION, ...ids]);
  const order = ids.includes(MAIN_SECTION) ? [...new Set(ids)] : [MAIN_SECTION, ...new Set(ids)];
  const labels = new Map<string, Labels>([[MAIN_SECTION, MAIN_SECTION_LABEL]]);
  declared.forEach((s, i) => {
    if (ids.indexOf(s.id) === i) labels.set(s.id, sectionLabel(s, i, context, report));
  });

  const placed = placeListed(declared, fields, report);
  for (const field of fields) {
    const named = field.section;
    if (named !== undefined && !known.has(named) && !placed.has(field.name)) {
      report(
        `/properties/${field.name}/x-section`,
        ids.length
          ? `section "${named}" is not declared in "x-sections"${unknownTail(named, known, 'sections')}`
          : `section "${named}" is not declared: add { "id": "${named}", "label": … } to "x-sections"`,
      );
    }
    const section = placed.get(field.name) ?? (named !== undefined && known.has(named) ? named : MAIN_SECTION);
    if (section === MAIN_SECTION) delete field.section;
    else field.section = section;
  }

  return order
    .map((id) => {
      const listed = declared.find((s) => s.id === id)?.fields?.filter((name) => placed.get(name) === id) ?? [];
      const others = fields.filter((f) => (f.section ?? MAIN_SECTION) === id && !listed.includes(f.name)).map((f) => f.name);
      return { id, label: { ...labels.get(id)! }, fields: [...new Set(listed)].concat(others) };
    })
    .filter((section) => section.fields.length > 0);
}

/** The section each field listed in a `fields` list goes to; a field listed twice keeps its first place. */
function placeListed(declared: readonly RawSection[], fields: readonly FieldModel[], report: Report): Map<string, string> {
  const names = fields.map((f) => f.name);
  const placed = new Map<string, string>();
  declared.forEach((section, i) => {
    (section.fields ?? []).forEach((name, j) => {
      const at = `${AT}/${i}/fields/${j}`;
      const first = placed.get(name);
      if (!names.includes(name)) report(at, `"${name}" is not a field of the entity${unknownTail(name, names, 'fields')}`);
      else if (first === section.id) report(at, `"${name}" is listed twice in section "${section.id}"`);
      else if (first !== undefined) report(at, `"${name}" is already in section "${first}": a field is on one tab only`);
      else placed.set(name, section.id);
    });
  });
  return placed;
}

/** The declared label, else the label of the stage of the same id, else (for main) the built-in one; in every model locale. */
function sectionLabel(
  section: RawSection,
  index: number,
  context: { locales: readonly string[]; stages: readonly { id: string; label: Labels }[] },
  report: Report,
): Labels {
  const label =
    section.label ??
    context.stages.find((s) => s.id === section.id)?.label ??
    (section.id === MAIN_SECTION ? MAIN_SECTION_LABEL : undefined);
  if (!label) {
    report(
      `${AT}/${index}`,
      `section "${section.id}" needs a "label" (only "main" and a section named after a stage have one of their own)`,
    );
    return { en: section.id };
  }
  const missing = context.locales.filter((locale) => !label[locale]);
  if (missing.length) {
    report(
      section.label ? `${AT}/${index}/label` : `${AT}/${index}`,
      `section "${section.id}" has no label in ${missing.map((l) => `"${l}"`).join(', ')} (model.json's locales: ${context.locales.join(', ')})`,
    );
  }
  return label;
}
