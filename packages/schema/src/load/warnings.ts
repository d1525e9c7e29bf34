import { scopeOf } from '../rules/scope.js';
import type { EntityModel, JsonSchema, SalesModel } from '../model.js';
import type { Report } from './buildFields.js';
import { sortErrors, type SchemaError } from './errors.js';
import { fileOf, type SourceDocument } from './sources.js';
import { checkFieldLabels, checkLabels, entityLabels, modelLabels } from './warningsLabels.js';

/**
 * What is legal but most likely a mistake. It has the shape of an error (`file#pointer: message`)
 * and never stops generation; `ra-sales check --strict` fails on it.
 */
export type SchemaWarning = SchemaError;

export interface WarningSources {
  /** model.json, merged with the overlays. */
  model: SourceDocument;
  entities: readonly SourceDocument[];
  /** Each entity file after `$ref` resolution, by name: fields from shared definitions bring their labels. */
  resolved: ReadonlyMap<string, JsonSchema>;
}

/** The warnings of a model that loaded without errors, sorted like errors. */
export function collectWarnings(model: SalesModel, sources: WarningSources): SchemaWarning[] {
  const warnings: SchemaWarning[] = [];
  const reporter =
    (doc: SourceDocument): Report =>
    (pointer, message) =>
      warnings.push({ file: fileOf(doc, pointer), pointer, message });

  const modelDoc = sources.model.value as JsonSchema;
  checkLabels(modelDoc, model.locales, modelLabels(modelDoc), reporter(sources.model));
  for (const entity of Object.values(model.entities)) {
    const doc = sources.entities.find((d) => d.name === entity.source);
    const resolved = sources.resolved.get(entity.source);
    if (!doc || !resolved) continue;
    const report = reporter(doc);
    checkLabels(resolved, model.locales, entityLabels(resolved, entity.name), report);
    checkFieldLabels(resolved, model.locales, report);
    checkClosedStageLimits(entity, report);
    checkRightsWithoutAccess(entity, resolved, report);
  }
  return sortErrors(warnings);
}

/** A record stays in a won or lost stage, so a time limit there makes every such record overdue in the end. */
function checkClosedStageLimits(entity: EntityModel, report: Report): void {
  for (const stage of entity.workflow?.stages ?? []) {
    if (stage.kind === 'open' || stage.slaDays === undefined) continue;
    report(
      `/x-workflow/stages/${stage.order}/sla_days`,
      `stage "${stage.id}" is ${stage.kind} and has "sla_days": ${stage.slaDays}: records stay in a ${stage.kind} stage, so every one of them shows as overdue ${stage.slaDays} days after it got there; give the time limit to an open stage`,
    );
  }
}

/**
 * A role named by `x-write`, a lock's `reversibleBy` or an approval, but to which `x-access` gives
 * no access to the records it would need: the right can never be used by a user holding that role
 * alone (writing a field or reversing needs write access; deciding an approval needs read access).
 */
function checkRightsWithoutAccess(entity: EntityModel, resolved: JsonSchema, report: Report): void {
  const scope = (role: string, mode: 'read' | 'write') => scopeOf(entity, { roles: [role] }, mode);
  const properties = (resolved.properties ?? {}) as Record<string, JsonSchema>;
  for (const field of entity.fields) {
    if (!field.write) continue;
    const written = properties[field.name]?.['x-write'];
    const at = Array.isArray(written) ? `/properties/${field.name}/x-write` : `/properties/${field.name}/x-write/roles`;
    field.write.roles.forEach((role, i) => {
      const write = scope(role, 'write');
      if (write === 'none') {
        report(
          `${at}/${i}`,
          `field "${field.name}": x-write names "${role}", but x-access lets ${role} change no ${entity.resource} ("write": "none"), so a ${role} user can never set it`,
        );
      } else if (write === 'own' && !field.write!.owner) {
        report(
          `${at}/${i}`,
          `field "${field.name}": x-write names "${role}" with "owner": false, but x-access lets ${role} change only their own ${entity.resource} ("write": "own"), so a ${role} user can never set it`,
        );
      }
    });
  }
  const workflow = entity.workflow;
  if (!workflow) return;
  for (const stage of workflow.stages) {
    stage.lock?.reversibleBy.forEach((role, i) => {
      if (scope(role, 'write') !== 'none') return;
      report(
        `/x-workflow/stages/${stage.order}/lock/reversibleBy/${i}`,
        `stage "${stage.id}" may be reversed by "${role}", but x-access lets ${role} change no ${entity.resource} ("write": "none"), so a ${role} user can never reverse it`,
      );
    });
  }
  workflow.approvals.forEach((approval, i) => {
    if (scope(approval.role, 'read') !== 'none') return;
    report(
      `/x-workflow/approvals/${i}/role`,
      `approval ${i} (to "${approval.to}") needs "${approval.role}", but x-access lets ${approval.role} read no ${entity.resource} ("read": "none"), so a ${approval.role} user never sees the request and cannot decide it`,
    );
  });
}
