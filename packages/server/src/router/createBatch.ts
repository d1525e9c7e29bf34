/**
 * Creates of many records at once (an import's chunk), with the result of making them one after
 * the other through `createWithin`: the same row-local steps (shared with it), and each step that
 * reads other records done for the whole chunk in one statement — lookups, references, `x-ref-where`,
 * `x-unique`, document numbers — then one multi-row INSERT … RETURNING, one for the audit rows and
 * one for the history rows. Only for entities `createsInBatches` allows: for them nothing follows a
 * create (no roll-up, no automatic move) and no record of the chunk reads another.
 */
import type { Knex } from 'knex';
import type { FieldModel } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import { JSON_KINDS, type ResourceInfo } from './resources.js';
import type { Row } from './types.js';
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

interface Pending {
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

export async function createBatch(
  trx: Knex.Transaction,
  ctx: RequestContext,
  resource: ResourceInfo,
  rows: BatchRow[],
): Promise<BatchOutcome> {
  const entity = resource.entity!;
  requireWriteScope(ctx, entity);
  const pending: Pending[] = rows.map(({ row, body }) => ({ row, body }));
  const live = () => pending.filter((p) => !p.error);
  /** A row-local step: a row it refuses takes no further step. */
  const each = (step: (p: Pending) => void) => {
    for (const p of live()) {
      try {
        step(p);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        p.error = error;
      }
    }
  };
  const refuse = (rows: Pending[], refusals: (HttpError | undefined)[]) =>
    rows.forEach((p, i) => {
      if (refusals[i]) p.error = refusals[i];
    });

  each((p) => {
    p.prepared = createFields(ctx, resource, p.body);
  });
  await drawSequencesAheadOf(
    trx,
    entity,
    live().map((p) => p.prepared!.fields),
  );
  const owner = entity.access.ownerField;
  const team =
    owner && scopeOf(entity, ctx.user, 'write') === 'team'
      ? await teamMembers(
          trx,
          ctx,
          live().map((p) => p.prepared!.fields[owner]),
        )
      : new Set<unknown>();
  each((p) => {
    const { fields, defaults } = p.prepared!;
    checkOwnerAmong(ctx, entity, fields, team);
    p.numbered = provisionalSequences(entity, fields);
    p.cleaned = withoutEmptyCells(entity, { ...defaults, ...fields });
  });

  const computing = live();
  const lookups = await loadLookupsOf(
    trx,
    ctx,
    entity,
    computing.map((p) => p.cleaned!),
  );
  computing.forEach((p, i) => {
    p.lookups = lookups[i];
  });
  each((p) => {
    p.values = createValues(ctx, entity, p.cleaned!, p.prepared!.fields, p.lookups!);
    p.references = wantedReferences(ctx.model, entity, p.values, {});
  });

  const found = new Map<string, Set<number>>();
  for (const [target, ids] of idsByTarget(live())) {
    found.set(target, await readableIds(trx, ctx.model, ctx.resources, target, ids, ctx.user));
  }
  each((p) => refuseMissingReferences(ctx.model, entity, p.references!, found, ctx.locale));
  const matching = live();
  refuse(
    matching,
    await refWhereRefusals(
      trx,
      ctx,
      entity,
      matching.map((p) => p.values!),
    ),
  );
  const distinct = live();
  refuse(
    distinct,
    await uniqueRefusals(
      trx,
      ctx,
      entity,
      distinct.map((p) => ({ row: p.row, values: p.values! })),
    ),
  );

  const accepted = live();
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
  return {
    created: records.length,
    refusals: pending.filter((p) => p.error).map((p) => ({ row: p.row, error: p.error! })),
  };
}

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
