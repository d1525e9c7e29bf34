/**
 * `x-unique`: before writing, look for a record already holding the values, so the refusal can
 * name it and its owner (the seeds' 客户归属 / 撞单: who already has this customer). The partial
 * unique indexes of the migrations stay the guarantee under concurrent writes.
 */
import { labelOf, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { conflict } from '../errors.js';
import { phrase } from '../locale.js';
import { sameValue } from '../records.js';
import { USERS_RESOURCE } from '../resources.js';
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
    // Numbers drawn from a sequence are never held twice (sequenceFields.ts); the index guards the rest.
    if (set.some((f) => entity.fields.find((field) => field.name === f)?.sequence)) continue;
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
    throw conflict(message, Object.fromEntries(set.map((f) => [f, message])), { duplicate: { resource: entity.resource, id: Number(existing.id) } });
  }
}

async function ownerName(db: Db, ctx: RequestContext, entity: EntityModel, row: Record<string, unknown>): Promise<string | undefined> {
  const ownerField = entity.access.ownerField;
  const users = ctx.model.entities[USERS_RESOURCE];
  if (!ownerField || row[ownerField] == null || !users) return undefined;
  const user = await db(USERS_RESOURCE).select(users.recordRepresentation).where('id', row[ownerField] as number).first();
  return user ? String(user[users.recordRepresentation]) : undefined;
}
