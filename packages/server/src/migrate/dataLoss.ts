import type { Knex } from 'knex';
import type { ColumnType } from './columnTypes.js';
import type { MigrationStep } from './steps.js';
import { formatCount, quoteIdent } from './sql.js';

/** What a destructive step would lose in the current data. */
export interface DataLoss {
  step: MigrationStep;
  /** Rows, values or records affected. */
  count: number;
  message: string;
}

/** A value that carries information: not NULL, not an empty string, not an empty document. */
function nonEmptyCondition(column: string, type: ColumnType): string {
  const col = quoteIdent(column);
  if (type === 'text') return `${col} IS NOT NULL AND ${col} <> ''`;
  if (type === 'jsonb') return `${col} IS NOT NULL AND ${col} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)`;
  return `${col} IS NOT NULL`;
}

async function count(db: Knex, table: string, condition?: string): Promise<number> {
  const where = condition ? ` WHERE ${condition}` : '';
  const result = await db.raw(`SELECT count(*) AS count FROM ${quoteIdent(table)}${where}`);
  return Number(result.rows[0].count);
}

async function tableExists(db: Knex, table: string): Promise<boolean> {
  const result = await db.raw('SELECT to_regclass(?) AS oid', [quoteIdent(table)]);
  return result.rows[0].oid !== null;
}

/** Measures the data a destructive step would lose; null when it loses nothing. */
export async function measureDataLoss(db: Knex, s: MigrationStep): Promise<DataLoss | null> {
  if (!s.destructive || !('table' in s) || !(await tableExists(db, s.table))) return null;
  const loss = (n: number, message: string): DataLoss | null => (n > 0 ? { step: s, count: n, message } : null);
  switch (s.kind) {
    case 'drop_table': {
      const n = await count(db, s.table);
      return loss(n, `${s.table} holds ${formatCount(n)} rows; dropping the table loses them. Re-run with allowDestructive to drop it.`);
    }
    case 'drop_column': {
      const n = await count(db, s.table, nonEmptyCondition(s.column.name, s.column.type));
      return loss(
        n,
        `${s.table}.${s.column.name} holds ${formatCount(n)} non-empty values; dropping it loses them. Re-run with allowDestructive to drop it.`,
      );
    }
    case 'change_type': {
      const n = await count(db, s.table, nonEmptyCondition(s.column, s.from));
      return loss(
        n,
        `${s.table}.${s.column} holds ${formatCount(n)} non-empty values; changing it from ${s.from} to ${s.to} may alter or lose them ` +
          `(values that do not convert become empty). Re-run with allowDestructive to change it.`,
      );
    }
    case 'remove_stage': {
      const n = await count(db, s.table, `${quoteIdent(s.field)} = '${s.stage.replace(/'/g, "''")}'`);
      return loss(
        n,
        `${s.table} has ${formatCount(n)} records in stage "${s.stage}"; removing the stage moves them to "${s.fallback}" and loses their stage. ` +
          `Re-run with allowDestructive to remove it.`,
      );
    }
    default:
      return null;
  }
}

export class DestructiveMigrationError extends Error {
  readonly losses: DataLoss[];

  constructor(losses: DataLoss[]) {
    super(`The migration was not applied; it would lose data:\n${losses.map((loss) => `- ${loss.message}`).join('\n')}`);
    this.name = 'DestructiveMigrationError';
    this.losses = losses;
  }
}
