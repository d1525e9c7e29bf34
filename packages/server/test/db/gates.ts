/** Checks demo rows against the workflow: the gates before their stage and their stage's entry. */
import { createAjv, workflowOfRecord, type SalesModel } from '@ra-sales/schema';

type Row = Record<string, unknown>;

function withoutNulls(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined));
}

/** Rows breaking a gate of a stage before their own, or their stage's entry. */
export function gateViolations(model: SalesModel, resource: string, rows: Row[]): string[] {
  const whole = model.entities[resource].workflow!;
  const ajv = createAjv({ strict: false });
  const violations: string[] = [];
  for (const row of rows) {
    // Stage orders compare within the record's own pipeline.
    const workflow = workflowOfRecord(whole, row);
    const stage = workflow.stages.find((s) => s.id === row[workflow.field]);
    if (!stage) {
      violations.push(`${resource} ${row.id}: unknown stage ${String(row[workflow.field])}`);
      continue;
    }
    const earlier = workflow.stages.filter((s) => s.kind === 'open' && (stage.kind === 'won' ? true : s.order < stage.order));
    const schemas = [...(stage.kind === 'lost' ? [] : earlier.map((s) => s.gate)), stage.entry].filter(Boolean);
    for (const schema of schemas) {
      const validate = ajv.compile(schema!);
      if (!validate(withoutNulls(row))) violations.push(`${resource} ${row.id} (${stage.id}): ${ajv.errorsText(validate.errors)}`);
    }
  }
  return violations;
}
