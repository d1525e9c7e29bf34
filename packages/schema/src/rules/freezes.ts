import type { WorkflowModel } from '../model.js';

/** What the freeze rule needs of an approval row (`sales_approvals`). */
export interface ApprovalState {
  from_stage: string | null;
  to_stage: string;
  rule_index: number;
  role: string;
  status: string;
}

/**
 * Fields frozen by approval requests in flight, each with the approvals that freeze it. A request
 * is the approvals of one move; it is in flight while one of them is pending, and then the fields
 * of all its rules are frozen — those already approved too. `target`: a save moving the record to
 * another stage than a request's cancels that request, so it freezes nothing.
 */
export function frozenByRequests<T extends ApprovalState>(workflow: WorkflowModel, rows: readonly T[], target?: string): Map<string, T[]> {
  const inFlight = new Set(rows.filter((r) => r.status === 'pending').map((r) => `${r.from_stage}>${r.to_stage}`));
  const frozen = new Map<string, T[]>();
  for (const row of rows) {
    if (!['pending', 'approved'].includes(row.status) || !inFlight.has(`${row.from_stage}>${row.to_stage}`)) continue;
    if (target !== undefined && target !== row.to_stage) continue;
    for (const field of workflow.approvals[Number(row.rule_index)]?.freezes ?? []) frozen.set(field, [...(frozen.get(field) ?? []), row]);
  }
  return frozen;
}
