/**
 * Who is calling. The host's `auth` hook decides; with `demoUsers`, the header `X-Sales-User: <id>`
 * picks a salesperson instead (roles from their `role` field; salesperson 1 is also an admin).
 */
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { SalesModel } from '@ra-sales/schema';
import type { AuthHook, SalesUser } from './types.js';
import { ADMIN_ROLE } from './access.js';
import { HttpError } from './errors.js';
import { phrase, requestLocale } from './locale.js';
import { USERS_RESOURCE, USER_ROLE_FIELD, USER_TEAM_FIELD } from './resources.js';

export const DEMO_USER_HEADER = 'x-sales-user';
export const DEMO_ADMIN_ID = 1;

const unauthorized = (message: string) => new HttpError(401, message);

export async function salespersonAsUser(knex: Knex, model: SalesModel, id: number): Promise<SalesUser | undefined> {
  if (!model.entities[USERS_RESOURCE]) return undefined;
  const row = await knex(USERS_RESOURCE).where('id', id).first();
  if (!row) return undefined;
  const roles = [row[USER_ROLE_FIELD], id === DEMO_ADMIN_ID ? ADMIN_ROLE : undefined].filter((r): r is string => typeof r === 'string');
  const team = row[USER_TEAM_FIELD];
  return { id, roles: [...new Set(roles)], teamId: team == null ? null : Number(team) };
}

export async function resolveUser(req: Request, knex: Knex, model: SalesModel, auth: AuthHook, demoUsers: boolean): Promise<SalesUser> {
  const header = req.get(DEMO_USER_HEADER);
  const locale = requestLocale(req, model);
  if (demoUsers && header) {
    if (!/^\d{1,15}$/.test(header)) throw unauthorized(phrase(locale, 'demoUserHeader', { header: DEMO_USER_HEADER }));
    const user = await salespersonAsUser(knex, model, Number(header));
    if (!user) throw unauthorized(phrase(locale, 'noSalesperson', { id: header }));
    return user;
  }
  const user = await auth(req);
  if (!user) throw unauthorized(phrase(locale, 'signInFirst', {}));
  if (!Number.isSafeInteger(user.id) || !Array.isArray(user.roles)) throw new HttpError(500, 'The auth hook returned no valid user');
  return user;
}

/** `GET /me`: the user with a display name (react-admin's `getIdentity`). */
export async function describeUser(knex: Knex, model: SalesModel, user: SalesUser) {
  const entity = model.entities[USERS_RESOURCE];
  let fullName: string | null = null;
  if (entity) {
    const row = await knex(USERS_RESOURCE).where('id', user.id).first();
    const name = row?.[entity.recordRepresentation];
    if (typeof name === 'string') fullName = name;
  }
  return { id: user.id, roles: user.roles, teamId: user.teamId ?? null, fullName };
}
