import {
  STAGE_ENTERED_FIELD,
  type ApprovalRule,
  type FieldModel,
  type ForecastCategory,
  type GateItem,
  type JsonSchema,
  type Labels,
  type StageKind,
  type StageLock,
  type StageModel,
  type TransitionModel,
  type WorkflowModel,
} from '../model.js';
import type { Report } from './buildFields.js';

export interface RawStage {
  id: string;
  label: Labels;
  kind?: StageKind;
  gate?: JsonSchema;
  entry?: JsonSchema;
  sla_days?: number;
  probability?: number;
  forecast?: ForecastCategory;
  lock?: true | { reversibleBy?: string[]; except?: string[] };
  renamed_from?: string | string[];
}
type StageRefs = string | string[];
export interface RawWorkflow {
  field: string;
  initial?: string;
  amount?: string;
  reason?: string;
  probabilityField?: string;
  stages: RawStage[];
  transitions: { from: StageRefs; to: StageRefs; auto?: boolean }[];
  approvals?: { from?: StageRefs; to: string; role: string; when?: JsonSchema; label?: Labels; freezes?: string[] }[];
}

/**
 * Expands and checks an `x-workflow` (or one of its pipelines, at `AT`): stage ids exist, fields
 * named by gates exist, no wildcard is left.
 */
export function buildWorkflow(
  raw: RawWorkflow,
  fields: FieldModel[],
  roles: readonly string[],
  report: Report,
  lookupNames: readonly string[] = [],
  AT = '/x-workflow',
): WorkflowModel {
  const fieldNames = new Set(fields.map((f) => f.name));
  // Conditions read the record together with its lookups.
  const readable = new Set([...fieldNames, ...lookupNames]);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const stageIds = raw.stages.map((s) => s.id);
  const known = new Set(stageIds);

  raw.stages.forEach((s, i) => {
    if (stageIds.indexOf(s.id) !== i) report(`${AT}/stages/${i}/id`, `stage "${s.id}" is declared twice`);
  });
  const initial = raw.initial ?? raw.stages[0]?.id;
  if (raw.initial && !known.has(raw.initial))
    report(`${AT}/initial`, `initial stage "${raw.initial}" is not a stage (${stageIds.join(', ')})`);
  // The fields a workflow names are judged once, for the whole workflow, not again for each pipeline.
  if (AT === '/x-workflow') checkWorkflowFields(raw, fieldNames, byName, report);

  const checkCondition = (condition: JsonSchema | undefined, pointer: string, what: string) => {
    if (!condition) return;
    for (const [i, name] of ((condition.required as string[]) ?? []).entries()) {
      if (!readable.has(name)) report(`${pointer}/required/${i}`, `${what} requires "${name}", which is not a field of the entity`);
    }
    for (const name of Object.keys((condition.properties as object) ?? {})) {
      if (!readable.has(name)) report(`${pointer}/properties/${name}`, `${what} constrains "${name}", which is not a field of the entity`);
    }
  };

  const stages: StageModel[] = raw.stages.map((s, order) => {
    const pointer = `${AT}/stages/${order}`;
    checkCondition(s.gate, `${pointer}/gate`, `the gate of stage "${s.id}"`);
    checkCondition(s.entry, `${pointer}/entry`, `the entry of stage "${s.id}"`);
    const stage: StageModel = { id: s.id, label: s.label, kind: s.kind ?? 'open', order };
    if (s.gate) Object.assign(stage, { gate: s.gate, gateChecklist: checklist(s.gate, byName) });
    if (s.entry) Object.assign(stage, { entry: s.entry, entryChecklist: checklist(s.entry, byName) });
    if (s.sla_days !== undefined) stage.slaDays = s.sla_days;
    if (s.probability !== undefined) stage.probability = s.probability;
    if (s.forecast !== undefined) stage.forecast = s.forecast;
    if (s.lock) stage.lock = buildLock(s.lock, `${pointer}/lock`);
    return stage;
  });

  function buildLock(raw: NonNullable<RawStage['lock']>, pointer: string): StageLock {
    const lock: StageLock = { reversibleBy: raw === true ? [] : (raw.reversibleBy ?? []), except: raw === true ? [] : (raw.except ?? []) };
    lock.reversibleBy.forEach((role, i) => {
      if (!roles.includes(role))
        report(`${pointer}/reversibleBy/${i}`, `role "${role}" is not declared in model.json (${roles.join(', ')})`);
    });
    lock.except.forEach((name, i) => {
      if (!fieldNames.has(name)) report(`${pointer}/except/${i}`, `"${name}" is not a field of the entity`);
    });
    return lock;
  }

  // A transition naming no stage already has its error (a misspelt id, most likely of the stage
  // it meant): reachability is then not judged, so one typo gives one error.
  let unknownStage = false;
  const expand = (refs: StageRefs, pointer: string): string[] => {
    if (refs === '*') return stageIds;
    const list = Array.isArray(refs) ? refs : [refs];
    list.forEach((id, i) => {
      if (!known.has(id)) unknownStage = true;
      if (!known.has(id)) report(Array.isArray(refs) ? `${pointer}/${i}` : pointer, `"${id}" is not a stage (${stageIds.join(', ')})`);
    });
    return list.filter((id) => known.has(id));
  };

  const transitions: TransitionModel[] = [];
  const seen = new Set<string>();
  raw.transitions.forEach((t, i) => {
    const froms = expand(t.from, `${AT}/transitions/${i}/from`);
    const tos = expand(t.to, `${AT}/transitions/${i}/to`);
    for (const from of froms) {
      const fromStage = stages.find((s) => s.id === from)!;
      for (const to of tos) {
        // A wildcard never adds a move from a terminal stage or onto itself.
        if (from === to || (t.from === '*' && fromStage.kind !== 'open')) continue;
        const key = `${from}>${to}`;
        if (seen.has(key)) {
          if (t.auto) transitions.find((m) => m.from === from && m.to === to)!.auto = true;
          continue;
        }
        seen.add(key);
        transitions.push(t.auto ? { from, to, auto: true } : { from, to });
      }
    }
    // Without an entry condition an automatic move would fire on every save.
    for (const to of t.auto ? tos : []) {
      if (!raw.stages.find((s) => s.id === to)?.entry) {
        report(
          `${AT}/transitions/${i}/auto`,
          `an automatic move needs an entry condition on the stage it enters ("${to}"): the server moves when that condition holds`,
        );
      }
    }
  });

  stages.forEach((stage, i) => {
    if (stageIds.indexOf(stage.id) !== i || unknownStage) return;
    if (stage.id !== initial && !transitions.some((t) => t.to === stage.id)) {
      report(
        `${AT}/stages/${i}`,
        `stage "${stage.id}" cannot be reached: no transition leads to it; add one (e.g. { "from": "${initial ?? '…'}", "to": "${stage.id}" }) or remove the stage`,
      );
    }
    if (stage.kind === 'open' && !transitions.some((t) => t.from === stage.id)) {
      report(
        `${AT}/stages/${i}`,
        `stage "${stage.id}" is open but no transition leaves it, so a record there is stuck: add one (e.g. { "from": "${stage.id}", "to": "…" }), or give the stage "kind": "won" or "lost" if it ends the workflow`,
      );
    }
  });

  stages.forEach((stage, i) => {
    if (stage.lock?.reversibleBy.length && !transitions.some((t) => t.from === stage.id)) {
      report(
        `${AT}/stages/${i}/lock/reversibleBy`,
        `stage "${stage.id}" can be reversed, but no transition leaves it: add one (e.g. { "from": "${stage.id}", "to": "…" })`,
      );
    }
  });

  const approvals: ApprovalRule[] = (raw.approvals ?? []).map((a, i) => {
    const pointer = `${AT}/approvals/${i}`;
    const from = a.from === undefined ? ['*'] : expand(a.from, `${pointer}/from`);
    if (!known.has(a.to)) report(`${pointer}/to`, `"${a.to}" is not a stage (${stageIds.join(', ')})`);
    else if (!transitions.some((t) => t.to === a.to && (from.includes('*') || from.includes(t.from)))) {
      report(
        `${pointer}/to`,
        `no transition leads to "${a.to}"${a.from ? ` from ${from.join(', ')}` : ''}, so this approval can never apply`,
      );
    }
    if (!roles.includes(a.role)) report(`${pointer}/role`, `role "${a.role}" is not declared in model.json (${roles.join(', ')})`);
    checkCondition(a.when, `${pointer}/when`, `the condition of approval ${i}`);
    (a.freezes ?? []).forEach((name, j) => {
      if (!fieldNames.has(name)) report(`${pointer}/freezes/${j}`, `"${name}" is not a field of the entity`);
    });
    const decided = [a.when, a.to ? raw.stages.find((s) => s.id === a.to)?.entry : undefined];
    for (const id of from.includes('*') ? [] : from) decided.push(raw.stages.find((s) => s.id === id)?.gate);
    const freezes = a.freezes ?? [...new Set(decided.flatMap((c) => (c ? conditionFields(c) : [])))].filter((n) => fieldNames.has(n));
    const rule: ApprovalRule = { from, to: a.to, role: a.role, freezes };
    if (a.when) rule.when = a.when;
    if (a.label) rule.label = a.label;
    return rule;
  });

  const workflow: WorkflowModel = { field: raw.field, initial: initial ?? '', stages, transitions, approvals };
  if (raw.amount) workflow.amountField = raw.amount;
  if (raw.reason) workflow.reasonField = raw.reason;
  if (raw.probabilityField) workflow.probabilityField = raw.probabilityField;
  return workflow;
}

/** The fields the workflow names (its stage, amount, reason and probability fields) and the one it reserves. */
function checkWorkflowFields(raw: RawWorkflow, fieldNames: Set<string>, byName: Map<string, FieldModel>, report: Report): void {
  const AT = '/x-workflow';
  if (!fieldNames.has(raw.field)) {
    report(
      `${AT}/field`,
      `the workflow field "${raw.field}" is not a property of the entity; declare it under "properties" (with its x-label)`,
    );
  }
  for (const key of ['amount', 'reason'] as const) {
    const name = raw[key];
    if (name && !fieldNames.has(name)) report(`${AT}/${key}`, `"${key}" names "${name}", which is not a field`);
  }
  checkProbabilityField(raw.probabilityField, byName, report);
  if (fieldNames.has(STAGE_ENTERED_FIELD)) {
    report(
      `/properties/${STAGE_ENTERED_FIELD}`,
      `"${STAGE_ENTERED_FIELD}" is kept by the server on every workflow entity (when the record entered its stage); give the field another name`,
    );
  }
  const amountField = raw.amount ? byName.get(raw.amount) : undefined;
  if (amountField && !['money', 'number', 'integer'].includes(amountField.kind)) {
    report(`${AT}/amount`, `"amount" names "${raw.amount}", a ${amountField.kind}; it must be a number`);
  }
}

/** `probabilityField` names a number field the server may set: not computed, holding 0–100. */
function checkProbabilityField(name: string | undefined, fields: Map<string, FieldModel>, report: Report): void {
  if (!name) return;
  const pointer = '/x-workflow/probabilityField';
  const field = fields.get(name);
  if (!field) return report(pointer, `"probabilityField" names "${name}", which is not a field`);
  if (!['percent', 'number', 'integer'].includes(field.kind)) {
    return report(pointer, `"probabilityField" names "${name}", a ${field.kind}; it must be a number (kind percent, number or integer)`);
  }
  if (field.computed !== undefined) {
    report(
      pointer,
      `"probabilityField" names "${name}", which is computed (x-computed); the server sets the probability field from the stage, so it cannot also be computed`,
    );
  }
}

/** Names a condition reads at its top level (required and constrained), through allOf / anyOf / not / if-then-else. */
function conditionFields(condition: JsonSchema): string[] {
  const names = [...((condition.required as string[]) ?? []), ...Object.keys((condition.properties as object) ?? {})];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of (condition[key] as JsonSchema[] | undefined) ?? []) names.push(...conditionFields(part));
  }
  for (const key of ['not', 'if', 'then', 'else']) {
    if (condition[key]) names.push(...conditionFields(condition[key] as JsonSchema));
  }
  return names;
}

/** One checklist item per field a condition names, each with its own small schema. */
function checklist(condition: JsonSchema, fields: Map<string, FieldModel>): GateItem[] {
  const required = (condition.required as string[]) ?? [];
  const properties = (condition.properties ?? {}) as Record<string, JsonSchema>;
  const names = [...required, ...Object.keys(properties).filter((n) => !required.includes(n))];
  return names.map((name) => {
    const schema: JsonSchema = {};
    if (required.includes(name)) schema.required = [name];
    if (properties[name]) schema.properties = { [name]: properties[name] };
    return { field: name, label: fields.get(name)?.label ?? { en: name }, schema };
  });
}
