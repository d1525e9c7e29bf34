import type { EntityModel, JsonSchema, SalesModel } from '../model.js';

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
      if (stage.gate) gates[stage.id] = condition(stage.gate, entity);
      if (stage.entry) entries[stage.id] = condition(stage.entry, entity);
    }
    out[entity.resource] = {
      record: entity.schema,
      gates,
      entries,
      approvals: (workflow?.approvals ?? []).map((a) => condition(a.when ?? {}, entity)),
    };
  }
  return out;
}

/**
 * A condition is checked against a whole record, so it allows every other field; each field it
 * constrains keeps the field's own type (a gate's `exclusiveMinimum` applies to a number).
 */
function condition(schema: JsonSchema, entity: EntityModel): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, constraint] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
    const field = entity.fields.find((f) => f.name === name);
    properties[name] = field?.schema.type !== undefined ? { type: field.schema.type, ...constraint } : constraint;
  }
  return { type: 'object', ...schema, ...(schema.properties ? { properties } : {}) };
}
