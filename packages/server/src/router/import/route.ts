/** `POST /:resource/import[?dryRun=1]`: the body is the file itself, CSV or XLSX, read as it arrives. */
import { Readable, pipeline } from 'node:stream';
import type { RequestHandler } from 'express';
import { labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import { scopeOf } from '../access.js';
import { HttpError, forbidden } from '../errors.js';
import { phrase } from '../locale.js';
import { importRows } from './run.js';
import { ByteLimit, CSV_TYPE, XLSX_TYPE, fileKind } from './tables.js';
import type { ImportResult } from './types.js';

/** Bytes an import's file may have; it is parsed as it arrives, so memory does not follow its size. */
export const IMPORT_BODY_LIMIT = 200 * 1024 * 1024;

/**
 * The file, for this route only (other routes keep the JSON limit): the request's body as a stream,
 * cut with an error past `limit` bytes; left unread for a type that is not CSV or XLSX.
 */
export function importBody(limit: number = IMPORT_BODY_LIMIT): RequestHandler {
  return (req, _res, next) => {
    if (fileKind(req.get('content-type'))) req.body = pipeline(req, new ByteLimit(limit), () => undefined);
    next();
  };
}

const isReadable = (body: unknown): body is Readable => typeof (body as Readable | undefined)?.pipe === 'function';

/**
 * The planner's statistics of a table an import filled: list totals above the exact-count limit are
 * its estimates (docs/server.md, Counting), and PGlite has no autovacuum to refresh them. Refreshed
 * by autovacuum's own default rule, when the rows added are at least 50 + 10 % of the rows the
 * statistics know: a few rows added to a large table change no estimate, and ANALYZE samples
 * 30,000 rows whatever the import's size.
 */
async function refreshStatistics(ctx: RequestContext, resource: ResourceInfo, created: number): Promise<void> {
  try {
    const known = await ctx.knex.raw('select greatest(reltuples, 0)::float8 as rows from pg_class where oid = to_regclass(?)', [
      resource.table,
    ]);
    if (created < 50 + 0.1 * Number(known.rows[0]?.rows ?? 0)) return;
    await ctx.knex.raw('analyze ??', [resource.table]);
    ctx.counter.forget(resource.table);
  } catch (error) {
    console.error(`Could not refresh the statistics of ${resource.table} after the import:`, error);
  }
}

const isDryRun = (value: unknown) => value === '1' || value === 'true';

export async function importFile(
  ctx: RequestContext,
  resource: ResourceInfo,
  contentType: string | undefined,
  body: unknown,
  dryRunParameter: unknown,
): Promise<{ status: number; body: ImportResult & { message?: string } }> {
  const entity = resource.entity!;
  if (scopeOf(entity, ctx.user, 'write') === 'none')
    throw forbidden(phrase(ctx.locale, 'mayNotChangeAny', { entity: labelOf(entity.pluralLabel, ctx.locale) }));
  const kind = fileKind(contentType);
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
  if (!kind || !isReadable(source)) throw new HttpError(415, phrase(ctx.locale, 'importFileType', { csv: CSV_TYPE, xlsx: XLSX_TYPE }));
  let result: ImportResult;
  try {
    result = await importRows(ctx, resource, kind, source, isDryRun(dryRunParameter));
  } finally {
    // What is left of an upload refused early is read and dropped, so that the answer can be sent.
    source.unpipe();
    source.resume();
  }
  if (!result.errors.length) {
    if (!result.dryRun && result.created) await refreshStatistics(ctx, resource, result.created);
    return { status: 200, body: result };
  }
  const rows = new Set(result.errors.map((e) => e.row)).size;
  return {
    status: 422,
    body: { message: phrase(ctx.locale, 'importRefused', { rows: String(rows) + (result.truncated ? '+' : '') }), ...result },
  };
}
