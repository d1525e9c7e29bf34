/**
 * The server refuses what the user may not do — a write outside their scope or with scope
 * `none`, a field the user may not write (403 with `errors`), a record locked in its stage (409
 * with `lock`), an approval for another role (403) — without the session being at fault.
 * react-admin hands every data provider error to `authProvider.checkError` (the `useDataProvider`
 * proxy calls `useLogoutIfAccessDenied`, whatever hook — `useUpdate`, `useCreate`, `useGetList` —
 * made the call), and the usual `checkError` logs out on 401 *and* 403.
 *
 * So the sales data provider never rejects with a 403: it rejects with a `SalesRefusal`, still
 * react-admin's `HttpError` (its `message` is the server's, in the UI language, which react-admin's
 * notification shows; its `body` keeps `{ message, errors, lock }`), whose `status` is left
 * undefined for a 403 — the HTTP status is in `httpStatus`. Only a 401 reaches `checkError` as
 * an authentication failure. A host whose `checkError` looks elsewhere can also wrap its
 * authProvider in `keepSessionOnRuleRefusals`. (The UI ships no authProvider: without one,
 * react-admin never logs out on an error.)
 */
import { HttpError, type AuthProvider } from 'react-admin';

type Refusal = { status?: number; httpStatus?: number; body?: { errors?: unknown; lock?: unknown } | null };

const hasEntries = (value: unknown) => typeof value === 'object' && value !== null && Object.keys(value).length > 0;

/** The HTTP status an error stands for (a `SalesRefusal` keeps it in `httpStatus`). */
const httpStatusOf = (error: unknown): number | undefined => {
  const { status, httpStatus } = (error ?? {}) as Refusal;
  return typeof httpStatus === 'number' ? httpStatus : status;
};

/** A 403 naming fields, or a 403/409 about a stage lock (raw, or already a `SalesRefusal`). */
export function isRuleRefusal(error: unknown): boolean {
  const status = httpStatusOf(error);
  const { body } = (error ?? {}) as Refusal;
  if (status !== 403 && status !== 409) return false;
  return hasEntries(body?.lock) || (status === 403 && hasEntries(body?.errors));
}

/**
 * A refusal of the sales API that is about the request, not the session. `message` and `body`
 * are the server's; `httpStatus` is the HTTP status (403, or 409 for a lock); `status` is that
 * status too, except for a 403, where it is undefined — so that a host's `checkError`, which
 * rejects (logs out) on `status` 401 or 403, lets it through to the screen's notification.
 */
export class SalesRefusal extends HttpError {
  /** The HTTP status the server answered. */
  readonly httpStatus: number;

  constructor(message: string, httpStatus: number, body: unknown = null) {
    super(message, httpStatus === 403 ? undefined : httpStatus, body);
    // HttpError resets the prototype to its own; keep the subclass's.
    Object.setPrototypeOf(this, SalesRefusal.prototype);
    this.name = 'SalesRefusal';
    this.httpStatus = httpStatus;
  }
}

/** Whether the error is a `SalesRefusal` (also one made by another copy of this library). */
export function isSalesRefusal(error: unknown): error is SalesRefusal {
  if (error instanceof SalesRefusal) return true;
  const { name, httpStatus } = (error ?? {}) as { name?: unknown; httpStatus?: unknown };
  return name === 'SalesRefusal' && typeof httpStatus === 'number';
}

/** A 403, or a rule refusal, as a `SalesRefusal`; any other error (a 401 included) unchanged. */
export function asSalesRefusal(error: unknown): unknown {
  if (error instanceof SalesRefusal) return error;
  const status = httpStatusOf(error);
  if (status !== 403 && !isRuleRefusal(error)) return error;
  const { message, body } = error as { message?: string; body?: unknown };
  return new SalesRefusal(message || (body as { message?: string } | null)?.message || 'Forbidden', status!, body ?? null);
}

/** The host's authProvider, whose `checkError` is not consulted for refusals (they keep the session). */
export function keepSessionOnRuleRefusals(authProvider: AuthProvider): AuthProvider {
  return {
    ...authProvider,
    checkError: (error) => (isRuleRefusal(error) || isSalesRefusal(error) ? Promise.resolve() : authProvider.checkError(error)),
  };
}
