/**
 * `x-actions`: the next documents created from a record. Built per entity; what needs the other
 * entities (the resources created and their fields) is checked by checkActionsAcross.
 */
import type { ActionModel, ActionStep, EntityModel, Expression, FieldModel, Labels } from '../model.js';
import { isLinesMapping } from '../rules/actions.js';
import { checkReads } from './buildRules.js';
import type { Report } from './buildFields.js';

interface RawAction {
  label: Labels;
  description?: Labels;
  stages?: string[];
  roles?: string[];
  bulk?: boolean;
  creates: ActionStep[];
  update?: Record<string, Expression>;
  opens?: string;
}

/** Names an action's expressions may read besides the record's fields and lookups. */
const ITEM_NAMES = ['$item', '$index'];

export function buildActions(
  raw: Record<string, RawAction> | undefined,
  own: { fields: FieldModel[]; lookups: string[]; stages?: string[] },
  roles: readonly string[],
  report: Report,
): Record<string, ActionModel> {
  const out: Record<string, ActionModel> = {};
  for (const [name, action] of Object.entries(raw ?? {})) {
    const pointer = `/x-actions/${name}`;
    action.stages?.forEach((stage, i) => {
      if (!own.stages) report(`${pointer}/stages`, `the entity has no workflow, so an action cannot name stages`);
      else if (!own.stages.includes(stage)) report(`${pointer}/stages/${i}`, `"${stage}" is not a stage (${own.stages.join(', ')})`);
    });
    action.roles?.forEach((role, i) => {
      if (!roles.includes(role)) report(`${pointer}/roles/${i}`, `role "${role}" is not declared in model.json (${roles.join(', ')})`);
    });
    const readable = new Set(['id', ...own.fields.map((f) => f.name), ...own.lookups]);
    const names: string[] = [];
    action.creates.forEach((step, i) => {
      const at = `${pointer}/creates/${i}`;
      if (readable.has(step.as) || names.includes(step.as))
        report(`${at}/as`, `"${step.as}" is already a field, lookup or step name of the entity`);
      const scope = new Set([...readable, ...names, ...(step.each ? ITEM_NAMES : [])]);
      if (step.when !== undefined) checkRead(step.when, scope, `${at}/when`, report);
      if (step.each !== undefined) checkRead(step.each, new Set([...readable, ...names]), `${at}/each`, report);
      for (const [field, value] of Object.entries(step.set)) {
        if (isLinesMapping(value)) {
          checkRead(value.rows, scope, `${at}/set/${field}/rows`, report);
          for (const [column, expression] of Object.entries(value.columns)) {
            checkRead(expression, new Set([...scope, '$row']), `${at}/set/${field}/columns/${column}`, report);
          }
        } else checkRead(value, scope, `${at}/set/${field}`, report);
      }
      names.push(step.as);
    });
    const afterAll = new Set([...readable, ...names]);
    for (const [field, value] of Object.entries(action.update ?? {})) {
      if (!own.fields.some((f) => f.name === field)) report(`${pointer}/update/${field}`, `"${field}" is not a field of the entity`);
      checkRead(value, afterAll, `${pointer}/update/${field}`, report);
    }
    const opens = action.opens ?? action.creates[action.creates.length - 1]?.as ?? '';
    if (action.opens && !names.includes(action.opens))
      report(`${pointer}/opens`, `"${action.opens}" is not the "as" name of a step (${names.join(', ')})`);
    const model: ActionModel = {
      name,
      label: action.label,
      bulk: action.bulk ?? false,
      creates: action.creates,
      update: action.update ?? {},
      opens,
    };
    if (action.description) model.description = action.description;
    if (action.stages) model.stages = action.stages;
    if (action.roles) model.roles = action.roles;
    out[name] = model;
  }
  return out;
}

function checkRead(expression: Expression, names: Set<string>, pointer: string, report: Report): void {
  checkReads(expression, 'the action', names, pointer, report, 'a field or lookup of the entity or an earlier step of the action');
}

/** The resources created exist, and the fields set are theirs (lines columns too). */
export function checkActionsAcross(entities: EntityModel[], reportFor: (entity: EntityModel) => Report): void {
  const byResource = new Map(entities.map((e) => [e.resource, e]));
  for (const entity of entities) {
    const report = reportFor(entity);
    for (const action of Object.values(entity.actions)) {
      action.creates.forEach((step, i) => {
        const at = `/x-actions/${action.name}/creates/${i}`;
        const target = byResource.get(step.resource);
        if (!target) return report(`${at}/resource`, `"${step.resource}" is not a resource`);
        for (const [field, value] of Object.entries(step.set)) {
          const targetField = target.fields.find((f) => f.name === field);
          if (!targetField) {
            report(`${at}/set/${field}`, `${target.resource} has no field "${field}"`);
            continue;
          }
          if (!isLinesMapping(value)) continue;
          if (targetField.kind !== 'lines')
            report(`${at}/set/${field}`, `"${field}" of ${target.resource} is not a lines field; set it with a JSON Logic expression`);
          for (const column of Object.keys(value.columns)) {
            if (!targetField.itemFields?.some((c) => c.name === column))
              report(`${at}/set/${field}/columns/${column}`, `lines "${field}" of ${target.resource} have no column "${column}"`);
          }
        }
      });
    }
  }
}
