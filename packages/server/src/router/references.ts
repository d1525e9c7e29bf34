/**
 * Referential checks done by the server (the tables have no foreign keys): every reference a write
 * sets or changes must name an existing row the user may read, one `IN` query per target.
 * References into resources the model does not define are not checked.
 */
import type { Knex } from 'knex';
import { labelOf, type EntityModel, type SalesModel } from '@ra-sales/schema';
import { badRequest } from './errors.js';
import { fieldName, listWords, phrase } from './locale.js';
import { addReadScope } from './access.js';
import { runCompiled, scopeKey } from './compiledStatements.js';
import { sameValue } from './records.js';
import type { ResourceInfo } from './resources.js';
import type { Db, SalesUser } from './types.js';

export interface Wanted {
  /** Field (or `lines/0/product_id`) each id came from, for the error message. */
  ids: Map<number, string[]>;
}

function want(byTarget: Map<string, Wanted>, target: string, id: unknown, where: string): void {
  if (typeof id !== 'number') return;
  const wanted = byTarget.get(target) ?? { ids: new Map() };
  wanted.ids.set(id, [...(wanted.ids.get(id) ?? []), where]);
  byTarget.set(target, wanted);
}

/** The references a write sets or changes, by target: id → the fields naming it. */
export function wantedReferences(
  model: SalesModel,
  entity: EntityModel,
  record: Record<string, unknown>,
  before: Record<string, unknown>,
): Map<string, Wanted> {
  const byTarget = new Map<string, Wanted>();
  for (const field of entity.fields) {
    const value = record[field.name];
    // A field `before` lacks is set by the write (`sameValue` would compare with null).
    if (value === undefined || value === null || (field.name in before && sameValue(value, before[field.name]))) continue;
    if (field.kind === 'reference' && field.ref && model.entities[field.ref]) want(byTarget, field.ref, value, field.name);
    if (Array.isArray(value) && field.itemFields) {
      value.forEach((item) => {
        for (const column of field.itemFields!) {
          if (column.kind !== 'reference' || !column.ref || !model.entities[column.ref]) continue;
          want(byTarget, column.ref, (item as Record<string, unknown> | null)?.[column.name], field.name);
        }
      });
    }
  }
  return byTarget;
}

/** Of `ids` of `target`, those that exist and the user may read: one query. */
export async function readableIds(
  db: Db,
  model: SalesModel,
  resources: Map<string, ResourceInfo>,
  target: string,
  ids: Iterable<number>,
  user: SalesUser,
): Promise<Set<number>> {
  const resource = resources.get(target)!;
  const wanted = [...ids];
  const rows = await runCompiled(
    db,
    resource,
    `ids ${wanted.length} ${scopeKey(user)}`,
    () => {
      const query = db(resource.table).select(`${resource.table}.id`).whereIn(`${resource.table}.id`, wanted);
      addReadScope(query, db as Knex, model, resource, user);
      return query;
    },
    wanted,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Refuses the write when one of its wanted references is not among the readable ids found. */
export function refuseMissingReferences(
  model: SalesModel,
  entity: EntityModel,
  byTarget: Map<string, Wanted>,
  found: Map<string, Set<number>>,
  locale: string,
): void {
  const errors: Record<string, string> = {};
  for (const [target, { ids }] of byTarget) {
    for (const [id, fields] of ids) {
      if (found.get(target)?.has(id)) continue;
      for (const field of fields) {
        errors[field] ??= phrase(locale, 'noSuchReference', { entity: labelOf(model.entities[target].label, locale), id: String(id) });
      }
    }
  }
  if (Object.keys(errors).length) {
    throw badRequest(
      phrase(locale, 'unknownReferences', {
        fields: listWords(
          locale,
          Object.keys(errors).map((name) => fieldName(entity, name, locale)),
        ),
      }),
      errors,
    );
  }
}

export async function checkReferences(
  db: Db,
  model: SalesModel,
  resources: Map<string, ResourceInfo>,
  entity: EntityModel,
  record: Record<string, unknown>,
  before: Record<string, unknown>,
  user: SalesUser,
  locale: string,
): Promise<void> {
  const byTarget = wantedReferences(model, entity, record, before);
  const found = new Map<string, Set<number>>();
  for (const [target, { ids }] of byTarget) found.set(target, await readableIds(db, model, resources, target, ids.keys(), user));
  refuseMissingReferences(model, entity, byTarget, found, locale);
}
