/**
 * Document numbers (`x-sequence`). A counter row per period is locked from its draw until the end
 * of the drawing transaction, so where the draw happens decides what creates wait for:
 * - by default a number is drawn in a statement of its own just before the create's transaction:
 *   nothing waits, and a create refused afterwards leaves a gap;
 * - a gapless sequence draws inside the transaction, right before the insert: a refused create
 *   gives its number back, and creates of the entity wait for each other's commit.
 */
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { formatSequence, nextSequenceValue, raiseSequence, usedSequenceValue } from '../sequences.js';
import type { Db } from '../types.js';

const wanted = (field: FieldModel, fields: Record<string, unknown>) =>
  field.sequence !== undefined && (fields[field.name] === undefined || fields[field.name] === null);

/** Numbers of the sequences that are not gapless, drawn with `db` outside any transaction. */
export async function drawSequencesAhead(db: Db, entity: EntityModel, fields: Record<string, unknown>): Promise<void> {
  for (const field of entity.fields) {
    if (wanted(field, fields) && !field.sequenceGapless) fields[field.name] = await drawNumber(db, entity, field);
  }
}

/**
 * Gapless sequences are drawn last; until then their fields hold a number of the right shape
 * (counter 0), so the record validates. Answers which fields to number.
 */
export function provisionalSequences(entity: EntityModel, fields: Record<string, unknown>): FieldModel[] {
  const gapless = entity.fields.filter((field) => wanted(field, fields) && field.sequenceGapless);
  for (const field of gapless) fields[field.name] = formatSequence(field.sequence!, new Date(), 0);
  return gapless;
}

/** Draws the gapless numbers inside the create's transaction, right before the insert. */
export async function assignSequences(trx: Db, entity: EntityModel, values: Record<string, unknown>, fields: FieldModel[]): Promise<void> {
  for (const field of fields) values[field.name] = await drawNumber(trx, entity, field);
}

/**
 * The next number; one already held by a record (typed or imported before the sequence existed)
 * moves the counter past the highest one in use, once, instead of refusing every create after it.
 */
async function drawNumber(db: Db, entity: EntityModel, field: FieldModel): Promise<string> {
  const pattern = field.sequence!;
  const value = await nextSequenceValue(db, entity.resource, field.name, pattern);
  if (!(await db(entity.resource).select('id').where(field.name, value).first())) return value;
  await raiseSequence(db, entity.resource, field.name, pattern, await usedSequenceValue(db, entity.resource, field.name, pattern));
  return nextSequenceValue(db, entity.resource, field.name, pattern);
}
