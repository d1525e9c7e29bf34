/**
 * Creates of many records at once (an import's chunk), with the result of making them one after
 * the other through `createWithin`: the same row-local steps (the functions it uses), and each step
 * that reads other records done for the whole chunk in one statement — lookups, references,
 * `x-ref-where`, `x-unique`, document numbers — then one INSERT … RETURNING for the records, one
 * for their audit rows and one for their history rows. In two phases, so that an import checks a
 * chunk while it writes the one before: `checkBatch`, then `writeBatch`. Only for entities
 * `createsInBatches` allows: for them nothing follows a create (no roll-up, no automatic move) and
 * no record of the chunk reads another.
 */
import type { Knex } from 'knex';
import type { FieldModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import { JSON_KINDS, type ResourceInfo } from './resources.js';
import type { Db, Row } from './types.js';
import { scopeOf } from './access.js';
import { writeAudits, writeHistories, type HistoryEntry } from './audit.js';
import { insertRecordset } from './recordsetInsert.js';
import { HttpError } from './errors.js';
import { checkOwnerAmong, teamMembers } from './ownership.js';
import { normalizeRow, toColumns } from './records.js';
import { readableIds, refuseMissingReferences, wantedReferences, type Wanted } from './references.js';
import { refWhereRefusals } from './rules/refWhere.js';
import { uniqueRefusals } from './rules/uniqueness.js';
import { assignSequencesOf, drawSequencesAheadOf } from './rules/sequenceFields.js';
import { loadLookupsOf, provisionalSequences, withoutEmptyCells } from './rules/index.js';
import { createdJournal, createFields, createValues, requireWriteScope, type PreparedCreate } from './writes.js';

export interface BatchRow {
  /** The row's number in the file, for the refusals. */
  row: number;
  body: Record<string, unknown>;
}

export interface BatchOutcome {
  created: number;
  refusals: { row: number; error: HttpError }[];
}

export interface Pending {
  row: number;
  body: Record<string, unknown>;
  error?: HttpError;
  prepared?: PreparedCreate;
  numbered?: FieldModel[];
  cleaned?: Record<string, unknown>;
  lookups?: Record<string, unknown>;
  values?: Record<string, unknown>;
  references?: Map<string, Wanted>;
}

/** A row-local step over the rows not refused yet: a row it refuses takes no further step. */
function each(pending: Pending[], step: (p: Pending) => void): void {
  for (const p of live(pending)) {
    try {
      step(p);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      p.error = error;
    }
  }
}

const live = (pending: Pending[]) => pending.filter((p) => !p.error);

function refuse(rows: Pending[], refusals: (HttpError | undefined)[]): void {
  rows.forEach((p, i) => {
    if (refusals[i]) p.error = refusals[i];
  });
}

/** A chunk checked against every rule but `x-unique`, not written yet. */
export interface CheckedBatch {
  pending: Pending[];
}

/**
 * Everything of the chunk's creates up to the write, but `x-unique`. `reads` serves the statements
 * that read other entities' records only (lookups, references, `x-ref-where`, team members): for
 * an entity `createsInBatches` allows, the import's own transaction has written none of them, so
 * another connection of the pool reads them as the transaction would (read committed), while the
 * transaction writes the previous chunk. Document numbers are drawn in the transaction.
 */
export async function checkBatch(
  reads: Db,
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  rows: BatchRow[],
): Promise<CheckedBatch> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  const pending: Pending[] = rows.map(({ row, body }) => ({ row, body }));

  each(pending, (p) => {
    p.prepared = createFields(ctx, resource, p.body);
  });
  await drawSequencesAheadOf(
    trx,
    entity,
    live(pending).map((p) => p.prepared!.fields),
  );
  const owner = entity.access.ownerField;
  const team =
    owner && scopeOf(entity, ctx.user, 'write') === 'team'
      ? await teamMembers(
          reads,
          ctx,
          live(pending).map((p) => p.prepared!.fields[owner]),
        )
      : new Set<unknown>();
  each(pending, (p) => {
    const { fields, defaults } = p.prepared!;
    checkOwnerAmong(ctx, entity, fields, team);
    p.numbered = provisionalSequences(entity, fields);
    p.cleaned = withoutEmptyCells(entity, { ...defaults, ...fields });
  });

  const computing = live(pending);
  const lookups = await loadLookupsOf(
    reads,
    ctx,
    entity,
    computing.map((p) => p.cleaned!),
  );
  computing.forEach((p, i) => {
    p.lookups = lookups[i];
  });
  each(pending, (p) => {
    p.values = createValues(ctx, entity, p.cleaned!, p.prepared!.fields, p.lookups!);
    p.references = wantedReferences(ctx.model, entity, p.values, {});
  });

  const found = new Map<string, Set<number>>();
  for (const [target, ids] of idsByTarget(live(pending))) {
    found.set(target, await readableIds(reads, ctx.model, ctx.resources, target, ids, ctx.user));
  }
  each(pending, (p) => refuseMissingReferences(ctx.model, entity, p.references!, found, ctx.locale));
  const matching = live(pending);
  refuse(
    matching,
    await refWhereRefusals(
      reads,
      ctx,
      entity,
      matching.map((p) => p.values!),
    ),
  );
  return { pending };
}

/**
 * The checked chunk written: `x-unique` judged (against the rows stored, the earlier chunks'
 * included, and between the chunk's rows), gapless numbers drawn, then the records, their audit
 * and history rows, one statement each.
 */
export async function writeBatch(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  { pending }: CheckedBatch,
): Promise<BatchOutcome> {
  const entity = resource.entity!;
  const distinct = live(pending);
  refuse(
    distinct,
    await uniqueRefusals(
      trx,
      ctx,
      entity,
      distinct.map((p) => ({ row: p.row, values: p.values! })),
    ),
  );
  const accepted = live(pending);
  await assignSequencesOf(
    trx,
    entity,
    accepted.map((p) => ({ values: p.values!, numbered: p.numbered! })),
  );
  const records = await insertAll(
    trx,
    resource,
    accepted.map((p) => p.values!),
  );
  const journals = records.map((record, i) => createdJournal(ctx, resource, record, accepted[i].prepared!.raw));
  await writeAudits(
    trx,
    journals.map((j) => j.audit),
  );
  await writeHistories(
    trx,
    journals.map((j) => j.history).filter((h): h is HistoryEntry => h !== undefined),
  );
  return { created: records.length, refusals: refusalsOf(pending) };
}

/** The rows of the chunk refused so far, in order. */
export const refusalsOf = (pending: Pending[]) => pending.filter((p) => p.error).map((p) => ({ row: p.row, error: p.error! }));

/** The rows of a checked chunk no check refused, as they came. */
export const acceptedRows = ({ pending }: CheckedBatch): BatchRow[] => live(pending).map(({ row, body }) => ({ row, body }));

/** Every record's wanted references joined: target → ids. */
function idsByTarget(rows: Pending[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const p of rows) {
    for (const [target, { ids }] of p.references!) {
      const set = out.get(target) ?? new Set<number>();
      for (const id of ids.keys()) set.add(id);
      out.set(target, set);
    }
  }
  return out;
}

/** The records in one statement, answered in the order given (ids follow the order of the rows). */
async function insertAll(trx: Knex.Transaction, resource: ResourceInfo, records: Record<string, unknown>[]): Promise<Row[]> {
  const entity = resource.entity!;
  const jsonFields = entity.fields.filter((f) => JSON_KINDS.has(f.kind));
  const rows = records.map((values) => {
    const row = toColumns(values, entity);
    // A recordset takes a JSON column's value itself, not its JSON text.
    for (const field of jsonFields) if (field.name in values) row[field.name] = values[field.name] ?? null;
    return row;
  });
  const inserted = await insertRecordset(trx, resource.table, rows, true);
  inserted.sort((a, b) => Number(a.id) - Number(b.id));
  return inserted.map((row) => normalizeRow(row, resource));
}
