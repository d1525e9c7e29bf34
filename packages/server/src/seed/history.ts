import { type SalesModel, type WorkflowModel, workflowOfRecord } from '@ra-sales/schema';
import type { Row } from './insert.js';

/** The shortest chain of allowed moves from the initial stage to `target` (empty when already there). */
export function stagePath(workflow: WorkflowModel, target: string): string[] {
  const previous = new Map<string, string>([[workflow.initial, '']]);
  const queue = [workflow.initial];
  while (queue.length > 0) {
    const stage = queue.shift()!;
    if (stage === target) break;
    for (const move of workflow.transitions) {
      if (move.from === stage && !previous.has(move.to)) {
        previous.set(move.to, stage);
        queue.push(move.to);
      }
    }
  }
  if (!previous.has(target)) return [];
  const path: string[] = [];
  for (let stage = target; stage !== ''; stage = previous.get(stage)!) path.unshift(stage);
  return path;
}

/**
 * sales_history rows for demo records: one per move from the initial stage to the record's
 * stage, by its owner, spread between its creation and its last update.
 */
export function demoHistory(model: SalesModel, rows: Map<string, Row[]>): Row[] {
  const history: Row[] = [];
  for (const entity of Object.values(model.entities)) {
    const workflow = entity.workflow;
    if (!workflow) continue;
    const owner = entity.access?.ownerField;
    for (const row of rows.get(entity.resource) ?? []) {
      const path = stagePath(workflowOfRecord(workflow, row), String(row[workflow.field]));
      const moves = path.length - 1;
      if (moves < 1) continue;
      const from = Date.parse(row.created_at as string);
      const to = Date.parse(row.updated_at as string);
      for (let i = 1; i <= moves; i++) {
        const last = i === moves;
        history.push({
          resource: entity.resource,
          record_id: row.id,
          from_stage: path[i - 1],
          to_stage: path[i],
          user_id: (owner && row[owner]) ?? 1,
          comment: last && workflow.reasonField ? (row[workflow.reasonField] ?? null) : null,
          created_at: new Date(from + ((to - from) * i) / moves).toISOString(),
        });
      }
    }
  }
  return history;
}
