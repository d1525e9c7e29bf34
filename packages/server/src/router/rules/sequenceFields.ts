import type { EntityModel } from '@ra-sales/schema';
import { nextSequenceValue } from '../sequences.js';
import type { Db } from '../types.js';

/** A new record's document numbers (`x-sequence`), drawn inside the create's transaction. */
export async function assignSequences(db: Db, entity: EntityModel, fields: Record<string, unknown>): Promise<void> {
  for (const field of entity.fields) {
    if (field.sequence && (fields[field.name] === undefined || fields[field.name] === null)) {
      fields[field.name] = await nextSequenceValue(db, entity.resource, field.name, field.sequence);
    }
  }
}
