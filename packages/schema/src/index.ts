export * from './model.js';
export * from './validators.js';
export { loadModel, type LoadOptions, type LoadResult } from './load/loadModel.js';
export { type SchemaError, formatSchemaErrors } from './load/errors.js';
export { compileValidators, createAjv, withoutNulls, dropNulls } from './compile/compileValidators.js';
export { validatorSchemas, type EntityValidatorSchemas } from './compile/validatorSchemas.js';
export { AJV_OPTIONS } from './compile/ajvOptions.js';
export { recordSchema, stripExtensions } from './load/recordSchema.js';
export { labelOf } from './labels.js';
