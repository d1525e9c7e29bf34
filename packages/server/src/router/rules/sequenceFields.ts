import type { EntityModel } from '@ra-sales/schema';
import { formatSequence, nextSequenceValue, raiseSequence, usedSequenceValue } from '../sequences.js';
import type { Db } from '../types.js';

/**
 * A new record's document numbers (`x-sequence`) are drawn last, right before the insert: the
 * counter's row stays locked until the transaction ends, so every statement before the draw would
 * make concurrent creates wait. Until then the fields hold a number of the right shape (counter 0),
 * so the record validates; this answers which fields to number.
 */
export function provisionalSequences(entity: EntityModel, fields: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const field of entity.fields) {
    if (!field.sequence || (fields[field.name] !== undefined && fields[field.name] !== null)) continue;
    fields[field.name] = formatSequence(field.sequence, new Date(), 0);
    names.push(field.name);
  }
  return names;
}

/**
 * Draws the numbers of `names`. A number already held by a record (typed or imported before the
 * sequence existed) moves the counter past the highest one in use, once, instead of refusing every
 * create after it.
 */
export async function assignSequences(db: Db, entity: EntityModel, values: Record<string, unknown>, names: string[]): Promise<void> {
  for (const name of names) {
    const pattern = entity.fields.find((f) => f.name === name)!.sequence!;
    let value = await nextSequenceValue(db, entity.resource, name, pattern);
    if (await db(entity.resource).select('id').where(name, value).first()) {
      await raiseSequence(db, entity.resource, name, pattern, await usedSequenceValue(db, entity.resource, name, pattern));
      value = await nextSequenceValue(db, entity.resource, name, pattern);
    }
    values[name] = value;
  }
}
