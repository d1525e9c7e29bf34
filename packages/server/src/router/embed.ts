/**
 * `embed=["customer"]`: referenced records returned inline (`row.customer = { … }`), fetched with
 * one `WHERE id IN (…)` query per embedded reference whatever the number of rows, under the read
 * scope of the target: a referenced record the user may not read embeds as null.
 */
import type { Knex } from 'knex';
import type { SalesModel } from '@ra-sales/schema';
import type { Row, SalesUser } from './types.js';
import { addReadScope } from './access.js';
import { embedName, type ResourceInfo } from './resources.js';

export async function embedReferences(
  knex: Knex,
  model: SalesModel,
  resources: Map<string, ResourceInfo>,
  resource: ResourceInfo,
  user: SalesUser,
  rows: Row[],
  names: string[],
): Promise<void> {
  const fields = new Map(names.map((name) => [resource.embeds.get(name)!.field, resource.embeds.get(name)!]));
  for (const { field, target } of fields.values()) {
    const targetResource = resources.get(target)!;
    const ids = [...new Set(rows.map((row) => row[field]).filter((id): id is number => typeof id === 'number'))];
    const found = new Map<number, Row>();
    if (ids.length) {
      const query = knex(targetResource.table).select(`${targetResource.table}.*`).whereIn(`${targetResource.table}.id`, ids);
      addReadScope(query, knex, model, targetResource, user);
      for (const record of (await query) as Row[]) found.set(Number(record.id), record);
    }
    const key = embedName(field);
    for (const row of rows) row[key] = found.get(row[field] as number) ?? null;
  }
}
