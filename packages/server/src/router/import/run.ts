/**
 * An import, all in one transaction, read and written a chunk of rows at a time. Rows go through
 * the write path of `POST /:resource`: for most entities a chunk at a time (`createBatch`, the
 * same result as one by one), otherwise one by one (`createWithin`), each row in a savepoint so
 * that a refused row leaves the others' work usable. Either way every refusal is listed, and any
 * refusal, or a dry run, rolls the whole transaction back.
 */
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import { HttpError, badRequest, fromDatabaseError } from '../errors.js';
import { fieldName, phrase } from '../locale.js';
import { createWithin } from '../writes.js';
import { createBatch } from '../createBatch.js';
import { createsInBatches } from '../batchMode.js';
import { matchColumns } from './columns.js';
import { resolveNames } from './names.js';
import { isBlank, pendingRow, resolveRow, type PendingRow } from './rows.js';
import { FileTooLarge, readTable, type TableRow } from './tables.js';
import type { ImportError, ImportResult } from './types.js';

export const MAX_ERRORS = 200;
/** Rows read, resolved (one query per referenced resource) and written together. */
export const CHUNK = 1000;

const ROLLBACK = Symbol('rollback');

class UnreadableFile extends Error {}

async function* guarded(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow> {
  try {
    yield* rows;
  } catch (error) {
    if (error instanceof FileTooLarge) throw error;
    throw new UnreadableFile(error instanceof Error ? error.message : String(error));
  }
}

/** A refusal of the API as the errors of one row: one per field it names, else its message. */
function rowErrors(error: HttpError, row: number, ctx: RequestContext, resource: ResourceInfo): ImportError[] {
  const fields = Object.entries(error.errors ?? {});
  if (!fields.length) return [{ row, message: error.message }];
  return fields.map(([field, message]) => ({
    row,
    field,
    message: phrase(ctx.locale, 'ruleOfField', { field: fieldName(resource.entity, field, ctx.locale), message }),
  }));
}

export async function importRows(
  ctx: RequestContext,
  resource: ResourceInfo,
  kind: 'csv' | 'xlsx',
  file: Readable,
  dryRun: boolean,
  /** Rows one by one even where chunks may be written at once (the import bench compares both). */
  rowByRow = false,
): Promise<ImportResult> {
  const entity = resource.entity!;
  const mode = !rowByRow && createsInBatches(ctx.model, entity) ? 'batched' : 'row by row';
  const rows = guarded(readTable(kind, file))[Symbol.asyncIterator]();
  try {
    let first = await rows.next();
    while (!first.done && isBlank(first.value.cells)) first = await rows.next();
    if (first.done) throw badRequest(phrase(ctx.locale, 'importEmpty', {}));
    const header = first.value.cells;
    const columns = matchColumns(entity, header, ctx.locale);
    if (columns.errors.length) return { created: 0, errors: columns.errors, dryRun, mode };

    const errors: ImportError[] = [];
    let created = 0;
    let truncated = false;
    const entityLabel = (name: string) => labelOf(ctx.model.entities[name]?.label ?? { en: name }, ctx.locale);

    const writeChunk = async (trx: Knex.Transaction, chunk: PendingRow[]) => {
      const wanted = new Map<NonNullable<(typeof columns.fields)[number]>, Set<string>>();
      for (const pending of chunk) {
        for (const [field, name] of pending.names) wanted.set(field, (wanted.get(field) ?? new Set()).add(name));
      }
      const index = await resolveNames(trx, ctx, wanted);
      const resolved: PendingRow[] = [];
      for (const pending of chunk) {
        resolveRow(pending, index, entityLabel, ctx.locale);
        if (pending.errors.length) errors.push(...pending.errors);
        else resolved.push(pending);
      }
      if (mode === 'batched' && (await writeBatch(trx, resolved))) return;
      await writeOneByOne(trx, resolved);
    };

    /** False when the database refused one of the chunk's statements: the chunk is then written row by row, to name the row. */
    const writeBatch = async (trx: Knex.Transaction, chunk: PendingRow[]): Promise<boolean> => {
      let outcome: Awaited<ReturnType<typeof createBatch>>;
      try {
        outcome = await trx.transaction((savepoint) =>
          createBatch(
            savepoint,
            ctx,
            resource,
            chunk.map(({ row, body }) => ({ row, body })),
          ),
        );
      } catch (error) {
        if (error instanceof HttpError || !fromDatabaseError(error, ctx.locale, ctx.model)) throw error;
        return false;
      }
      created += outcome.created;
      for (const { row, error } of outcome.refusals) errors.push(...rowErrors(error, row, ctx, resource));
      if (errors.length > MAX_ERRORS) truncated = true;
      return true;
    };

    const writeOneByOne = async (trx: Knex.Transaction, chunk: PendingRow[]) => {
      for (const pending of chunk) {
        if (errors.length >= MAX_ERRORS) {
          truncated = true;
          return;
        }
        try {
          await trx.transaction((savepoint) => createWithin(savepoint, ctx, resource, pending.body));
          created += 1;
        } catch (error) {
          const known = error instanceof HttpError ? error : fromDatabaseError(error, ctx.locale, ctx.model);
          if (!known) throw error;
          errors.push(...rowErrors(known, pending.row, ctx, resource));
        }
      }
    };

    try {
      await ctx.knex.transaction(async (trx) => {
        let chunk: PendingRow[] = [];
        for (let next = await rows.next(); !next.done && !truncated; next = await rows.next()) {
          if (isBlank(next.value.cells)) continue;
          if (errors.length >= MAX_ERRORS) {
            truncated = true;
            break;
          }
          chunk.push(pendingRow(next.value, columns.fields, header, ctx.locale));
          if (chunk.length >= CHUNK) {
            await writeChunk(trx, chunk);
            chunk = [];
          }
        }
        if (chunk.length && !truncated) await writeChunk(trx, chunk);
        if (errors.length || dryRun) throw ROLLBACK;
      });
    } catch (error) {
      if (error !== ROLLBACK) throw error;
    }
    const refused = errors.length > 0;
    return { created: refused ? 0 : created, errors: errors.slice(0, MAX_ERRORS), dryRun, mode, ...(truncated ? { truncated } : {}) };
  } catch (error) {
    if (error instanceof FileTooLarge) throw new HttpError(413, phrase(ctx.locale, 'bodyTooLarge', {}));
    if (error instanceof UnreadableFile) throw badRequest(phrase(ctx.locale, 'importUnreadable', { detail: error.message }));
    throw error;
  } finally {
    await rows.return?.();
  }
}
