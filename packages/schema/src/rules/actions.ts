/**
 * Whether an action of `x-actions` is offered on a record to a user: the same test in the screens
 * (the button) and on the server (which also checks the write rights of every record it touches).
 */
import type { ActionModel, ClientEntityModel, LinesMapping } from '../model.js';
import { SUPER_ROLE } from './rights.js';

/** A step's value for a lines field (`{ rows, columns }`), not a JSON Logic expression. */
export function isLinesMapping(value: unknown): value is LinesMapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'rows' in value && 'columns' in value;
}

export function actionOffered(
  entity: ClientEntityModel,
  action: ActionModel,
  record: Record<string, unknown>,
  roles: readonly string[],
): boolean {
  const workflow = entity.workflow;
  if (action.stages && workflow && !action.stages.includes(String(record[workflow.field]))) return false;
  if (action.roles && !roles.includes(SUPER_ROLE) && !action.roles.some((role) => roles.includes(role))) return false;
  return true;
}
