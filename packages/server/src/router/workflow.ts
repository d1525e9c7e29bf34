/**
 * Workflow rules of an entity: which moves exist, what a move requires (the gate of the stage left
 * forward, the entry condition of the stage entered) and which approvals it needs.
 */
import {
  isForward,
  labelOf,
  nextStages,
  stageOf,
  type EntityModel,
  type EntityValidators,
  type StageModel,
  type ValidateFunction,
} from '@ra-sales/schema';
import { fieldOf, ruleMessage } from './validationErrors.js';
import { ruleWords } from './ruleWords.js';
import { phrase } from './locale.js';

// The move rules live in @ra-sales/schema, shared with the screens; re-exported for the router's modules.
export { isForward, nextStages, stageOf };

export interface MissingItem {
  field: string;
  label: string;
  message: string;
}

export interface MoveCheck {
  to: string;
  label: string;
  /** Gate and entry hold; approvals may still be needed. */
  allowed: boolean;
  missing: MissingItem[];
  /** Indices into `workflow.approvals` of the rules this move needs now. */
  approvalRules: number[];
  approvalRoles: string[];
}

function unmet(
  validate: ValidateFunction | undefined,
  record: Record<string, unknown>,
  entity: EntityModel,
  locale: string,
  stage: StageModel,
  direction: 'Leave' | 'Enter',
): MissingItem[] {
  if (!validate || validate(record)) return [];
  const items = new Map<string, MissingItem>();
  const stageLabel = labelOf(stage.label, locale);
  const condition = direction === 'Leave' ? stage.gate : stage.entry;
  for (const error of validate.errors ?? []) {
    const field = fieldOf(error);
    if (!field || items.has(field)) continue;
    const model = entity.fields.find((f) => f.name === field);
    const rule = ruleWords(error, entity, locale, ruleMessage, condition);
    const message = phrase(locale, `ruleTo${direction}`, { stage: stageLabel, message: rule });
    items.set(field, { field, label: model ? labelOf(model.label, locale) : field, message });
  }
  return [...items.values()];
}

/** Everything a move from `from` to `to` needs, judged on `record` (the record as it would be saved). */
export function checkMove(
  entity: EntityModel,
  validators: EntityValidators,
  record: Record<string, unknown>,
  from: string,
  to: string,
  locale: string,
  /** A change of pipeline: the gate of the stage left belongs to the pipeline left behind. */
  switching = false,
): MoveCheck {
  const workflow = entity.workflow!;
  const source = stageOf(workflow, from)!;
  const target = stageOf(workflow, to)!;
  const missing = [
    ...(!switching && isForward(workflow, from, to) ? unmet(validators.gates[from], record, entity, locale, source, 'Leave') : []),
    ...unmet(validators.entries[to], record, entity, locale, target, 'Enter'),
  ];
  const approvalRules = workflow.approvals
    .map((rule, index) => ({ rule, index }))
    .filter(
      ({ rule, index }) =>
        (rule.from.includes(from) || rule.from.includes('*')) && rule.to === to && (validators.approvals[index]?.(record) ?? true),
    )
    .map(({ index }) => index);
  return {
    to,
    label: labelOf(target.label, locale),
    allowed: missing.length === 0,
    missing,
    approvalRules,
    approvalRoles: [...new Set(approvalRules.map((i) => workflow.approvals[i].role))],
  };
}

export function missingAsErrors(missing: MissingItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of missing) errors[item.field] ??= item.message;
  return errors;
}
