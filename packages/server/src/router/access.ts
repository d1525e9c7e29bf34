/**
 * Row access from `x-access`: per role a read and a write scope (`own` | `team` | `all` | `none`);
 * a user gets the widest scope among their roles (roles not listed fall back to `default`).
 * Scopes become SQL conditions added to every read and write, so a row out of scope is never
 * counted, listed, embedded or written.
 *
 *   own   the owner field equals the user's id
 *   team  the owner is the user or a user of the user's team (own without a team)
 *   all   no condition
 *   none  no rows
 *
 * An entity without an owner field has no owned rows: `own` and `team` match nothing, except in
 * the users entity (model.json `users`), where `own` is the user's own row and `team` their team's rows.
 */
import type { Knex } from 'knex';
import { scopeOf, SCOPE_WIDTH, type EntityModel, type SalesModel } from '@ra-sales/schema';
import type { SalesUser } from './types.js';
import { APPROVALS, usersOf, type ResourceInfo, type UsersEntity } from './resources.js';

export type AccessMode = 'read' | 'write';

export const ADMIN_ROLE = 'admin';

/** Scopes from narrowest to widest; each covers the rows of the narrower ones. */
export { scopeOf, SCOPE_WIDTH };

type Where = Knex.QueryBuilder;

function teamMembers(knex: Knex, users: UsersEntity & { teamField: string }, teamId: number): Knex.QueryBuilder {
  return knex(users.resource).select('id').where(users.teamField, teamId);
}

/** Adds the entity's scope for the user to a query on `table` (the entity's table or an alias of it). */
export function addEntityScope(
  qb: Where,
  knex: Knex,
  model: SalesModel,
  entity: EntityModel,
  user: SalesUser,
  mode: AccessMode,
  table: string = entity.resource,
): void {
  const scope = scopeOf(entity, user, mode);
  if (scope === 'all') return;
  if (scope === 'none') {
    qb.whereRaw('false');
    return;
  }
  const users = usersOf(model);
  const teams = users?.teamField && user.teamId != null ? { ...users, teamField: users.teamField } : undefined;
  const owner = entity.access.ownerField;
  if (owner) {
    const column = `${table}.${owner}`;
    if (scope === 'team' && teams) {
      qb.where((w) => w.where(column, user.id).orWhereIn(column, teamMembers(knex, teams, user.teamId!)));
    } else {
      qb.where(column, user.id);
    }
    return;
  }
  if (entity.resource === users?.resource) {
    if (scope === 'team' && teams) {
      qb.where((w) => w.where(`${table}.id`, user.id).orWhere(`${table}.${teams.teamField}`, user.teamId!));
    } else {
      qb.where(`${table}.id`, user.id);
    }
    return;
  }
  qb.whereRaw('false');
}

/**
 * Rows about a record (`resource`, `record_id`) that the user may read: `resource = ? AND record_id IN (…)`
 * for each of `entities` (every entity by default).
 */
export function addReadableRecord(
  qb: Where,
  knex: Knex,
  model: SalesModel,
  user: SalesUser,
  table: string,
  entities: Iterable<EntityModel> = Object.values(model.entities),
): void {
  qb.where((any) => {
    for (const entity of entities) {
      any.orWhere((w) => {
        w.where(`${table}.resource`, entity.resource);
        if (scopeOf(entity, user, 'read') === 'all') return;
        w.whereIn(`${table}.record_id`, (sub) => {
          sub.select('id').from(entity.resource);
          addEntityScope(sub, knex, model, entity, user, 'read');
        });
      });
    }
    any.orWhereRaw('false');
  });
}

/** Only records of entities with a workflow have approvals and history rows. */
const withWorkflow = (model: SalesModel) => Object.values(model.entities).filter((entity) => entity.workflow);

/**
 * Adds the read scope of any resource. History rows, notes and tasks follow their record. Approvals
 * are visible with their record, to holders of the approving role, and to whoever asked.
 */
export function addReadScope(
  qb: Where,
  knex: Knex,
  model: SalesModel,
  resource: ResourceInfo,
  user: SalesUser,
  table: string = resource.table,
): void {
  if (resource.entity) {
    addEntityScope(qb, knex, model, resource.entity, user, 'read', table);
    return;
  }
  if (user.roles.includes(ADMIN_ROLE)) return;
  if (resource.name === APPROVALS) {
    qb.where((w) => {
      w.whereIn(`${table}.role`, user.roles.length ? user.roles : ['']);
      w.orWhere(`${table}.requested_by`, user.id);
      w.orWhere((r) => addReadableRecord(r, knex, model, user, table, withWorkflow(model)));
    });
    return;
  }
  if (resource.kind === 'notes' || resource.kind === 'tasks') {
    addReadableRecord(qb, knex, model, user, table);
    return;
  }
  addReadableRecord(qb, knex, model, user, table, withWorkflow(model));
}

export function mayDecide(user: SalesUser, role: string): boolean {
  return user.roles.includes(role) || user.roles.includes(ADMIN_ROLE);
}
