/**
 * Values that change with the date alone (a collection past its due date, an instalment overdue)
 * are stored like every other computed value, so lists, filters, the board and reports read them in
 * SQL. A sweep refreshes them: every record of an entity whose computed values read `$today` is
 * settled again (its automatic moves taken, what rolls it up refreshed), each in its own
 * transaction. The standalone server sweeps at start and every hour; a host app calls
 * `sweepDatedRecords` on its own schedule or sets `sweepEveryMs`.
 */
import { inTransaction } from '../../db/transactions.js';
import { expressionUse, TODAY, type EntityModel, type SalesModel, type Validators } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { Counter } from '../counting.js';
import type { RequestContext } from '../context.js';
import { describeResources } from '../resources.js';
import { refresh } from './settle.js';

/** Entities with a computed value (of a field or of a lines column) that reads `$today`. */
export function datedEntities(model: SalesModel): EntityModel[] {
  const readsToday = (expression: unknown) => {
    const use = expressionUse(expression);
    return [...use.vars, ...use.itemVars].some((path) => path.split('.')[0] === TODAY);
  };
  return Object.values(model.entities).filter((entity) =>
    entity.fields.some(
      (f) =>
        (f.computed !== undefined && readsToday(f.computed)) ||
        (f.itemFields ?? []).some((c) => c.computed !== undefined && readsToday(c.computed)),
    ),
  );
}

/** The server acting on its own: history and audit rows name user 0. */
export const SERVER_USER = { id: 0, roles: ['admin'], teamId: null };

export interface SweepResult {
  /** Records looked at, per resource. */
  checked: Record<string, number>;
  /** Records whose values or stage changed. */
  changed: number;
  /** Records left as they were because their refresh was refused, with the reason. */
  refused: { resource: string; id: number; message: string }[];
}

interface RefreshOptions {
  knex: Knex;
  model: SalesModel;
  validators: Validators;
  batch?: number;
}

export function sweepDatedRecords(options: RefreshOptions): Promise<SweepResult> {
  return refreshRecords({ ...options, entities: datedEntities(options.model) });
}

/** Every record of `entities` settled again: after bulk loads, and for the values that depend on the date. */
export async function refreshRecords(options: RefreshOptions & { entities: EntityModel[] }): Promise<SweepResult> {
  const { knex, model, validators } = options;
  const resources = describeResources(model);
  const ctx: RequestContext = {
    knex,
    model,
    validators,
    resources,
    counter: new Counter(0),
    user: SERVER_USER,
    locale: model.locales[0] ?? 'en',
  };
  const result: SweepResult = { checked: {}, changed: 0, refused: [] };
  for (const entity of options.entities) {
    const resource = resources.get(entity.resource)!;
    let after = 0;
    result.checked[entity.resource] = 0;
    for (;;) {
      const ids = (
        await knex(resource.table)
          .where('id', '>', after)
          .orderBy('id')
          .limit(options.batch ?? 500)
          .pluck('id')
      ).map(Number);
      if (!ids.length) break;
      for (const id of ids) {
        try {
          if (await inTransaction(knex, (trx) => refresh(trx, ctx, resource, id))) result.changed++;
        } catch (error) {
          result.refused.push({ resource: entity.resource, id, message: (error as Error).message });
        }
      }
      result.checked[entity.resource] += ids.length;
      after = ids[ids.length - 1];
    }
  }
  return result;
}
