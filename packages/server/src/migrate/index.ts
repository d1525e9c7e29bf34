export { planMigration } from './plan.js';
export { applyMigrations, readSchemaSnapshot, type ApplyOptions, type ApplyResult } from './apply.js';
export { renderMigration, writeMigrationFile, migrationSlug, type RenderOptions, type WriteMigrationOptions } from './render.js';
export { makeMigration, readLatestMigratedModel, MODEL_SUFFIX, type MakeMigrationResult } from './makeMigration.js';
export { DestructiveMigrationError, measureDataLoss, type DataLoss } from './dataLoss.js';
export { describeStep, stepSql, type MigrationStep, type MigrationStepKind } from './steps.js';
export { columnTypeOf, isLosslessChange, type ColumnType } from './columnTypes.js';
export { entityTableShape, entityTableShapes, indexName, type TableShape, type ColumnShape, type IndexShape } from './shape.js';
export { SYSTEM_TABLES, SNAPSHOT_TABLE } from './systemTables.js';
