import type { JsonSchema, SalesModel } from '../model.js';

export interface EntityValidatorSchemas {
  record: JsonSchema;
  gates: Record<string, JsonSchema>;
  entries: Record<string, JsonSchema>;
  approvals: JsonSchema[];
}

/** Every schema a validator is compiled from, per resource: the record, and each gate, entry and approval condition. */
export function validatorSchemas(model: SalesModel): Record<string, EntityValidatorSchemas> {
  const out: Record<string, EntityValidatorSchemas> = {};
  for (const entity of Object.values(model.entities)) {
    const workflow = entity.workflow;
    const gates: Record<string, JsonSchema> = {};
    const entries: Record<string, JsonSchema> = {};
    for (const stage of workflow?.stages ?? []) {
      if (stage.gate) gates[stage.id] = condition(stage.gate);
      if (stage.entry) entries[stage.id] = condition(stage.entry);
    }
    out[entity.resource] = {
      record: entity.schema,
      gates,
      entries,
      approvals: (workflow?.approvals ?? []).map((a) => condition(a.when ?? {})),
    };
  }
  return out;
}

/** A condition is checked against a whole record: it allows every other field. */
function condition(schema: JsonSchema): JsonSchema {
  return { type: 'object', ...schema };
}
