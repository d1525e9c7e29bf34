import type { FieldModel } from '@ra-sales/schema';
import { renameColumnSql, renameStageSql, retireStageSql } from './carrySql.js';
import { castExpression, isLosslessChange, type ColumnType } from './columnTypes.js';
import type { ColumnShape, IndexShape, TableShape } from './shape.js';
import { quoteIdent, quoteLiteral } from './sql.js';

/** What a conversion of stored values needs to know of the field as declared now. */
export type ConformedField = Pick<FieldModel, 'name' | 'schema' | 'required' | 'migrate' | 'default'>;

/** One change to the database. `destructive` steps may lose data and are checked before they run. */
export type MigrationStep =
  | { kind: 'create_table'; table: string; columns: ColumnShape[]; primaryKey?: string[]; system: boolean; destructive: false }
  | { kind: 'drop_table'; table: string; columns: ColumnShape[]; primaryKey?: string[]; destructive: true }
  | { kind: 'add_column'; table: string; column: ColumnShape; destructive: false }
  | { kind: 'drop_column'; table: string; column: ColumnShape; destructive: true }
  | { kind: 'change_type'; table: string; column: string; from: ColumnType; to: ColumnType; destructive: boolean }
  | { kind: 'create_index'; index: IndexShape; destructive: false }
  | { kind: 'drop_index'; index: IndexShape; destructive: false }
  | { kind: 'add_stage'; table: string; field: string; stage: string; destructive: false }
  | {
      kind: 'remove_stage';
      table: string;
      field: string;
      stage: string;
      /** Where records in the removed stage would go: the workflow's initial stage (only when it holds none). */
      fallback: string;
      destructive: true;
    }
  | { kind: 'rename_column'; table: string; from: string; to: string; destructive: false }
  | { kind: 'rename_stage'; table: string; field: string; from: string; to: string; destructive: false }
  | {
      kind: 'retire_stage';
      table: string;
      field: string;
      stage: string;
      into: string;
      /** The workflow's probability field and the probability of `into`, set on the records moved. */
      probability?: { field: string; value: number };
      destructive: false;
    }
  | {
      kind: 'conform_values';
      table: string;
      column: string;
      type: ColumnType;
      field: ConformedField;
      /** Whether the field is new: every stored record is then empty in it. */
      added: boolean;
      destructive: false;
    };

export type MigrationStepKind = MigrationStep['kind'];

export const step = {
  createTable: (table: TableShape): MigrationStep => ({
    kind: 'create_table',
    table: table.name,
    columns: table.columns,
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    system: !!table.system,
    destructive: false,
  }),
  dropTable: (table: TableShape): MigrationStep => ({
    kind: 'drop_table',
    table: table.name,
    columns: table.columns,
    ...(table.primaryKey ? { primaryKey: table.primaryKey } : {}),
    destructive: true,
  }),
  addColumn: (table: string, column: ColumnShape): MigrationStep => ({ kind: 'add_column', table, column, destructive: false }),
  dropColumn: (table: string, column: ColumnShape): MigrationStep => ({ kind: 'drop_column', table, column, destructive: true }),
  changeType: (table: string, column: string, from: ColumnType, to: ColumnType): MigrationStep => ({
    kind: 'change_type',
    table,
    column,
    from,
    to,
    destructive: !isLosslessChange(from, to),
  }),
  createIndex: (index: IndexShape): MigrationStep => ({ kind: 'create_index', index, destructive: false }),
  dropIndex: (index: IndexShape): MigrationStep => ({ kind: 'drop_index', index, destructive: false }),
  addStage: (table: string, field: string, stage: string): MigrationStep => ({
    kind: 'add_stage',
    table,
    field,
    stage,
    destructive: false,
  }),
  renameColumn: (table: string, from: string, to: string): MigrationStep => ({
    kind: 'rename_column',
    table,
    from,
    to,
    destructive: false,
  }),
  renameStage: (table: string, field: string, from: string, to: string): MigrationStep => ({
    kind: 'rename_stage',
    table,
    field,
    from,
    to,
    destructive: false,
  }),
  retireStage: (
    table: string,
    field: string,
    stage: string,
    into: string,
    probability?: { field: string; value: number },
  ): MigrationStep => ({ kind: 'retire_stage', table, field, stage, into, ...(probability ? { probability } : {}), destructive: false }),
  conformValues: (table: string, column: string, type: ColumnType, field: ConformedField, added: boolean): MigrationStep => ({
    kind: 'conform_values',
    table,
    column,
    type,
    field,
    added,
    destructive: false,
  }),
  removeStage: (table: string, field: string, stage: string, fallback: string): MigrationStep => ({
    kind: 'remove_stage',
    table,
    field,
    stage,
    fallback,
    destructive: true,
  }),
};

/** One line saying what a step does, e.g. `add column opportunities.bid_strategy text`. */
export function describeStep(s: MigrationStep): string {
  switch (s.kind) {
    case 'create_table':
      return `create ${s.system ? 'system ' : ''}table ${s.table}`;
    case 'drop_table':
      return `drop table ${s.table}`;
    case 'add_column':
      return `add column ${s.table}.${s.column.name} ${s.column.type}`;
    case 'drop_column':
      return `drop column ${s.table}.${s.column.name}`;
    case 'change_type':
      return `change type of ${s.table}.${s.column} from ${s.from} to ${s.to}`;
    case 'create_index': {
      const columns = s.index.columns.map((c) => (s.index.nullsFirst?.includes(c) ? `${c} nulls first` : c)).join(', ');
      if (s.index.unique) return `create unique index ${s.index.name} on ${s.index.table} (${columns}) where every column has a value`;
      const include = s.index.include?.length ? ` carrying ${s.index.include.join(', ')}` : '';
      const only = s.index.only ? ` for ${s.index.only.column} ${s.index.only.values.join(' or ')}` : '';
      return `create index ${s.index.name} on ${s.index.table} (${columns})${include}${only}`;
    }
    case 'drop_index':
      return `drop index ${s.index.name}`;
    case 'add_stage':
      return `add stage "${s.stage}" to ${s.table}.${s.field}`;
    case 'remove_stage':
      return `remove stage "${s.stage}" from ${s.table}.${s.field}`;
    case 'rename_column':
      return `rename column ${s.table}.${s.from} to ${s.to}`;
    case 'rename_stage':
      return `rename stage "${s.from}" of ${s.table}.${s.field} to "${s.to}"`;
    case 'retire_stage':
      return `retire stage "${s.stage}" of ${s.table}.${s.field}: its records move to "${s.into}"`;
    case 'conform_values':
      return `check the stored values of ${s.table}.${s.column} against its ${s.added ? 'definition (a new required field)' : 'new definition'}`;
  }
}

export function columnDefinition(column: ColumnShape): string {
  const parts = [quoteIdent(column.name), column.type];
  if (column.identity) parts.push('GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY');
  if (column.notNull) parts.push('NOT NULL');
  if (column.default !== undefined) parts.push(`DEFAULT ${column.default}`);
  if (column.check) parts.push(`CHECK (${column.check})`);
  return parts.join(' ');
}

function createTableSql(table: string, columns: ColumnShape[], primaryKey?: string[]): string {
  const lines = columns.map(columnDefinition);
  if (primaryKey) lines.push(`PRIMARY KEY (${primaryKey.map(quoteIdent).join(', ')})`);
  return `CREATE TABLE ${quoteIdent(table)} (\n${lines.map((line) => `  ${line}`).join(',\n')}\n)`;
}

/** The rows a unique index covers: those where every column of the set holds a value. */
export function uniqueIndexCondition(index: IndexShape): string {
  return index.columns.map((column) => `${quoteIdent(column)} IS NOT NULL`).join(' AND ');
}

function createIndexSql(index: IndexShape): string {
  const column = (name: string) => (index.nullsFirst?.includes(name) ? `${quoteIdent(name)} NULLS FIRST` : quoteIdent(name));
  const columns = `${quoteIdent(index.table)} (${index.columns.map(column).join(', ')})`;
  if (index.unique) return `CREATE UNIQUE INDEX ${quoteIdent(index.name)} ON ${columns} WHERE ${uniqueIndexCondition(index)}`;
  const include = index.include?.length ? ` INCLUDE (${index.include.map(quoteIdent).join(', ')})` : '';
  const only = index.only ? ` WHERE ${quoteIdent(index.only.column)} IN (${index.only.values.map(quoteLiteral).join(', ')})` : '';
  return `CREATE INDEX ${quoteIdent(index.name)} ON ${columns}${include}${only}`;
}

function moveStageSql(table: string, field: string, from: string, to: string): string {
  return (
    `UPDATE ${quoteIdent(table)} SET ${quoteIdent(field)} = ${quoteLiteral(to)}, ` +
    `version = version + 1, updated_at = now() WHERE ${quoteIdent(field)} = ${quoteLiteral(from)}`
  );
}

/** The SQL statements of a step, forward (`up`) and backward (`down`). Stage additions need none. */
export function stepSql(s: MigrationStep): { up: string[]; down: string[] } {
  const table = 'table' in s ? quoteIdent(s.table) : '';
  switch (s.kind) {
    case 'create_table':
      return { up: [createTableSql(s.table, s.columns, s.primaryKey)], down: [`DROP TABLE ${table}`] };
    case 'drop_table':
      return { up: [`DROP TABLE ${table}`], down: [createTableSql(s.table, s.columns, s.primaryKey)] };
    case 'add_column':
      return {
        up: [`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(s.column)}`, ...(s.column.fill ? [s.column.fill] : [])],
        down: [`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(s.column.name)}`],
      };
    case 'drop_column':
      return {
        up: [`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(s.column.name)}`],
        down: [`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(s.column)}`],
      };
    case 'change_type': {
      const alter = (from: ColumnType, to: ColumnType) =>
        `ALTER TABLE ${table} ALTER COLUMN ${quoteIdent(s.column)} TYPE ${to} USING ${castExpression(s.column, from, to)}`;
      return { up: [alter(s.from, s.to)], down: [alter(s.to, s.from)] };
    }
    case 'create_index':
      return { up: [createIndexSql(s.index)], down: [`DROP INDEX IF EXISTS ${quoteIdent(s.index.name)}`] };
    case 'drop_index':
      return { up: [`DROP INDEX IF EXISTS ${quoteIdent(s.index.name)}`], down: [createIndexSql(s.index)] };
    case 'add_stage':
      return { up: [], down: [] };
    case 'remove_stage':
      return { up: [moveStageSql(s.table, s.field, s.stage, s.fallback)], down: [] };
    case 'rename_column':
      return { up: renameColumnSql(s.table, s.from, s.to), down: renameColumnSql(s.table, s.to, s.from) };
    case 'rename_stage':
      return { up: renameStageSql(s.table, s.field, s.from, s.to), down: renameStageSql(s.table, s.field, s.to, s.from) };
    case 'retire_stage':
      return { up: retireStageSql(s), down: [] };
    case 'conform_values':
      // Its statements depend on the values stored: conformValues.ts reads them and writes the conversions.
      return { up: [], down: [] };
  }
}
