/**
 * An `x-workflow` with its pipelines: the main pipeline (the workflow's own stages) and the others
 * (`pipelines`), each built and checked like a workflow of its own, then joined into one workflow
 * whose stage ids are unique, so that a stage names its pipeline and no move crosses pipelines.
 */
import type { FieldModel, Labels, PipelineModel, PipelineSwitch, RetiredStage, WorkflowModel } from '../model.js';
import type { Report } from './buildFields.js';
import { buildWorkflow, type RawStage, type RawWorkflow } from './buildWorkflow.js';
import { buildStageMigrations } from './migrationKeywords.js';

type Refs = string | string[];

export interface RawPipelines {
  pipeline?: { field: string; id: string; label: Labels };
  pipelines?: {
    id: string;
    label: Labels;
    initial?: string;
    stages: RawStage[];
    transitions: RawWorkflow['transitions'];
    approvals?: RawWorkflow['approvals'];
  }[];
  switches?: { from: Refs; to: Refs; stages?: Record<string, string>; roles?: string[] }[];
  retired_stages?: RetiredStage[];
}

export type RawWorkflowWithPipelines = RawWorkflow & RawPipelines;

const AT = '/x-workflow';

/** Every stage of the raw workflow, main pipeline first. */
export function rawStages(raw: RawWorkflowWithPipelines): RawStage[] {
  return [...raw.stages, ...(raw.pipelines ?? []).flatMap((p) => p.stages ?? [])];
}

/** The raw pipeline ids with their labels, the main first; none without `pipeline`. */
export function rawPipelines(raw: RawWorkflowWithPipelines): { id: string; label: Labels }[] {
  if (!raw.pipeline) return [];
  return [{ id: raw.pipeline.id, label: raw.pipeline.label }, ...(raw.pipelines ?? []).map(({ id, label }) => ({ id, label }))];
}

export function buildWorkflowWithPipelines(
  raw: RawWorkflowWithPipelines,
  fields: FieldModel[],
  roles: readonly string[],
  report: Report,
  lookupNames: readonly string[] = [],
): WorkflowModel {
  const main = buildWorkflow(raw, fields, roles, report, lookupNames);
  if (raw.pipelines?.length && !raw.pipeline) {
    report(
      `${AT}/pipelines`,
      'several pipelines need "pipeline": { "field": …, "id": …, "label": … } naming the field that chooses and the main pipeline',
    );
  }
  if (!raw.pipeline) {
    if (raw.switches?.length)
      report(`${AT}/switches`, 'switches move a record between pipelines: declare "pipeline" and "pipelines" first');
    return withStageMigrations(main, raw, report);
  }
  const fieldNames = new Set(fields.map((f) => f.name));
  if (!fieldNames.has(raw.pipeline.field)) {
    report(
      `${AT}/pipeline/field`,
      `the pipeline field "${raw.pipeline.field}" is not a property of the entity; declare it under "properties" (with its x-label)`,
    );
  }
  if (raw.pipeline.field === raw.field) report(`${AT}/pipeline/field`, 'the pipeline and the stage need a field each');

  const list: PipelineModel[] = [
    { id: raw.pipeline.id, label: raw.pipeline.label, initial: main.initial, stages: main.stages.map((s) => s.id) },
  ];
  const joined: WorkflowModel = { ...main, stages: main.stages.map((s) => ({ ...s, pipeline: raw.pipeline!.id })) };
  const seen = new Map(main.stages.map((s) => [s.id, raw.pipeline!.id]));
  (raw.pipelines ?? []).forEach((p, i) => {
    const at = `${AT}/pipelines/${i}`;
    if (list.some((known) => known.id === p.id)) report(`${at}/id`, `pipeline "${p.id}" is declared twice`);
    const own = buildWorkflow(
      { field: raw.field, initial: p.initial, stages: p.stages, transitions: p.transitions, approvals: p.approvals },
      fields,
      roles,
      report,
      lookupNames,
      at,
    );
    own.stages.forEach((stage, j) => {
      const other = seen.get(stage.id);
      if (other !== undefined) {
        report(
          `${at}/stages/${j}/id`,
          `stage "${stage.id}" is already a stage of pipeline "${other}": a stage belongs to one pipeline, so give it another id (e.g. "${p.id}_${stage.id}")`,
        );
      }
      seen.set(stage.id, p.id);
    });
    const offset = joined.stages.length;
    joined.stages.push(...own.stages.map((stage) => ({ ...stage, order: stage.order + offset, pipeline: p.id })));
    joined.transitions.push(...own.transitions);
    joined.approvals.push(...own.approvals);
    list.push({ id: p.id, label: p.label, initial: own.initial, stages: own.stages.map((s) => s.id) });
  });
  joined.pipelines = { field: raw.pipeline.field, list, switches: buildSwitches(raw.switches ?? [], list, roles, report) };
  return withStageMigrations(joined, raw, report);
}

function withStageMigrations(workflow: WorkflowModel, raw: RawWorkflowWithPipelines, report: Report): WorkflowModel {
  const retired = buildStageMigrations({ stages: rawStages(raw), retired_stages: raw.retired_stages }, workflow.stages, AT, report);
  if (retired.length) workflow.retired = retired;
  return workflow;
}

/** Each declared switch, wildcards expanded: its pipelines exist, its stage map goes from a stage of one to a stage of the other. */
function buildSwitches(
  raw: NonNullable<RawPipelines['switches']>,
  list: PipelineModel[],
  roles: readonly string[],
  report: Report,
): PipelineSwitch[] {
  const ids = list.map((p) => p.id);
  const expand = (refs: Refs, pointer: string): string[] => {
    if (refs === '*') return ids;
    const named = Array.isArray(refs) ? refs : [refs];
    named.forEach((id, i) => {
      if (!ids.includes(id)) report(Array.isArray(refs) ? `${pointer}/${i}` : pointer, `"${id}" is not a pipeline (${ids.join(', ')})`);
    });
    return named.filter((id) => ids.includes(id));
  };
  const out: PipelineSwitch[] = [];
  raw.forEach((s, i) => {
    const at = `${AT}/switches/${i}`;
    (s.roles ?? []).forEach((role, j) => {
      if (!roles.includes(role)) report(`${at}/roles/${j}`, `role "${role}" is not declared in model.json (${roles.join(', ')})`);
    });
    const froms = expand(s.from, `${at}/from`);
    const tos = expand(s.to, `${at}/to`);
    for (const [from, to] of Object.entries(s.stages ?? {})) {
      // A pipeline that is not there has its own error: its stages are not judged.
      if (froms.length && !froms.some((id) => list.find((p) => p.id === id)!.stages.includes(from))) {
        report(`${at}/stages/${from}`, `"${from}" is not a stage of ${froms.map((id) => `"${id}"`).join(' or ')}`);
      }
      if (tos.length && !tos.some((id) => list.find((p) => p.id === id)!.stages.includes(to))) {
        report(`${at}/stages/${from}`, `"${to}" is not a stage of ${tos.map((id) => `"${id}"`).join(' or ')}`);
      }
    }
    for (const from of froms) {
      for (const to of tos) {
        if (from === to) continue;
        const target = list.find((p) => p.id === to)!;
        const stages = Object.fromEntries(
          Object.entries(s.stages ?? {}).filter(
            ([a, b]) => list.find((p) => p.id === from)!.stages.includes(a) && target.stages.includes(b),
          ),
        );
        out.push({ from, to, stages, ...(s.roles ? { roles: s.roles } : {}) });
      }
    }
  });
  return out;
}
