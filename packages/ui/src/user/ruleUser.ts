import type { RuleUser } from '@ra-sales/schema';
import type { SalesUser } from '../workflow/api.js';
import { UNKNOWN_USER } from './unknownUser.js';
import { useSalesUser } from './useSalesUser.js';

/** The user in the shape of the schema's rule helpers. */
export function asRuleUser(user: SalesUser | null | undefined): RuleUser {
  if (!user) return UNKNOWN_USER;
  return { id: Number(user.id), roles: user.roles ?? [] };
}

export interface RuleUserState {
  /** The user for the rule helpers (`UNKNOWN_USER` until known, or when it cannot be known). */
  user: RuleUser;
  /** Whether the real user is known. */
  known: boolean;
  /** True while `/me` is being fetched the first time. */
  isPending: boolean;
}

export function useRuleUser(): RuleUserState {
  const me = useSalesUser();
  return { user: asRuleUser(me.data), known: !!me.data, isPending: me.isPending };
}
