import type { EntityModel, FieldKind, UsersModel } from '../model.js';
import { unknownTail } from '../didYouMean.js';
import type { Report } from './buildFields.js';

export interface RawUsers {
  resource: string;
  role: string;
  team?: string;
}

/**
 * `users` of model.json → the users entity, its role field (an enum of the model's roles, so a
 * stored role is never one no access rule names) and its optional team field (a reference).
 * `mayExist(resource)`: the resource may be declared by a file that failed its own checks (not reported again).
 */
export function buildUsers(
  raw: RawUsers | undefined,
  entities: readonly EntityModel[],
  mayExist: (resource: string) => boolean,
  roles: readonly string[],
  report: Report,
): UsersModel | undefined {
  if (!raw) return undefined;
  const users: UsersModel = { resource: raw.resource, roleField: raw.role };
  if (raw.team) users.teamField = raw.team;
  const entity = entities.find((e) => e.resource === raw.resource);
  if (!entity) {
    if (!mayExist(raw.resource)) {
      report(
        '/users/resource',
        `"${raw.resource}" is not a resource${unknownTail(
          raw.resource,
          entities.map((e) => e.resource),
          'resources',
        )}`,
      );
    }
    return users;
  }
  const field = (key: 'role' | 'team', name: string, kind: FieldKind, what: string) => {
    const found = entity.fields.find((f) => f.name === name);
    if (!found)
      report(
        `/users/${key}`,
        `"${name}" is not a field of ${entity.resource}${unknownTail(
          name,
          entity.fields.map((f) => f.name),
          'fields',
        )}`,
      );
    else if (found.kind !== kind) report(`/users/${key}`, `field "${name}" of ${entity.resource} must be ${what} (it is ${found.kind})`);
    return found;
  };
  const role = field('role', raw.role, 'enum', 'an enum of the role ids of model.json');
  for (const option of role?.kind === 'enum' ? (role.options ?? []) : []) {
    if (!roles.includes(option.value)) {
      report(
        '/users/role',
        `field "${raw.role}" of ${entity.resource} holds "${option.value}", which is not a role declared in model.json${unknownTail(option.value, roles, 'roles')}`,
      );
    }
  }
  if (raw.team) field('team', raw.team, 'reference', 'a reference to the teams ("x-ref")');
  return users;
}

/** Owner fields (`x-access.owner`) point at the users entity: that is what `own` and `team` compare. */
export function checkOwners(
  entities: readonly EntityModel[],
  users: UsersModel | undefined,
  reportFor: (entity: EntityModel) => Report,
): void {
  for (const entity of entities) {
    const owner = entity.fields.find((f) => f.name === entity.access.ownerField);
    if (!owner) continue;
    if (!users) reportFor(entity)('/x-access/owner', `owner field "${owner.name}" needs the users entity: declare "users" in model.json`);
    else if (owner.ref !== users.resource) {
      reportFor(entity)('/x-access/owner', `owner field "${owner.name}" must reference the users entity ("x-ref": "${users.resource}")`);
    }
  }
}
