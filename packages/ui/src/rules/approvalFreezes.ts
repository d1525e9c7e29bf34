/**
 * `ApprovalRule.freezes`: while an approval request is in flight, the fields its rules decide are
 * frozen — the rule itself lives in @ra-sales/schema (`frozenByRequests`), shared with the server.
 */
import { frozenByRequests, type WorkflowModel } from '@ra-sales/schema';
import type { ApprovalRecord } from '../workflow/api.js';

/** Frozen field → the roles whose approval freezes it. */
export function frozenFields(workflow: WorkflowModel | undefined, approvals: readonly ApprovalRecord[]): Map<string, string[]> {
  const frozen = new Map<string, string[]>();
  if (!workflow) return frozen;
  for (const [field, rows] of frozenByRequests(workflow, approvals)) frozen.set(field, [...new Set(rows.map((row) => row.role))]);
  return frozen;
}
