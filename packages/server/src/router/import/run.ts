/**
 * An import, all in one transaction, read and written a chunk of rows at a time. Rows go through
 * the write path of `POST /:resource`: for most entities a chunk at a time (`createBatch`, the
 * same result as one by one), otherwise one by one (`createWithin`), each row in a savepoint so
 * that a refused row leaves the others' work usable. Either way every refusal is listed, and any
 * refusal, or a dry run, rolls the whole transaction back.
 */
import { inTransaction } from '../../db/transactions.js';
import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import { HttpError, badRequest, fromDatabaseError } from '../errors.js';
import { fieldName, phrase } from '../locale.js';
import { createWithin } from '../writes.js';
import { acceptedRows, checkBatch, refusalsOf, writeBatch, type CheckedBatch } from '../createBatch.js';
import { createsInBatches } from '../batchMode.js';
import { databaseKind } from '../../db/connect.js';
import { drawsAhead } from '../rules/sequenceFields.js';
import type { Db } from '../types.js';
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

/** Whether the pool has a connection for reads besides the import's transaction (PGlite has one in all). */
function readsBesides(knex: Knex): boolean {
  const pool = (knex.client.config as { pool?: { max?: number } }).pool;
  return databaseKind(knex) === 'postgres' && (pool?.max ?? 10) > 1;
}

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

    /** A chunk's refusals, in the order of its rows. */
    const report = (names: ImportError[], refusals: { row: number; error: HttpError }[]) => {
      const all = [...names, ...refusals.flatMap(({ row, error }) => rowErrors(error, row, ctx, resource))];
      errors.push(...all.sort((a, b) => a.row - b.row));
      if (errors.length > MAX_ERRORS) truncated = true;
    };

    const oneByOne = async (trx: Knex.Transaction, chunk: { row: number; body: Record<string, unknown> }[]) => {
      for (const { row, body } of chunk) {
        if (errors.length >= MAX_ERRORS) {
          truncated = true;
          return;
        }
        try {
          await trx.transaction((savepoint) => createWithin(savepoint, ctx, resource, body));
          created += 1;
        } catch (error) {
          const known = isDatabaseRefusal(error) ? fromDatabaseError(error, ctx.locale, ctx.model)! : error;
          if (!(known instanceof HttpError)) throw error;
          errors.push(...rowErrors(known, row, ctx, resource));
        }
      }
    };

    const isDatabaseRefusal = (error: unknown) => !(error instanceof HttpError) && !!fromDatabaseError(error, ctx.locale, ctx.model);

    // Batched, a chunk is checked while the one before it is being written (`checkBatch`).
    let writing: Promise<void> | undefined;
    const written = async () => {
      const previous = writing;
      writing = undefined;
      await previous;
    };

    /** The chunk's records written; a chunk the database refuses a statement of is written again row by row, to name the row. */
    const writeChecked = async (trx: Knex.Transaction, names: ImportError[], checked: CheckedBatch) => {
      try {
        const outcome = await trx.transaction((savepoint) => writeBatch(savepoint, ctx, resource, checked));
        created += outcome.created;
        report(names, outcome.refusals);
      } catch (error) {
        if (!isDatabaseRefusal(error)) throw error;
        report(names, refusalsOf(checked.pending));
        await oneByOne(trx, acceptedRows(checked));
      }
    };

    const writeChunk = async (trx: Knex.Transaction, reads: Db, chunk: PendingRow[]) => {
      const wanted = new Map<NonNullable<(typeof columns.fields)[number]>, Set<string>>();
      for (const pending of chunk) {
        for (const [field, name] of pending.names) wanted.set(field, (wanted.get(field) ?? new Set()).add(name));
      }
      const index = await resolveNames(mode === 'batched' ? reads : trx, ctx, wanted);
      const names: ImportError[] = [];
      const resolved: { row: number; body: Record<string, unknown> }[] = [];
      for (const pending of chunk) {
        resolveRow(pending, index, entityLabel, ctx.locale);
        if (pending.errors.length) names.push(...pending.errors);
        else resolved.push({ row: pending.row, body: pending.body });
      }
      if (mode === 'row by row') {
        report(names, []);
        return oneByOne(trx, resolved);
      }
      // Numbers are drawn in the transaction, and on one connection the checks wait for the writes anyway.
      if (reads === trx || drawsAhead(entity)) await written();
      let checked: CheckedBatch;
      try {
        checked =
          reads === trx
            ? await trx.transaction((savepoint) => checkBatch(savepoint, savepoint, ctx, resource, resolved))
            : await checkBatch(reads, trx, ctx, resource, resolved);
      } catch (error) {
        if (!isDatabaseRefusal(error)) throw error;
        await written();
        report(names, []);
        return oneByOne(trx, resolved);
      }
      await written();
      writing = writeChecked(trx, names, checked);
    };

    try {
      await inTransaction(ctx.knex, async (trx) => {
        const reads = readsBesides(ctx.knex) ? ctx.knex : trx;
        try {
          let chunk: PendingRow[] = [];
          for (let next = await rows.next(); !next.done && !truncated; next = await rows.next()) {
            if (isBlank(next.value.cells)) continue;
            if (errors.length >= MAX_ERRORS) {
              truncated = true;
              break;
            }
            chunk.push(pendingRow(next.value, columns.fields, header, ctx.locale));
            if (chunk.length >= CHUNK) {
              await writeChunk(trx, reads, chunk);
              chunk = [];
            }
          }
          if (chunk.length && !truncated) await writeChunk(trx, reads, chunk);
          await written();
        } finally {
          // A write still under way when reading failed ends before the transaction does.
          await writing?.catch(() => undefined);
        }
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
