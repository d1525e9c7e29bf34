import { useNotify, useRefresh, type HttpError } from 'react-admin';

/**
 * A refusal's body: `message`, per-field `errors` (400 invalid, 403 a field the user may not
 * write, 409 stale, 422 a gate), `lock` when the record is locked in its stage (409).
 */
type ErrorBody = { message?: string; errors?: Record<string, unknown>; lock?: { stage?: string; reversibleBy?: string[] } };

/**
 * Gives a refusal's own message to the form: `{ message, errors }` → `errors.root.serverError`,
 * which react-admin shows as the notification instead of its generic "form is not valid" (the
 * per-field messages still land on the inputs). This matters when the error is about no input,
 * e.g. a 409 `{ errors: { version: 'stale' } }` when someone else saved the record first.
 */
export function withRootMessage(body: ErrorBody | undefined): void {
  const errors = body?.errors;
  if (!errors || typeof errors !== 'object' || !Object.keys(errors).length) return;
  const root = errors.root;
  const serverError = typeof root === 'string' ? root : ((root as { serverError?: string } | undefined)?.serverError ?? body?.message);
  if (serverError) errors.root = { serverError };
}

/**
 * `mutationOptions.onError` of the sales Edit and Create: react-admin's behaviour plus the
 * server's message. Whatever the status (400, 403, 409, 422), `errors` land on the inputs and
 * `message` is the notification. A lock refusal also reloads the record, so the form shows it locked.
 */
export function useSaveErrorHandler(): (error: unknown) => void {
  const notify = useNotify();
  const refresh = useRefresh();
  return (error) => {
    const body = (error as HttpError)?.body as ErrorBody | undefined;
    withRootMessage(body);
    if (body?.lock) refresh();
    if (body?.errors && Object.keys(body.errors).length) return; // shown by the form
    notify(body?.message || (error as Error)?.message || 'ra.notification.http_error', { type: 'error' });
  };
}
