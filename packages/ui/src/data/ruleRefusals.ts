/**
 * The server refuses what a schema rule forbids — a field the user may not write (403 with
 * `errors`), a record locked in its stage (409 with `lock`) — without the session being at fault.
 * react-admin hands every data provider error to `authProvider.checkError`, and the usual
 * `checkError` logs out on 403; this keeps such refusals away from it. (The UI ships no
 * authProvider: without one, react-admin never logs out on an error.)
 */
import type { AuthProvider } from 'react-admin';

type Refusal = { status?: number; body?: { errors?: unknown; lock?: unknown } | null };

const hasEntries = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length > 0;

/** A 403 naming fields, or a 403/409 about a stage lock. */
export function isRuleRefusal(error: unknown): boolean {
  const { status, body } = (error ?? {}) as Refusal;
  if (status !== 403 && status !== 409) return false;
  return hasEntries(body?.lock) || (status === 403 && hasEntries(body?.errors));
}

/** The host's authProvider, whose `checkError` is not consulted for rule refusals (they keep the session). */
export function keepSessionOnRuleRefusals(authProvider: AuthProvider): AuthProvider {
  return {
    ...authProvider,
    checkError: (error) => (isRuleRefusal(error) ? Promise.resolve() : authProvider.checkError(error)),
  };
}
