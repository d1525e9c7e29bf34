/** An error with an HTTP status and a JSON body in the shape react-admin reads: `{ message, errors }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Per-field messages; react-admin shows them under the form inputs. */
    readonly errors?: Record<string, string>,
    /** Further members of the JSON body. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  get body(): Record<string, unknown> {
    return { message: this.message, ...(this.errors ? { errors: this.errors } : {}), ...this.extra };
  }
}

export const badRequest = (message: string, errors?: Record<string, string>) => new HttpError(400, message, errors);
export const notFound = (message = 'Not found') => new HttpError(404, message);
export const forbidden = (message = 'Forbidden') => new HttpError(403, message);
export const conflict = (message: string, errors?: Record<string, string>, extra?: Record<string, unknown>) =>
  new HttpError(409, message, errors, extra);
export const unprocessable = (message: string, errors?: Record<string, string>, extra?: Record<string, unknown>) =>
  new HttpError(422, message, errors, extra);

/** "a, b and c" for messages naming several things. */
export function listNames(names: string[]): string {
  return names.map((n) => JSON.stringify(n)).join(', ');
}

/**
 * Errors from the database driver that only bad input can cause (class 22 data exceptions, class 23
 * integrity violations) answered as 4xx, so no request body can produce a 5xx.
 */
export function fromDatabaseError(error: unknown): HttpError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('22')) return badRequest(`Invalid value: ${(error as Error).message}`);
  if (code === '40001' || code === '40P01') return conflict('Concurrent update; try again');
  if (code.startsWith('23')) return conflict(`Constraint violated: ${(error as Error).message}`);
  return undefined;
}
