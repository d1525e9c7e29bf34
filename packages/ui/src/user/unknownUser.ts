import { SUPER_ROLE, type RuleUser } from '@ra-sales/schema';

/**
 * Stands in for a user the UI could not identify: it holds the super role, so the screens
 * restrict nothing the server checks anyway (rights, scopes), while what holds for everyone
 * (locks, read-only and computed fields) still shows. Owns no record.
 */
export const UNKNOWN_USER: RuleUser = Object.freeze({ id: Number.NaN, roles: Object.freeze([SUPER_ROLE]) });
