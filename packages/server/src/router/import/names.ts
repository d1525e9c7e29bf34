/**
 * References given by name (the referenced entity's `recordRepresentation`, e.g. a customer's
 * name): one query per referenced resource for a chunk of rows, among the records the user may read.
 */
import type { Knex } from 'knex';
import type { FieldModel } from '@ra-sales/schema';
import type { RequestContext } from '../context.js';
import { addReadScope } from '../access.js';

/** By referenced resource: name → the ids of the readable records so named. */
export type NameIndex = Map<string, Map<string, number[]>>;

export async function resolveNames(db: Knex, ctx: RequestContext, wanted: Map<FieldModel, Set<string>>): Promise<NameIndex> {
  const byTarget = new Map<string, Set<string>>();
  for (const [field, names] of wanted) {
    if (!field.ref || !names.size) continue;
    const set = byTarget.get(field.ref) ?? new Set();
    for (const name of names) set.add(name);
    byTarget.set(field.ref, set);
  }
  const index: NameIndex = new Map();
  for (const [target, names] of byTarget) {
    const resource = ctx.resources.get(target);
    const entity = resource?.entity;
    const found = new Map<string, number[]>();
    index.set(target, found);
    if (!resource || !entity) continue;
    const column = `${resource.table}.${entity.recordRepresentation}`;
    const query = db(resource.table)
      .select(`${resource.table}.id`, db.raw('??::text as name', [column]))
      .whereIn(db.raw('??::text', [column]) as unknown as string, [...names]);
    addReadScope(query, db, ctx.model, resource, ctx.user);
    for (const { id, name } of (await query) as { id: unknown; name: string }[]) {
      found.set(name, [...(found.get(name) ?? []), Number(id)]);
    }
  }
  return index;
}
