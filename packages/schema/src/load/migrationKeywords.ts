import { fieldAccepts } from '../compile/fieldValues.js';
import type { FieldModel, JsonSchema, RetiredStage, StageModel } from '../model.js';
import type { Report } from './buildFields.js';

const asList = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : [value as string]);

/** A field's `x-renamed-from` and `x-migrate`: how a migration carries stored values into the field as declared now. */
export function addMigrationKeywords(field: FieldModel, schema: JsonSchema, pointer: string, report: Report): void {
  if (schema['x-renamed-from'] !== undefined) field.formerNames = asList(schema['x-renamed-from']);
  const migrate = schema['x-migrate'] as { map?: Record<string, unknown>; otherwise?: { value: unknown } } | undefined;
  if (!migrate) return;
  field.migrate = {};
  if (migrate.map) field.migrate.map = migrate.map;
  if (migrate.otherwise) field.migrate.otherwise = { value: migrate.otherwise.value };
  checkConversions(field, `${pointer}/x-migrate`, report);
}

/** Every value a conversion produces must be one the field accepts, or the migration would store what a save refuses. */
function checkConversions(field: FieldModel, pointer: string, report: Report): void {
  let accepts: (value: unknown) => boolean;
  try {
    accepts = fieldAccepts(field);
  } catch (error) {
    return report(pointer, `field "${field.name}": its values cannot be judged (${(error as Error).message})`);
  }
  for (const [from, to] of Object.entries(field.migrate?.map ?? {})) {
    if (!accepts(to))
      report(
        `${pointer}/map/${from}`,
        `field "${field.name}": "${from}" is converted to ${JSON.stringify(to)}, which the field does not accept`,
      );
  }
  const otherwise = field.migrate?.otherwise;
  if (otherwise && !accepts(otherwise.value)) {
    report(
      `${pointer}/otherwise/value`,
      otherwise.value === null
        ? `field "${field.name}" is required, so its values cannot be emptied: give "otherwise" a value the field accepts`
        : `field "${field.name}": ${JSON.stringify(otherwise.value)} is not a value the field accepts`,
    );
  }
}

/** A former name must not be a field of today, nor claimed by two fields. */
export function checkFormerNames(fields: readonly FieldModel[], report: Report): void {
  const current = new Set(fields.map((f) => f.name));
  const claimed = new Map<string, string>();
  for (const field of fields) {
    (field.formerNames ?? []).forEach((former, i) => {
      const pointer = `/properties/${field.name}/x-renamed-from${field.formerNames!.length > 1 ? `/${i}` : ''}`;
      if (current.has(former)) {
        report(pointer, `field "${field.name}" was renamed from "${former}", which is still a field: remove one of them`);
      } else if (claimed.has(former)) {
        report(pointer, `fields "${claimed.get(former)}" and "${field.name}" are both renamed from "${former}"`);
      } else claimed.set(former, field.name);
    });
  }
}

interface RawStageMigrations {
  stages: { id: string; renamed_from?: string | string[] }[];
  retired_stages?: RetiredStage[];
}

/**
 * The stages' `renamed_from` and the workflow's `retired_stages`: a former id is no stage of
 * today and is claimed once; a retired stage's records go to a stage of today.
 */
export function buildStageMigrations(raw: RawStageMigrations, stages: StageModel[], at: string, report: Report): RetiredStage[] {
  const current = new Set(stages.map((s) => s.id));
  const claimed = new Map<string, string>();
  raw.stages.forEach((s, i) => {
    if (s.renamed_from === undefined) return;
    const former = asList(s.renamed_from);
    stages[i]!.formerIds = former;
    former.forEach((id, j) => {
      const pointer = `${at}/stages/${i}/renamed_from${Array.isArray(s.renamed_from) ? `/${j}` : ''}`;
      if (current.has(id)) report(pointer, `stage "${s.id}" was renamed from "${id}", which is still a stage: remove one of them`);
      else if (claimed.has(id)) report(pointer, `stages "${claimed.get(id)}" and "${s.id}" are both renamed from "${id}"`);
      else claimed.set(id, s.id);
    });
  });
  const retired = raw.retired_stages ?? [];
  retired.forEach((r, i) => {
    const pointer = `${at}/retired_stages/${i}`;
    if (current.has(r.id))
      report(`${pointer}/id`, `"${r.id}" is retired but is still a stage: remove it from "stages" or from "retired_stages"`);
    else if (claimed.has(r.id))
      report(`${pointer}/id`, `"${r.id}" is retired, but stage "${claimed.get(r.id)}" is renamed from it: keep one`);
    else claimed.set(r.id, r.into);
    if (!current.has(r.into))
      report(
        `${pointer}/into`,
        `"${r.into}" is not a stage (${[...current].join(', ')}): a retired stage's records move to a stage of today`,
      );
  });
  return retired.map((r) => ({ id: r.id, into: r.into, ...(r.label ? { label: r.label } : {}) }));
}
