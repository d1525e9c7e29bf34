/** What a browser bundle may import: the model's types and pure helpers, nothing that reads files. */
export * from './model.js';
export * from './reports.js';
export * from './validators.js';
export { labelOf } from './labels.js';
export * from './rules/index.js';
export { ICON_NAMES, type IconName } from './icons.js';
