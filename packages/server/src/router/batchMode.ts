/**
 * Whether creates of an entity may be made a chunk at a time (`createBatch`) with the result of
 * making them one after the other. Not when a create is followed by writes of its own, nor when a
 * record of the chunk could see another one:
 * - `rolled up`: other records aggregate it by their id (`x-lookups` … `"$id"`), so each create
 *   refreshes them, with an audit row each time;
 * - `automatic move`: an `"auto": true` transition leaves a stage records start in;
 * - `reads its own records`: a lookup aggregates, or a field references, records of the same entity.
 */
import type { EntityModel, SalesModel } from '@ra-sales/schema';
import { dependentsOf } from './facts/dependents.js';

export type RowByRowReason = 'rolled up' | 'automatic move' | 'reads its own records';

/** Why creates of `entity` go row by row; none: they may go in batches. */
export function rowByRowReasons(model: SalesModel, entity: EntityModel): RowByRowReason[] {
  const reasons: RowByRowReason[] = [];
  if (dependentsOf(model, entity.resource).length) reasons.push('rolled up');
  const workflow = entity.workflow;
  if (workflow) {
    const starts = new Set([workflow.initial, ...(workflow.pipelines?.list.map((p) => p.initial) ?? [])]);
    if (workflow.transitions.some((t) => t.auto && starts.has(t.from))) reasons.push('automatic move');
  }
  const lookups = Object.values(entity.lookups);
  const readsOwn =
    lookups.some((l) => (l.kind === 'aggregate' ? l.from : l.target) === entity.resource) ||
    entity.fields.some((f) => f.ref === entity.resource || f.itemFields?.some((c) => c.ref === entity.resource));
  if (readsOwn) reasons.push('reads its own records');
  return reasons;
}

export const createsInBatches = (model: SalesModel, entity: EntityModel) => rowByRowReasons(model, entity).length === 0;
