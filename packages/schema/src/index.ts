export * from './model.js';
export * from './validators.js';
export { loadModel, type LoadOptions, type LoadResult } from './load/loadModel.js';
export { type SchemaError, formatSchemaErrors } from './load/errors.js';
export { compileValidators } from './compile/compileValidators.js';
export { labelOf } from './labels.js';
