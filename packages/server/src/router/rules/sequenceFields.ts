import type { EntityModel } from '@ra-sales/schema';
import { nextSequenceValue, raiseSequence, usedSequenceValue } from '../sequences.js';
import type { Db } from '../types.js';

/**
 * A new record's document numbers (`x-sequence`), drawn inside the create's transaction. A number
 * already held by a record (typed or imported before the sequence existed) moves the counter past
 * the highest one in use, once, instead of refusing every create after it.
 */
export async function assignSequences(db: Db, entity: EntityModel, fields: Record<string, unknown>): Promise<void> {
  for (const field of entity.fields) {
    if (!field.sequence || (fields[field.name] !== undefined && fields[field.name] !== null)) continue;
    let value = await nextSequenceValue(db, entity.resource, field.name, field.sequence);
    if (await db(entity.resource).select('id').where(field.name, value).first()) {
      await raiseSequence(db, entity.resource, field.name, field.sequence, await usedSequenceValue(db, entity.resource, field.name, field.sequence));
      value = await nextSequenceValue(db, entity.resource, field.name, field.sequence);
    }
    fields[field.name] = value;
  }
}
