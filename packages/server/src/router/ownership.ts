/**
 * The owner field on writes. A new record belongs to its author unless said otherwise. A user whose
 * write scope is `own` cannot give a record away (the owner is then server-owned: echoing it is
 * fine, changing it is refused); `team` may hand it to a member of their team; `all` to anyone.
 */
import type { Knex } from 'knex';
import type { EntityModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { Db } from './types.js';
import { scopeOf } from './access.js';
import { badRequest } from './errors.js';
import { fieldName, phrase } from './locale.js';
import { refuseChanges, sameValue } from './records.js';
import { usersOf } from './resources.js';

async function isTeamMember(db: Db, ctx: RequestContext, id: unknown): Promise<boolean> {
  if (sameValue(id, ctx.user.id)) return true;
  const users = usersOf(ctx.model);
  if (!users?.teamField || ctx.user.teamId == null || typeof id !== 'number') return false;
  return Boolean(
    await (db as Knex)(users.resource)
      .select('id')
      .where({ id, [users.teamField]: ctx.user.teamId })
      .first(),
  );
}

/** A new record belongs to its author unless the body names an owner. */
export function defaultOwner(ctx: RequestContext, entity: EntityModel, fields: Record<string, unknown>): void {
  const owner = entity.access.ownerField;
  if (owner && (fields[owner] === undefined || fields[owner] === null)) fields[owner] = ctx.user.id;
}

/**
 * Checks the owner a write sets against the user's write scope; `stored` is the record before an
 * update (absent on create, where `defaultOwner` ran first).
 */
export async function checkOwner(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  fields: Record<string, unknown>,
  stored?: Record<string, unknown>,
): Promise<void> {
  const owner = entity.access.ownerField;
  if (!owner || !(owner in fields)) return;
  if (stored && sameValue(fields[owner], stored[owner])) return;
  const scope = scopeOf(entity, ctx.user, 'write');
  if (scope === 'own') {
    refuseChanges(fields, stored ?? { [owner]: ctx.user.id }, [owner], ctx.locale, entity);
  } else if (scope === 'team' && !(await isTeamMember(db, ctx, fields[owner]))) {
    throw badRequest(phrase(ctx.locale, 'ownerNotInTeam', { field: fieldName(entity, owner, ctx.locale) }), {
      [owner]: phrase(ctx.locale, 'notInTeam', {}),
    });
  }
}
