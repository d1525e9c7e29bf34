/**
 * Stage locks: a record in a locked stage can be neither edited (but for the lock's `except`
 * fields) nor deleted. Leaving the stage is a reversal: only the lock's roles (and admin) may make
 * it, and only with a reason, which the history row keeps.
 */
import { labelOf, lockedStage, mayReverse, SUPER_ROLE, type EntityModel, type SalesModel, type StageLock } from '@ra-sales/schema';
import { HttpError } from '../errors.js';
import { phrase } from '../locale.js';
import type { SalesUser } from '../types.js';
import { roleLabels } from './labels.js';

/** Who may reverse a lock: admin, and the lock's roles. */
function reversalRoles(lock: StageLock): string[] {
  return [SUPER_ROLE, ...lock.reversibleBy.filter((role) => role !== SUPER_ROLE)];
}

function lockedError(
  model: SalesModel,
  entity: EntityModel,
  stored: Record<string, unknown>,
  locale: string,
  errors?: Record<string, string>,
): HttpError {
  const stage = lockedStage(entity, stored)!;
  const reversible = entity.workflow!.transitions.some((t) => t.from === stage.id);
  return new HttpError(
    409,
    phrase(locale, reversible ? 'recordLocked' : 'recordLockedFinal', {
      entity: labelOf(entity.label, locale),
      stage: labelOf(stage.label, locale),
      roles: roleLabels(model, reversalRoles(stage.lock), locale),
    }),
    errors,
    { lock: { stage: stage.id, reversibleBy: stage.lock.reversibleBy } },
  );
}

/** An update of a record in a locked stage: only `except` fields change, or it is a reversal. */
export function checkLockOnUpdate(
  model: SalesModel,
  entity: EntityModel,
  user: SalesUser,
  stored: Record<string, unknown>,
  changed: string[],
  moving: boolean,
  comment: string | null,
  locale: string,
): void {
  const stage = lockedStage(entity, stored);
  if (!stage) return;
  const stageLabel = labelOf(stage.label, locale);
  const workflow = entity.workflow!;
  // A reversal may correct the facts it is made for (the amount that really arrived) in the same
  // write: its role is trusted with the record, and its reason and the changes are kept.
  if (moving) {
    if (!mayReverse(stage.lock, user)) {
      throw new HttpError(
        403,
        phrase(locale, 'reverseRoles', { stage: stageLabel, roles: roleLabels(model, reversalRoles(stage.lock), locale) }),
        {
          [workflow.field]: phrase(locale, 'lockedField', { stage: stageLabel }),
        },
      );
    }
    if (!comment || comment.trim().length < 2) {
      throw new HttpError(422, phrase(locale, 'reverseReason', { stage: stageLabel }), {
        _comment: phrase(locale, 'reverseReason', { stage: stageLabel }),
      });
    }
    return;
  }
  const refused = changed.filter((name) => !stage.lock.except.includes(name));
  if (refused.length) {
    throw lockedError(
      model,
      entity,
      stored,
      locale,
      Object.fromEntries(refused.map((n) => [n, phrase(locale, 'lockedField', { stage: stageLabel })])),
    );
  }
}

export function checkLockOnDelete(model: SalesModel, entity: EntityModel, stored: Record<string, unknown>, locale: string): void {
  if (lockedStage(entity, stored)) throw lockedError(model, entity, stored, locale);
}
