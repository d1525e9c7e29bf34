/**
 * Keyset paging (`after=[value, id]`): the rows after the last one a client saw, in the list's
 * order, without an offset to skip. Lists sort by the field, NULLS FIRST ascending and NULLS LAST
 * descending, then by id: two segments, the rows with a value and the rows without, each read
 * through the list-order index from the position on. A page that ends a segment continues in the next.
 */
import type { Knex } from 'knex';
import type { ListQuery } from './protocol.js';

type Segment = (query: Knex.QueryBuilder) => void;

export function keysetSegments(table: string, sort: ListQuery['sort'], after: NonNullable<ListQuery['after']>): Segment[] {
  const field = `${table}.${sort.field}`;
  const id = `${table}.id`;
  const descending = sort.order === 'DESC';
  const beyond = descending ? '<' : '>';
  const nulls: Segment = (q) => void q.whereNull(field);
  if (after.value === null) {
    const restOfNulls: Segment = (q) => void q.whereNull(field).where(id, beyond, after.id);
    // Ascending, the rows without a value come first, then all those with one.
    return descending ? [restOfNulls] : [restOfNulls, (q) => void q.whereNotNull(field)];
  }
  const restOfValues: Segment = (q) => void q.whereRaw(`(??, ??) ${beyond} (?, ?)`, [field, id, after.value, after.id]);
  return descending ? [restOfValues, nulls] : [restOfValues];
}
