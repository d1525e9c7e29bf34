/**
 * `x-ref-where`: a reference may only point at records matching a filter bound to this record
 * (a contact of the chosen customer). Checked when the reference, or a value its filter reads,
 * changes; one query per such field.
 */
import { bindFilter, labelOf, recordPath, type EntityModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { badRequest } from '../errors.js';
import { applyFilters, parseFilters } from '../filters.js';
import { phrase } from '../locale.js';
import { sameValue } from '../records.js';
import type { Db } from '../types.js';
import { joinLabels } from './labels.js';

export async function checkRefWhere(
  db: Db,
  ctx: RequestContext,
  entity: EntityModel,
  record: Record<string, unknown>,
  stored: Record<string, unknown>,
): Promise<void> {
  const errors: Record<string, string> = {};
  for (const field of entity.fields) {
    if (!field.refWhere || !field.ref || record[field.name] === null || record[field.name] === undefined) continue;
    const reads = Object.values(field.refWhere)
      .map(recordPath)
      .filter((p): p is string => !!p)
      .map((p) => p.split('.')[0]);
    if ([field.name, ...reads].every((name) => sameValue(record[name], stored[name]))) continue;
    const bound = bindFilter(field.refWhere, record);
    const target = ctx.resources.get(field.ref);
    if (!bound || !target) continue;
    const query = db(target.table)
      .select('id')
      .where('id', record[field.name] as number);
    applyFilters(query, target.table, parseFilters(bound, target, ctx.locale));
    if (await query.first()) continue;
    const targetEntity = ctx.model.entities[field.ref];
    errors[field.name] = phrase(ctx.locale, reads.length ? 'refWhereMismatch' : 'refWhereNotAllowed', {
      target: labelOf(targetEntity?.label, ctx.locale),
      fields: joinLabels(entity, reads, ctx.locale),
    });
  }
  if (Object.keys(errors).length) throw badRequest(Object.values(errors)[0], errors);
}
