import type { SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { quoteIdent } from '../migrate/sql.js';
import { buildDemoData, type DemoOptions } from './demoData.js';
import { demoHistory } from './history.js';
import { stageEnteredColumn } from '../migrate/shape.js';
import { insertRows, rowCount, syncIdentity } from './insert.js';
import { finishRuleValues } from './ruleValues.js';

export interface SeedDemoOptions extends DemoOptions {
  /** Empty the entity tables (and the history, approvals and audit) first. */
  reset?: boolean;
}

export interface SeedSummary {
  /** Rows inserted per resource. */
  counts: Record<string, number>;
  /** Records in all. */
  total: number;
  /** Stage moves written to sales_history (the path of each record to its stage). */
  historyRows: number;
  milliseconds: number;
}

const HISTORY_TABLE = 'sales_history';
const SERVER_HISTORY_TABLES = [HISTORY_TABLE, 'sales_approvals', 'sales_audit', 'sales_sequences'];

async function existingTables(db: Knex, tables: string[]): Promise<string[]> {
  const result = await db.raw(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY(?)`, [tables]);
  return result.rows.map((row: { tablename: string }) => row.tablename);
}

/**
 * Fills every entity of `model` with realistic, deterministic demo data (tables must exist:
 * run `applyMigrations` first). Refuses a database that already holds records unless `reset`.
 */
export async function seedDemo(db: Knex, model: SalesModel, options: SeedDemoOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const { rows, order, sequences } = buildDemoData(model, options);
  const counts: Record<string, number> = {};
  let historyRows = 0;
  await db.transaction(async (trx) => {
    if (options.reset) {
      const tables = await existingTables(trx, [...order, ...SERVER_HISTORY_TABLES]);
      if (tables.length) await trx.raw(`TRUNCATE ${tables.map(quoteIdent).join(', ')} RESTART IDENTITY`);
    } else {
      for (const resource of order) {
        if ((await rowCount(trx, resource)) > 0) {
          throw new Error(`${resource} already holds records; seed an empty database or pass reset: true.`);
        }
      }
    }
    for (const resource of order) {
      const entityRows = rows.get(resource) ?? [];
      await insertRows(trx, model.entities[resource], entityRows);
      await syncIdentity(trx, resource);
      counts[resource] = entityRows.length;
    }
    await finishRuleValues(trx, model, rows, sequences);
    // Rows the rules left out (a delivery beyond its order) are not counted.
    for (const resource of order) counts[resource] = rows.get(resource)?.length ?? 0;
    if ((await existingTables(trx, [HISTORY_TABLE])).length) {
      const history = demoHistory(model, rows);
      for (let start = 0; start < history.length; start += 1000) await trx(HISTORY_TABLE).insert(history.slice(start, start + 1000));
      historyRows = history.length;
      // When each record entered its stage, from the history just written (stage time limits read it).
      for (const resource of order) {
        const workflow = model.entities[resource].workflow;
        if (workflow) await trx.raw(stageEnteredColumn(resource, workflow.field).fill!);
      }
    }
  });
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { counts, total, historyRows, milliseconds: Math.round(performance.now() - started) };
}
