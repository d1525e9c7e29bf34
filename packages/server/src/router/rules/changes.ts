import type { EntityModel } from '@ra-sales/schema';
import { sameValue } from '../records.js';

/** Fields whose value in `next` differs from `stored` (an empty value and a missing one are the same). */
export function changedFields(entity: EntityModel, next: Record<string, unknown>, stored: Record<string, unknown>): string[] {
  return entity.fields.filter((f) => f.name in next && !sameValue(next[f.name], stored[f.name])).map((f) => f.name);
}
