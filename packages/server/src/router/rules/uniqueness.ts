/**
 * `x-unique`: the partial unique indexes of the migrations refuse a duplicate inside the write
 * itself (no look-up before every write). When one does, the write's transaction is over; then
 * the record already holding the values is looked up, so the refusal names it and its owner (the
 * seeds' 客户归属 / 撞单: who already has this customer).
 */
import { labelOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { conflict } from '../errors.js';
import { phrase } from '../locale.js';
import { sameValue } from '../records.js';
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
    if (!existing) continue;
    const owner = await ownerName(db, ctx, entity, existing);
    const message = phrase(ctx.locale, owner ? 'duplicateOwned' : 'duplicate', {
      fields: joinLabels(entity, set, ctx.locale),
      entity: labelOf(entity.label, ctx.locale),
      record: String(existing[entity.recordRepresentation] ?? existing.id),
      id: String(existing.id),
      owner: owner ?? '',
    });
    throw conflict(message, Object.fromEntries(set.map((f) => [f, message])), {
      duplicate: { resource: entity.resource, id: Number(existing.id) },
    });
  }
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
