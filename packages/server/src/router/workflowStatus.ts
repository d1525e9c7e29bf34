/** `GET /:resource/:id/workflow`: where a record stands and where it may go, for steppers and boards. */
import { computeRecord, labelOf } from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import { requestsInFlight } from './approvals.js';
import { notFound } from './errors.js';
import { findReadable } from './reads.js';
import { schemaView } from './records.js';
import { checkMove, nextStages, stageOf } from './workflow.js';
import { loadLookups, ruleDocument } from './rules/index.js';

export async function workflowStatus(ctx: RequestContext, resource: ResourceInfo, id: number) {
  const entity = resource.entity;
  const workflow = entity?.workflow;
  if (!entity || !workflow) throw notFound(`${resource.name} has no workflow`);
  const record = await findReadable(ctx.knex, ctx, resource, id);
  const stage = String(record[workflow.field]);
  const lookups = await loadLookups(ctx.knex, ctx, entity, record);
  const view = ruleDocument(schemaView(computeRecord(entity, record, lookups), entity), lookups);
  const validators = ctx.validators[entity.resource];
  return {
    id: record.id,
    field: workflow.field,
    stage,
    label: labelOf(stageOf(workflow, stage)?.label, ctx.locale),
    kind: stageOf(workflow, stage)?.kind ?? null,
    version: record.version,
    next: nextStages(workflow, stage).map((to) => {
      const { label, allowed, missing, approvalRoles } = checkMove(entity, validators, view, stage, to, ctx.locale);
      return { to, label, kind: stageOf(workflow, to)?.kind, allowed, missing, approvalRoles };
    }),
    ...(await approvalsInFlight(ctx, resource.name, record.id)),
  };
}

/** `pending`: the approvals still awaited; `inFlight`: with those already given for the same moves (what the form keeps frozen). */
async function approvalsInFlight(ctx: RequestContext, resource: string, recordId: number) {
  const inFlight = await requestsInFlight(ctx.knex, ctx, resource, recordId);
  return { pending: inFlight.filter((row) => row.status === 'pending'), inFlight };
}
