import type { SalesModel } from '@ra-sales/schema';
import { ADDED_ENTITY_COLUMNS, entityTableShapes, type TableShape } from './shape.js';
import { step, type MigrationStep } from './steps.js';
import { SYSTEM_TABLES } from './systemTables.js';

/** Order in which steps run: creations first, then changes, then removals. */
const STEP_ORDER: MigrationStep['kind'][] = [
  'create_table',
  'add_column',
  'change_type',
  'add_stage',
  'remove_stage',
  'drop_index',
  'create_index',
  'drop_column',
  'drop_table',
];

export interface PlanOptions {
  /**
   * The columns of each system table an already migrated database has. System tables and
   * columns that ra-sales gained since are then added; without it, they are taken as complete.
   */
  systemColumns?: Map<string, string[]>;
  /**
   * The columns of each entity table an already migrated database has. Server-owned columns
   * ra-sales added to entity tables since (`stage_entered_at`) are then added where missing;
   * without it, they are taken as present.
   */
  entityColumns?: Map<string, string[]>;
}

/**
 * The steps taking a database from `previous` (null: an empty database) to `next`.
 * From nothing, the system tables come first.
 */
export function planMigration(previous: SalesModel | null, next: SalesModel, options: PlanOptions = {}): MigrationStep[] {
  const before = previous ? withoutMissingServerColumns(entityTableShapes(previous), options.entityColumns) : new Map<string, TableShape>();
  const after = entityTableShapes(next);
  const steps: MigrationStep[] = previous ? completeSystemTables(options.systemColumns) : SYSTEM_TABLES.flatMap(createTableWithIndexes);
  for (const [name, table] of after) {
    const old = before.get(name);
    steps.push(...(old ? diffTable(old, table) : createTableWithIndexes(table)));
  }
  for (const [name, table] of before) if (!after.has(name)) steps.push(step.dropTable(table));
  return sortSteps(steps);
}

/** The previous shapes as the database really holds them: server columns added since are not there yet. */
function withoutMissingServerColumns(
  shapes: Map<string, TableShape>,
  existing: Map<string, string[]> | undefined,
): Map<string, TableShape> {
  if (!existing) return shapes;
  for (const table of shapes.values()) {
    const columns = existing.get(table.name);
    if (columns) table.columns = table.columns.filter((column) => !ADDED_ENTITY_COLUMNS.has(column.name) || columns.includes(column.name));
  }
  return shapes;
}

function createTableWithIndexes(table: TableShape): MigrationStep[] {
  return [step.createTable(table), ...table.indexes.map(step.createIndex)];
}

function completeSystemTables(existing: Map<string, string[]> | undefined): MigrationStep[] {
  if (!existing) return [];
  return SYSTEM_TABLES.flatMap((table) => {
    const columns = existing.get(table.name);
    if (!columns) return createTableWithIndexes(table);
    return table.columns.filter((column) => !columns.includes(column.name)).map((column) => step.addColumn(table.name, column));
  });
}

function diffTable(old: TableShape, next: TableShape): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const oldColumns = new Map(old.columns.map((column) => [column.name, column]));
  const nextColumns = new Map(next.columns.map((column) => [column.name, column]));
  for (const column of next.columns) {
    const was = oldColumns.get(column.name);
    if (!was) steps.push(step.addColumn(next.name, column));
    else if (was.type !== column.type) steps.push(step.changeType(next.name, column.name, was.type, column.type));
  }
  for (const column of old.columns) if (!nextColumns.has(column.name)) steps.push(step.dropColumn(old.name, column));

  const indexKey = (index: TableShape['indexes'][number]) =>
    `${index.unique ? 'unique ' : ''}${index.name}(${index.columns.join(',')})${index.nullsFirst ? ` nulls first ${index.nullsFirst.join(',')}` : ''}` +
    `${index.include?.length ? ` include ${index.include.join(',')}` : ''}${index.only ? ` where ${index.only.column} in ${index.only.values.join(',')}` : ''}`;
  const oldIndexes = new Set(old.indexes.map(indexKey));
  const nextIndexes = new Set(next.indexes.map(indexKey));
  for (const index of old.indexes) if (!nextIndexes.has(indexKey(index))) steps.push(step.dropIndex(index));
  for (const index of next.indexes) if (!oldIndexes.has(indexKey(index))) steps.push(step.createIndex(index));

  const sameWorkflowColumn = old.workflow && next.workflow && old.workflow.field === next.workflow.field;
  if (sameWorkflowColumn) {
    const { field, initial, stages } = next.workflow!;
    for (const stage of stages) if (!old.workflow!.stages.includes(stage)) steps.push(step.addStage(next.name, field, stage));
    for (const stage of old.workflow!.stages) {
      if (!stages.includes(stage)) steps.push(step.removeStage(next.name, field, stage, initial));
    }
  }
  return steps;
}

function sortSteps(steps: MigrationStep[]): MigrationStep[] {
  return steps
    .map((s, position) => ({ s, position }))
    .sort((a, b) => STEP_ORDER.indexOf(a.s.kind) - STEP_ORDER.indexOf(b.s.kind) || a.position - b.position)
    .map(({ s }) => s);
}
