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

/** Of `ids`, the salespeople of the user's team (the user included): one query for many owners. */
export async function teamMembers(db: Db, ctx: RequestContext, ids: unknown[]): Promise<Set<unknown>> {
  const members = new Set<unknown>(ids.filter((id) => sameValue(id, ctx.user.id)));
  const users = usersOf(ctx.model);
  const numbers = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!users?.teamField || ctx.user.teamId == null || !numbers.length) return members;
  const rows = (await (db as Knex)(users.resource).select('id').whereIn('id', numbers).where(users.teamField, ctx.user.teamId)) as {
    id: unknown;
  }[];
  for (const { id } of rows) members.add(Number(id));
  return members;
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
  if (!owner || !(owner in fields) || (stored && sameValue(fields[owner], stored[owner]))) return;
  const team = scopeOf(entity, ctx.user, 'write') === 'team' ? await teamMembers(db, ctx, [fields[owner]]) : new Set();
  checkOwnerAmong(ctx, entity, fields, team, stored);
}

/** `checkOwner` with the team members among the owners already known (`teamMembers`). */
export function checkOwnerAmong(
  ctx: RequestContext,
  entity: EntityModel,
  fields: Record<string, unknown>,
  team: Set<unknown>,
  stored?: Record<string, unknown>,
): void {
  const owner = entity.access.ownerField;
  if (!owner || !(owner in fields)) return;
  if (stored && sameValue(fields[owner], stored[owner])) return;
  const scope = scopeOf(entity, ctx.user, 'write');
  if (scope === 'own') {
    refuseChanges(fields, stored ?? { [owner]: ctx.user.id }, [owner], ctx.locale, entity);
  } else if (scope === 'team' && !team.has(fields[owner])) {
    throw badRequest(phrase(ctx.locale, 'ownerNotInTeam', { field: fieldName(entity, owner, ctx.locale) }), {
      [owner]: phrase(ctx.locale, 'notInTeam', {}),
    });
  }
}
