import { labelOf, type SalesModel } from '@ra-sales/schema';
import { uniqueIndexName } from '../migrate/shape.js';
import { isLostPreparedStatement, isStaleResultType } from './compiledStatements.js';
import { fieldName, listWords, phrase } from './locale.js';

/** An error with an HTTP status and a JSON body in the shape react-admin reads: `{ message, errors }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Per-field messages; react-admin shows them under the form inputs. */
    readonly errors?: Record<string, string>,
    /** Further members of the JSON body. */
    readonly extra?: Record<string, unknown>,
    /** Response headers (`Retry-After`). */
    readonly headers?: Record<string, string>,
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

/** Socket errors, PostgreSQL's connection and shutdown classes, and the pool waiting in vain: the database is down or out of reach. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
]);
const UNREACHABLE_MESSAGES = /Connection terminated|connection is closed|Client has encountered a connection error|Client was closed/i;

export function isUnavailable(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return name === 'KnexTimeoutError' || (typeof message === 'string' && UNREACHABLE_MESSAGES.test(message));
}

/**
 * Errors from the database driver that only bad input can cause (class 22 data exceptions, class 23
 * integrity violations) answered as 4xx in the request's language, so no request body can produce a 5xx.
 */
export function fromDatabaseError(error: unknown, locale = 'en', model?: SalesModel): HttpError | undefined {
  if (isUnavailable(error))
    return new HttpError(503, phrase(locale, 'databaseUnavailable', {}), undefined, undefined, { 'Retry-After': '5' });
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (code === '57014') return new HttpError(503, phrase(locale, 'statementTimeout', {}));
  if (isLostPreparedStatement(error))
    return new HttpError(503, phrase(locale, 'preparedStatementsLost', {}), undefined, undefined, { 'Retry-After': '1' });
  if (isStaleResultType(error))
    return new HttpError(503, phrase(locale, 'tablesChanged', {}), undefined, undefined, { 'Retry-After': '1' });
  const detail = (error as Error).message;
  if (code.startsWith('22')) return badRequest(phrase(locale, 'invalidValue', { detail }));
  if (code === '40001' || code === '40P01') return conflict(phrase(locale, 'concurrentUpdate', {}));
  if (code === '23505') return duplicateValue(error, locale, model);
  if (code.startsWith('23')) return conflict(phrase(locale, 'constraintViolated', { detail }));
  return undefined;
}

/**
 * A unique index refused the row (a write that raced past `x-unique`'s check): the fields holding
 * the duplicate by their labels, found from the index name (`<table>_<cols>_unique`), never the
 * driver's text with the values of another record.
 */
function duplicateValue(error: unknown, locale: string, model: SalesModel | undefined): HttpError {
  const { constraint, message } = error as { constraint?: unknown; message?: unknown };
  const name = typeof constraint === 'string' ? constraint : /"([^"]+)"/.exec(String(message ?? ''))?.[1];
  for (const entity of Object.values(model?.entities ?? {})) {
    const set = (entity.unique ?? []).find((columns) => uniqueIndexName(entity.resource, columns) === name);
    if (!set) continue;
    return conflict(
      phrase(locale, 'duplicateValue', {
        fields: listWords(
          locale,
          set.map((f) => fieldName(entity, f, locale)),
        ),
        entity: labelOf(entity.label, locale),
      }),
      Object.fromEntries(set.map((f) => [f, phrase(locale, 'ruleDuplicateValue', {})])),
    );
  }
  return conflict(phrase(locale, 'duplicateValueAny', {}));
}
