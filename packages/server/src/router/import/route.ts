/** `POST /:resource/import[?dryRun=1]`: the body is the file itself, CSV or XLSX. */
import express, { type RequestHandler } from 'express';
import { labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import { scopeOf } from '../access.js';
import { HttpError, forbidden } from '../errors.js';
import { phrase } from '../locale.js';
import { importRows } from './run.js';
import { CSV_TYPE, XLSX_TYPE, fileKind } from './tables.js';
import type { ImportResult } from './types.js';

export const IMPORT_BODY_LIMIT = '20mb';

/** The file as a Buffer, for this route only: other routes keep the JSON limit. */
export function importBody(limit: string | number = IMPORT_BODY_LIMIT): RequestHandler {
  return express.raw({ limit, type: [CSV_TYPE, 'application/csv', XLSX_TYPE] });
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
  if (!kind || !Buffer.isBuffer(body)) throw new HttpError(415, phrase(ctx.locale, 'importFileType', { csv: CSV_TYPE, xlsx: XLSX_TYPE }));
  const result = await importRows(ctx, resource, kind, body, isDryRun(dryRunParameter));
  if (!result.errors.length) return { status: 200, body: result };
  const rows = new Set(result.errors.map((e) => e.row)).size;
  return {
    status: 422,
    body: { message: phrase(ctx.locale, 'importRefused', { rows: String(rows) + (result.truncated ? '+' : '') }), ...result },
  };
}
