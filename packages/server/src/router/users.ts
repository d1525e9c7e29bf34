/**
 * Who is calling. The host's `auth` hook decides; with `demoUsers`, the header `X-Sales-User: <id>`
 * picks a record of the users entity instead (model.json `users`: roles from its role field, the
 * team from its team field; user 1 is also an admin).
 */
import type { Request } from 'express';
import type { Knex } from 'knex';
import type { SalesModel } from '@ra-sales/schema';
import type { AuthHook, SalesUser } from './types.js';
import { ADMIN_ROLE } from './access.js';
import { HttpError } from './errors.js';
import { phrase, requestLocale } from './locale.js';
import { usersOf } from './resources.js';

export const DEMO_USER_HEADER = 'x-sales-user';
export const DEMO_ADMIN_ID = 1;

const unauthorized = (message: string) => new HttpError(401, message);

/** The demo's user for `X-Sales-User`: salesperson 1 is also an admin there (only there). */
export async function salespersonAsUser(knex: Knex, model: SalesModel, id: number): Promise<SalesUser | undefined> {
  const user = await findSalesperson(knex, model, { id });
  if (user && id === DEMO_ADMIN_ID && !user.roles.includes(ADMIN_ROLE)) user.roles.push(ADMIN_ROLE);
  return user;
}

/**
 * The salesperson a host's signed-in user is, found by any of their columns (an e-mail, an
 * employee number), as the `auth` hook returns it: `auth: (req) => findSalesperson(knex, model, { email: req.user.email })`.
 */
export async function findSalesperson(
  knex: Knex,
  model: SalesModel,
  where: Record<string, string | number>,
): Promise<SalesUser | undefined> {
  const users = usersOf(model);
  if (!users) return undefined;
  const row = await knex(users.resource).where(where).first();
  if (!row) return undefined;
  const role = row[users.roleField];
  const team = users.teamField ? row[users.teamField] : null;
  return { id: Number(row.id), roles: typeof role === 'string' ? [role] : [], teamId: team == null ? null : Number(team) };
}

/**
 * The first user of an empty installation: the salesperson matching `where`, created with `values`
 * when there is none (e.g. `{ email: 'boss@example.com' }`, `{ name: '王总', role: 'admin', status: 'active' }`).
 */
export async function ensureSalesperson(
  knex: Knex,
  model: SalesModel,
  where: Record<string, string | number>,
  values: Record<string, unknown>,
): Promise<SalesUser> {
  const found = await findSalesperson(knex, model, where);
  if (found) return found;
  const users = usersOf(model);
  if (!users) throw new Error('the model keeps no users: declare "users" in model.json');
  await knex(users.resource).insert({ ...values, ...where });
  return (await findSalesperson(knex, model, where))!;
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
  const users = usersOf(model);
  let fullName: string | null = null;
  if (users) {
    const row = await knex(users.resource).where('id', user.id).first();
    const name = row?.[users.entity.recordRepresentation];
    if (typeof name === 'string') fullName = name;
  }
  return { id: user.id, roles: user.roles, teamId: user.teamId ?? null, fullName };
}
