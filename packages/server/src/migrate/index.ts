export { planMigration, type PlanOptions } from './plan.js';
export { applyMigrations, planMigrations, readSchemaSnapshot, type ApplyOptions, type ApplyResult } from './apply.js';
export { describeEffect, runStep, type StepEffect } from './effects.js';
export {
  migrationPlanJson,
  readMigrationPlan,
  reviewProblem,
  needsReview,
  toReviewedPlan,
  type MigrationPlan,
  type ReviewedPlan,
} from './planFile.js';
export { MigrationBlockedError, MigrationNeedsReviewError } from './refusals.js';
export { DuplicateValuesError, findDuplicates, type Duplicates } from './duplicates.js';
export { describeStep, stepSql, type MigrationStep, type MigrationStepKind } from './steps.js';
export { columnTypeOf, isLosslessChange, type ColumnType } from './columnTypes.js';
export {
  entityTableShape,
  entityTableShapes,
  indexName,
  uniqueIndexName,
  type TableShape,
  type ColumnShape,
  type IndexShape,
} from './shape.js';
export { SYSTEM_TABLES, SNAPSHOT_TABLE, SEQUENCES_TABLE } from './systemTables.js';
export { createSearchIndexes } from './searchIndexes.js';
export { stageTotalsDefinitions, stageTotalsTable, type StageTotalsDefinition } from './stageTotals.js';
export { WON_TOTALS_COLUMNS, wonTotalsDefinition, type WonTotalsDefinition } from './wonTotals.js';
