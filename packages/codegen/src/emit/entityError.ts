import type { EntityModel, SchemaError } from '@ra-sales/schema';

/**
 * A schema the loader accepted but a compiler refused (an invalid regular expression in a
 * `pattern`, say): reported like any other schema error, against the entity's file.
 */
export class EntitySchemaError extends Error {
  readonly schemaError: SchemaError;

  constructor(entity: EntityModel, cause: unknown) {
    const message = `is not a valid JSON Schema: ${(cause as Error).message.replace(/^strict mode: /, '')}`;
    super(message);
    this.schemaError = { file: entity.source, pointer: '', message };
  }
}
