import type { ClientEntityModel, Scope } from '../model.js';

export const SCOPE_WIDTH: Record<Scope, number> = { none: 0, own: 1, team: 2, all: 3 };

/** The widest scope among the user's roles for reading or writing; roles not listed in `x-access` use its default. */
export function scopeOf(entity: ClientEntityModel, user: { roles: readonly string[] }, mode: 'read' | 'write'): Scope {
  const { roles, default: fallback } = entity.access;
  const scopes = user.roles.length ? user.roles.map((role) => (roles[role] ?? fallback)[mode]) : [fallback[mode]];
  return scopes.reduce<Scope>((widest, scope) => (SCOPE_WIDTH[scope] > SCOPE_WIDTH[widest] ? scope : widest), 'none');
}
