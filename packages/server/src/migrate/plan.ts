import type { EntityModel, SalesModel } from '@ra-sales/schema';
import { columnTypeOf } from './columnTypes.js';
import {
  ADDED_ENTITY_COLUMNS,
  BASE_COLUMN_NAMES,
  type ColumnShape,
  entityTableShapes,
  type TableShape,
  type WorkflowShape,
} from './shape.js';
import { canonicalJson } from './sql.js';
import { step, type MigrationStep } from './steps.js';
import { SYSTEM_TABLES } from './systemTables.js';

/** Order in which steps run: creations first, then changes, then removals. */
const STEP_ORDER: MigrationStep['kind'][] = [
  'create_table',
  'rename_column',
  'add_column',
  'change_type',
  'add_stage',
  'rename_stage',
  'retire_stage',
  'remove_stage',
  'conform_values',
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
  const previousEntities = new Map(Object.values(previous?.entities ?? {}).map((entity) => [entity.resource, entity]));
  for (const [name, table] of after) {
    const old = before.get(name);
    steps.push(...(old ? diffTable(old, table) : createTableWithIndexes(table)));
    const was = previousEntities.get(name);
    if (old && was) steps.push(...conformSteps(was, next.entities[entityName(next, name)]!));
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

const entityName = (model: SalesModel, resource: string) =>
  Object.keys(model.entities).find((name) => model.entities[name]!.resource === resource)!;

/** The old column a column continues: the one of its name, else one of its former names no longer in use. */
function formerColumn(column: ColumnShape, oldColumns: Map<string, ColumnShape>, nextColumns: Map<string, ColumnShape>) {
  const same = oldColumns.get(column.name);
  if (same) return { was: same, renamed: false };
  const former = column.formerNames?.find((name) => oldColumns.has(name) && !nextColumns.has(name));
  return former ? { was: oldColumns.get(former)!, renamed: true } : undefined;
}

function diffTable(old: TableShape, next: TableShape): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const oldColumns = new Map(old.columns.map((column) => [column.name, column]));
  const nextColumns = new Map(next.columns.map((column) => [column.name, column]));
  const carried = new Set<string>();
  for (const column of next.columns) {
    const former = formerColumn(column, oldColumns, nextColumns);
    if (!former) {
      steps.push(step.addColumn(next.name, column));
      continue;
    }
    carried.add(former.was.name);
    if (former.renamed) steps.push(step.renameColumn(next.name, former.was.name, column.name));
    if (former.was.type !== column.type) steps.push(step.changeType(next.name, column.name, former.was.type, column.type));
  }
  for (const column of old.columns) if (!carried.has(column.name)) steps.push(step.dropColumn(old.name, column));

  const indexKey = (index: TableShape['indexes'][number]) =>
    `${index.unique ? 'unique ' : ''}${index.name}(${index.columns.join(',')})${index.nullsFirst ? ` nulls first ${index.nullsFirst.join(',')}` : ''}` +
    `${index.include?.length ? ` include ${index.include.join(',')}` : ''}${index.only ? ` where ${index.only.column} in ${index.only.values.join(',')}` : ''}`;
  const oldIndexes = new Set(old.indexes.map(indexKey));
  const nextIndexes = new Set(next.indexes.map(indexKey));
  for (const index of old.indexes) if (!nextIndexes.has(indexKey(index))) steps.push(step.dropIndex(index));
  for (const index of next.indexes) if (!oldIndexes.has(indexKey(index))) steps.push(step.createIndex(index));

  const sameWorkflowColumn = old.workflow && next.workflow && old.workflow.field === next.workflow.field;
  if (sameWorkflowColumn) steps.push(...diffStages(next.name, old.workflow!, next.workflow!));
  return steps;
}

/** New stages are added or continue a former one (renamed); stages gone are retired into another or removed. */
function diffStages(table: string, old: WorkflowShape, next: WorkflowShape): MigrationStep[] {
  const steps: MigrationStep[] = [];
  const renamedFrom = new Map<string, string>();
  for (const stage of next.stages) {
    if (old.stages.includes(stage)) continue;
    const former = Object.entries(next.renamed ?? {}).find(
      ([from, to]) => to === stage && old.stages.includes(from) && !next.stages.includes(from),
    );
    if (former) {
      renamedFrom.set(former[0], stage);
      steps.push(step.renameStage(table, next.field, former[0], stage));
    } else steps.push(step.addStage(table, next.field, stage));
  }
  for (const stage of old.stages) {
    if (next.stages.includes(stage) || renamedFrom.has(stage)) continue;
    const into = next.retired?.[stage];
    const probability = into !== undefined ? next.probability?.byStage[into] : undefined;
    if (into) {
      const set = probability === undefined ? undefined : { field: next.probability!.field, value: probability };
      steps.push(step.retireStage(table, next.field, stage, into, set));
    } else steps.push(step.removeStage(table, next.field, stage, next.initial));
  }
  return steps;
}

/**
 * A field whose definition changed in a way that can matter to stored values (its JSON Schema, or
 * required now) gets its values checked; so does a new required field, empty in every record.
 * The stage field follows its stages; computed fields are recomputed after the migration.
 */
function conformSteps(was: EntityModel, next: EntityModel): MigrationStep[] {
  const stageField = next.workflow?.field;
  const steps: MigrationStep[] = [];
  for (const field of next.fields) {
    if (field.name === stageField || field.computed !== undefined || BASE_COLUMN_NAMES.has(field.name)) continue;
    const old = was.fields.find((f) => f.name === field.name) ?? was.fields.find((f) => field.formerNames?.includes(f.name));
    const tightened = old ? canonicalJson(old.schema) !== canonicalJson(field.schema) || (!old.required && field.required) : field.required;
    if (!tightened) continue;
    const { name, schema, required, migrate } = field;
    const conformed = {
      name,
      schema,
      required,
      ...(migrate ? { migrate } : {}),
      ...(field.default !== undefined ? { default: field.default } : {}),
    };
    steps.push(step.conformValues(next.resource, field.name, columnTypeOf(field), conformed, !old));
  }
  return steps;
}

function sortSteps(steps: MigrationStep[]): MigrationStep[] {
  return steps
    .map((s, position) => ({ s, position }))
    .sort((a, b) => STEP_ORDER.indexOf(a.s.kind) - STEP_ORDER.indexOf(b.s.kind) || a.position - b.position)
    .map(({ s }) => s);
}
