/** HTTP plumbing: CORS, body parsing limits, and errors as JSON. */
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { SalesModel } from '@ra-sales/schema';
import { HttpError, fromDatabaseError } from './errors.js';
import { phrase, requestLocale } from './locale.js';

export const EXPOSED_HEADERS = ['Content-Range', 'X-Total-Count', 'X-Total-Count-Exact'];
const ALLOWED_HEADERS = ['Content-Type', 'Authorization', 'Range', 'X-Sales-User', 'Accept', 'Accept-Language'];

/** CORS for a react-admin app on another origin; preflight requests answered here. */
export function cors(): RequestHandler {
  const exposed = EXPOSED_HEADERS.join(', ');
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
    if (origin) res.setHeader('Vary', 'Origin');
    res.setHeader('Access-Control-Expose-Headers', exposed);
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', req.get('access-control-request-headers') ?? ALLOWED_HEADERS.join(', '));
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}

/** JSON bodies only (DELETE arrives as text/plain and has none); malformed → 400, too large → 413. */
export function jsonBody(limit: string | number): RequestHandler {
  const parse = express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] });
  return (req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? next() : parse(req, res, next));
}

function bodyParserError(error: unknown, locale: string): HttpError | undefined {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') return new HttpError(400, phrase(locale, 'bodyMalformed', {}));
  if (type === 'entity.too.large') return new HttpError(413, phrase(locale, 'bodyTooLarge', {}));
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, (error as Error).message);
  }
  return undefined;
}

/** Errors as JSON; those of the body parser and the database in the request's language. */
export function errorHandler(model: SalesModel, log: (error: unknown) => void = (e) => console.error(e)): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const locale = requestLocale(req, model);
    const known = error instanceof HttpError ? error : (bodyParserError(error, locale) ?? fromDatabaseError(error, locale, model));
    if (known) {
      if (known.headers) res.set(known.headers);
      res.status(known.status).json(known.body);
      return;
    }
    log(error);
    res.status(500).json({ message: 'Internal server error' });
  };
}
