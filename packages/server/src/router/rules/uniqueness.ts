/**
 * `x-unique`: the partial unique indexes of the migrations refuse a duplicate inside the write
 * itself (no look-up before every write). When one does, the write's transaction is over; then
 * the record already holding the values is looked up, so the refusal names it and its owner (the
 * seeds' 客户归属 / 撞单: who already has this customer).
 */
import { labelOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import type { Knex } from 'knex';
import { type HttpError, conflict } from '../errors.js';
import { phrase } from '../locale.js';
import { normalizeRow, sameValue } from '../records.js';
import { usersOf } from '../resources.js';
import type { Db } from '../types.js';
import { joinLabels } from './labels.js';

export async function checkUnique(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  record: Record<string, unknown>,
  stored: Record<string, unknown> | undefined,
): Promise<void> {
  for (const set of entity.unique) {
    if (set.some((f) => record[f] === null || record[f] === undefined)) continue;
    if (stored && set.every((f) => sameValue(record[f], stored[f]))) continue;
    const query = db(entity.resource).where(Object.fromEntries(set.map((f) => [f, record[f]])));
    if (stored?.id !== undefined) query.whereNot('id', stored.id as number);
    const existing = (await query.first()) as Record<string, unknown> | undefined;
    if (existing) throw await duplicateRefusal(db, ctx, entity, set, existing);
  }
}

/** The refusal of a record holding the values of `set` that `existing` already holds, naming it and its owner. */
async function duplicateRefusal(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  set: string[],
  existing: Record<string, unknown>,
): Promise<HttpError> {
  const owner = await ownerName(db, ctx, entity, existing);
  const message = phrase(ctx.locale, owner ? 'duplicateOwned' : 'duplicate', {
    fields: joinLabels(entity, set, ctx.locale),
    entity: labelOf(entity.label, ctx.locale),
    record: String(existing[entity.recordRepresentation] ?? existing.id),
    id: String(existing.id),
    owner: owner ?? '',
  });
  return conflict(message, Object.fromEntries(set.map((f) => [f, message])), {
    duplicate: { resource: entity.resource, id: Number(existing.id) },
  });
}

/**
 * `checkUnique` of many new records (an import's chunk, the earlier chunks already inserted): one
 * query per unique set for the values already stored, and the records compared with each other;
 * a record holding the values of an earlier one is refused naming that one's `row`. Answers, per
 * record, its refusal or undefined.
 */
export async function uniqueRefusals(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  records: { row: number; values: Record<string, unknown> }[],
): Promise<(HttpError | undefined)[]> {
  const refusals: (HttpError | undefined)[] = records.map(() => undefined);
  for (const set of entity.unique) {
    const keyOf = (values: Record<string, unknown>) => uniqueKey(set.map((f) => values[f]));
    const candidates = records
      .map((r, i) => ({ ...r, i }))
      .filter((r) => !refusals[r.i] && set.every((f) => r.values[f] !== null && r.values[f] !== undefined));
    if (!candidates.length) continue;
    const tuples = candidates.map((r) => set.map((f) => r.values[f] as Knex.Value));
    const stored = (await (set.length === 1
      ? db(entity.resource).whereIn(
          set[0],
          tuples.map((t) => t[0]),
        )
      : db(entity.resource).whereIn(set, tuples))) as Record<string, unknown>[];
    const resource = ctx.resources.get(entity.resource)!;
    const existing = new Map(stored.map((row) => [keyOf(normalizeRow(row, resource)), row]));
    const first = new Map<string, number>();
    for (const record of candidates) {
      const key = keyOf(record.values);
      const held = existing.get(key);
      if (held) refusals[record.i] = await duplicateRefusal(db, ctx, entity, set, held);
      else if (first.has(key)) {
        const message = phrase(ctx.locale, 'duplicateInFile', { fields: joinLabels(entity, set, ctx.locale), row: String(first.get(key)) });
        refusals[record.i] = conflict(message, Object.fromEntries(set.map((f) => [f, message])));
      } else first.set(key, record.row);
    }
  }
  return refusals;
}

/**
 * Values as the unique index compares them: text exactly (`001` is not `1`), instants whatever
 * their time-zone notation (the stored row's are ISO strings, a file's may carry an offset).
 */
function uniqueKey(values: unknown[]): string {
  return JSON.stringify(
    values.map((value) =>
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value) && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : value,
    ),
  );
}

async function ownerName(db: Db, ctx: RequestContext, entity: EntityModel, row: Record<string, unknown>): Promise<string | undefined> {
  const ownerField = entity.access.ownerField;
  const users = usersOf(ctx.model);
  if (!ownerField || row[ownerField] == null || !users) return undefined;
  const name = users.entity.recordRepresentation;
  const user = await db(users.resource)
    .select(name)
    .where('id', row[ownerField] as number)
    .first();
  return user ? String(user[name]) : undefined;
}

/** The write that `run` makes, its unique-index violation turned into a refusal naming the record already there. */
export async function refusingDuplicates<T>(
  ctx: RequestContext,
  entity: EntityModel,
  attempt: { record?: Record<string, unknown>; stored?: Record<string, unknown> },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error as { code?: unknown })?.code === '23505' && attempt.record)
      await checkUnique(ctx.knex, ctx, entity, attempt.record, attempt.stored);
    throw error;
  }
}
