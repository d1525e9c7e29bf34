/**
 * Document numbers (`x-sequence`). A counter row per period is locked from its draw until the end
 * of the drawing transaction, so where the draw happens decides what creates wait for:
 * - by default a number is drawn in a statement of its own just before the create's transaction:
 *   nothing waits, and a create refused afterwards leaves a gap;
 * - a gapless sequence draws inside the transaction, right before the insert: a refused create
 *   gives its number back, and creates of the entity wait for each other's commit.
 */
import type { EntityModel, FieldModel } from '@ra-sales/schema';
import { formatSequence, nextSequenceValue, nextSequenceValues, raiseSequence, usedSequenceValue } from '../sequences.js';
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

/** Whether creates of the entity draw numbers before their checks (`drawSequencesAhead`). */
export const drawsAhead = (entity: EntityModel) => entity.fields.some((f) => f.sequence !== undefined && !f.sequenceGapless);

/** `drawSequencesAhead` of many new records at once (an import's chunk): one draw per field. */
export async function drawSequencesAheadOf(db: Db, entity: EntityModel, records: Record<string, unknown>[]): Promise<void> {
  for (const field of entity.fields) {
    if (field.sequence === undefined || field.sequenceGapless) continue;
    await numberAll(
      db,
      entity,
      field,
      records.filter((fields) => wanted(field, fields)),
    );
  }
}

/** `assignSequences` of many records at once: each record with the gapless fields it is to be numbered in. */
export async function assignSequencesOf(
  db: Db,
  entity: EntityModel,
  records: { values: Record<string, unknown>; numbered: FieldModel[] }[],
) {
  for (const field of entity.fields) {
    if (!field.sequenceGapless) continue;
    await numberAll(
      db,
      entity,
      field,
      records.filter((r) => r.numbered.includes(field)).map((r) => r.values),
    );
  }
}

/**
 * The numbers `drawNumber` would give the records one after the other: the counter moves by their
 * count, and when one of the numbers is already held, that record and the ones after it are
 * numbered past the highest number in use, as `drawNumber` does from its first collision on.
 */
async function numberAll(db: Db, entity: EntityModel, field: FieldModel, records: Record<string, unknown>[]): Promise<void> {
  if (!records.length) return;
  const pattern = field.sequence!;
  const now = new Date();
  const values = await nextSequenceValues(db, entity.resource, field.name, pattern, records.length, now);
  const held = new Set(
    ((await db(entity.resource).select(field.name).whereIn(field.name, values)) as Record<string, unknown>[]).map((r) =>
      String(r[field.name]),
    ),
  );
  const first = values.findIndex((value) => held.has(value));
  if (first >= 0) {
    const used = await usedSequenceValue(db, entity.resource, field.name, pattern, now);
    await raiseSequence(db, entity.resource, field.name, pattern, used + values.length - first, now);
    for (let i = first; i < values.length; i++) values[i] = formatSequence(pattern, now, used + 1 + i - first);
  }
  records.forEach((fields, i) => {
    fields[field.name] = values[i];
  });
}
