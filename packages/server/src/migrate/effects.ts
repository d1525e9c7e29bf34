/**
 * Each step run with its effect on the data stored measured: what it changes or moves, what it
 * loses, or why it cannot run as declared. The plan a reviewer reads is these effects.
 */
import type { Knex } from 'knex';
import type { ColumnType } from './columnTypes.js';
import { describeConformance, measureConformance, writeConversions } from './conformValues.js';
import { findDuplicates, type Duplicates } from './duplicates.js';
import { escapeRawSql, formatCount, quoteIdent, quoteLiteral } from './sql.js';
import { describeStep, stepSql, type MigrationStep } from './steps.js';

export interface StepEffect {
  step: MigrationStep;
  /** What the step does to the data stored, in words; empty when it touches none. */
  text: string;
  /** Values the step loses: it needs consent in the reviewed plan. */
  lost: number;
  /** Whether the step changes stored data, so that it runs only as a reviewed plan says. */
  review: boolean;
  /** Why the step cannot run as the schema declares it; nothing is applied while one is. */
  blocked?: string;
  /** The values a unique set would cover several times. */
  duplicates?: Duplicates;
}

/** The step and what it did to the stored data: `rename column customers.address to office_address: 12 values keep …`. */
export const describeEffect = (effect: StepEffect): string => `${describeStep(effect.step)}${effect.text ? `: ${effect.text}` : ''}`;

/** A value that carries information: not NULL, not an empty string, not an empty document. */
function nonEmptyCondition(column: string, type: ColumnType): string {
  const col = quoteIdent(column);
  if (type === 'text') return `${col} IS NOT NULL AND ${col} <> ''`;
  if (type === 'jsonb') return `${col} IS NOT NULL AND ${col} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)`;
  return `${col} IS NOT NULL`;
}

async function count(db: Knex, table: string, condition?: string): Promise<number> {
  const where = condition ? ` WHERE ${condition}` : '';
  const result = await db.raw(escapeRawSql(`SELECT count(*) AS count FROM ${quoteIdent(table)}${where}`));
  return Number(result.rows[0].count);
}

async function run(db: Knex, s: MigrationStep): Promise<number[]> {
  const counts: number[] = [];
  for (const sql of stepSql(s).up) counts.push(Number((await db.raw(escapeRawSql(sql))).rowCount ?? 0));
  return counts;
}

const none = (s: MigrationStep): StepEffect => ({ step: s, text: '', lost: 0, review: false });
const n = formatCount;

/** Runs one step inside the migration's transaction and says what it did to the data. */
export async function runStep(db: Knex, s: MigrationStep): Promise<StepEffect> {
  switch (s.kind) {
    case 'create_index': {
      const duplicates = s.index.unique ? await findDuplicates(db, s.index) : null;
      if (duplicates) return { ...none(s), blocked: duplicates.message, duplicates };
      await run(db, s);
      return none(s);
    }
    case 'add_column': {
      const [, filled = 0] = await run(db, s);
      return { ...none(s), text: filled ? `${n(filled)} stored records get the field's default` : '' };
    }
    case 'drop_column': {
      const lost = await count(db, s.table, nonEmptyCondition(s.column.name, s.column.type));
      await run(db, s);
      return { step: s, text: lost ? `${n(lost)} non-empty values are lost` : '', lost, review: lost > 0 };
    }
    case 'drop_table': {
      const lost = await count(db, s.table);
      await run(db, s);
      return { step: s, text: lost ? `${n(lost)} records are lost` : '', lost, review: lost > 0 };
    }
    case 'change_type': {
      const before = await count(db, s.table, nonEmptyCondition(s.column, s.from));
      await run(db, s);
      const emptied = before - (await count(db, s.table, nonEmptyCondition(s.column, s.to)));
      if (!before) return none(s);
      const text = `${n(before)} values converted from ${s.from} to ${s.to}${emptied ? `; ${n(emptied)} could not be and are emptied` : ''}`;
      return { step: s, text, lost: s.destructive ? before : emptied, review: true };
    }
    case 'remove_stage': {
      const records = await count(db, s.table, `${quoteIdent(s.field)} = ${quoteLiteral(s.stage)}`);
      if (records) {
        const blocked =
          `${n(records)} records are in stage "${s.stage}", which is no longer declared: say where they go with ` +
          `"retired_stages": [{ "id": "${s.stage}", "into": "<a stage>" }] in x-workflow, or rename a stage with "renamed_from": "${s.stage}"`;
        return { ...none(s), text: `${n(records)} records are in the stage`, blocked };
      }
      await run(db, s);
      return none(s);
    }
    case 'rename_column': {
      const values = await count(db, s.table, `${quoteIdent(s.from)} IS NOT NULL`);
      const [, audit = 0, approvals = 0] = await run(db, s);
      const text =
        values + audit + approvals
          ? `${n(values)} values keep their data under the new name; ${n(audit)} audit entries and ${n(approvals)} approvals follow`
          : '';
      return { step: s, text, lost: 0, review: values + audit + approvals > 0 };
    }
    case 'rename_stage': {
      const [records = 0, history = 0, approvals = 0, audit = 0] = await run(db, s);
      const moved = records + history + approvals + audit;
      const text = moved
        ? `${n(records)} records, ${n(history)} history rows, ${n(approvals)} approvals and ${n(audit)} audit entries follow the new id`
        : '';
      return { step: s, text, lost: 0, review: moved > 0 };
    }
    case 'retire_stage': {
      const [records = 0, , cancelled = 0] = await run(db, s);
      const text =
        records + cancelled
          ? `${n(records)} records move to "${s.into}", each with a history row${cancelled ? `; ${n(cancelled)} pending approvals are cancelled` : ''}`
          : '';
      return { step: s, text, lost: 0, review: records + cancelled > 0 };
    }
    case 'conform_values': {
      const conformance = await measureConformance(db, s.table, s.column, s.field);
      if (!conformance.invalid) return none(s);
      const text = describeConformance(conformance);
      if (conformance.unresolvedCount) {
        const blocked = `${text}; declare their conversion with "x-migrate" on the field ("map" and/or "otherwise")`;
        return { ...none(s), text, blocked };
      }
      await writeConversions(db, s.table, s.column, s.type, conformance);
      const emptied = conformance.conversions.filter((c) => c.emptied).reduce((sum, c) => sum + c.ids.length, 0);
      return { step: s, text, lost: emptied, review: true };
    }
    default:
      await run(db, s);
      return none(s);
  }
}
