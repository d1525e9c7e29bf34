/**
 * An import: every row through the write path of `POST /:resource` (`createWithin`), all in one
 * transaction, each row in a savepoint so that a refused row leaves the others' work usable and
 * every refusal is listed. Any refusal, or a dry run, rolls the whole transaction back.
 */
import type { Knex } from 'knex';
import { labelOf } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { ResourceInfo } from '../resources.js';
import { HttpError, badRequest, fromDatabaseError } from '../errors.js';
import { fieldName, phrase } from '../locale.js';
import { createWithin } from '../writes.js';
import { matchColumns } from './columns.js';
import { resolveNames } from './names.js';
import { isBlank, pendingRow, resolveRow, type PendingRow } from './rows.js';
import { readTable, type TableRow } from './tables.js';
import type { ImportError, ImportResult } from './types.js';

export const MAX_ERRORS = 200;
/** Rows whose names are resolved together (one query per referenced resource). */
const CHUNK = 500;

const ROLLBACK = Symbol('rollback');

class UnreadableFile extends Error {}

async function* guarded(rows: AsyncIterable<TableRow>): AsyncIterable<TableRow> {
  try {
    yield* rows;
  } catch (error) {
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
  file: Buffer,
  dryRun: boolean,
): Promise<ImportResult> {
  const entity = resource.entity!;
  const rows = guarded(readTable(kind, file))[Symbol.asyncIterator]();
  try {
    let first = await rows.next();
    while (!first.done && isBlank(first.value.cells)) first = await rows.next();
    if (first.done) throw badRequest(phrase(ctx.locale, 'importEmpty', {}));
    const header = first.value.cells;
    const columns = matchColumns(entity, header, ctx.locale);
    if (columns.errors.length) return { created: 0, errors: columns.errors, dryRun };

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
      for (const pending of chunk) {
        if (errors.length >= MAX_ERRORS) {
          truncated = true;
          return;
        }
        resolveRow(pending, index, entityLabel, ctx.locale);
        if (pending.errors.length) {
          errors.push(...pending.errors);
          continue;
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
    return { created: refused ? 0 : created, errors: errors.slice(0, MAX_ERRORS), dryRun, ...(truncated ? { truncated } : {}) };
  } catch (error) {
    if (error instanceof UnreadableFile) throw badRequest(phrase(ctx.locale, 'importUnreadable', { detail: error.message }));
    throw error;
  } finally {
    await rows.return?.();
  }
}
