/**
 * `ApprovalRule.freezes`: while an approval is pending, the fields its rule decides are frozen.
 * A pending approval row (`from_stage`, `to_stage`, `role`) is matched to the workflow's rules.
 */
import type { WorkflowModel } from '@ra-sales/schema';
import type { ApprovalRecord } from '../workflow/api.js';

/** Frozen field → the roles whose pending approval freezes it. */
export function frozenFields(workflow: WorkflowModel | undefined, pending: readonly ApprovalRecord[]): Map<string, string[]> {
  const frozen = new Map<string, string[]>();
  if (!workflow) return frozen;
  for (const row of pending) {
    if (row.status !== 'pending') continue;
    const rules = workflow.approvals.filter(
      (rule) => rule.to === row.to_stage && rule.role === row.role && (rule.from.includes('*') || rule.from.includes(row.from_stage)),
    );
    for (const field of rules.flatMap((rule) => rule.freezes)) {
      const roles = frozen.get(field) ?? [];
      if (!roles.includes(row.role)) frozen.set(field, [...roles, row.role]);
    }
  }
  return frozen;
}
