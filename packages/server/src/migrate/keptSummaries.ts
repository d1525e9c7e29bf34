/**
 * The life of the summary tables the database keeps by triggers (stage totals, won sales by day):
 * each carries its definition as its comment; a migration drops, before its steps, those whose
 * definition changed or that the model no longer wants (their triggers name columns a step may
 * rename or drop), and creates, after them, every missing one, filled from the records while the
 * new triggers' locks keep writers out.
 */
import type { EntityModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { entityTableShape } from './shape.js';
import { fitIdentifier, quoteIdent, quoteLiteral } from './sql.js';

/** Every summary table's name starts with one of these. */
export const SUMMARY_PREFIXES = { stageTotals: 'sales_stage_totals__', wonTotals: 'sales_won_totals__' } as const;
const PREFIXES = Object.values(SUMMARY_PREFIXES);

export interface KeptSummary {
  table: string;
  /** The trigger functions it owns, dropped with it. */
  functions: string[];
  /** Stored as the table's comment; a different one means the table is rebuilt. */
  signature: string;
  /** Creates the table, its functions and triggers, then fills it. */
  create: string[];
}

/** The comment of a summary: its definition and the functions to drop with it. */
export function summarySignature(definition: object, functions: string[], version: number): string {
  return JSON.stringify({ version, functions, ...definition });
}

function functionsOf(table: string, signature: string | null): string[] {
  try {
    const functions = signature && JSON.parse(signature).functions;
    if (Array.isArray(functions) && functions.every((f) => typeof f === 'string')) return functions;
  } catch {
    /* a table made before functions were listed: it owns the one named as itself */
  }
  return [table];
}

const dropStatements = (table: string, functions: string[]) => [
  ...functions.map((name) => `DROP FUNCTION IF EXISTS ${quoteIdent(name)}() CASCADE`),
  `DROP TABLE IF EXISTS ${quoteIdent(table)}`,
];

/** Summary tables present, with the signature each was made from. */
async function existingSummaries(db: Knex): Promise<Map<string, string | null>> {
  const result = await db.raw(
    `SELECT c.relname AS name, obj_description(c.oid, 'pg_class') AS signature
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND (${PREFIXES.map(() => 'starts_with(c.relname, ?)').join(' OR ')})`,
    PREFIXES,
  );
  return new Map(result.rows.map((row: { name: string; signature: string | null }) => [row.name, row.signature]));
}

/** Before a migration's steps: drops the summaries not wanted as they are; returns those to create after the steps. */
export async function dropStaleSummaries(db: Knex, wanted: KeptSummary[]): Promise<KeptSummary[]> {
  const existing = await existingSummaries(db);
  const kept = new Set(wanted.filter((s) => existing.get(s.table) === s.signature).map((s) => s.table));
  for (const [table, signature] of existing) {
    if (!kept.has(table)) for (const sql of dropStatements(table, functionsOf(table, signature))) await db.raw(sql);
  }
  return wanted.filter((s) => !kept.has(s.table));
}

/** After a migration's steps: creates the missing summaries, their triggers, and fills them from the records. */
export async function createSummaries(db: Knex, missing: KeptSummary[]): Promise<void> {
  for (const summary of missing) {
    // A table dropped by hand to rebuild it (docs/server.md) leaves its functions and triggers behind.
    for (const sql of dropStatements(summary.table, summary.functions)) await db.raw(sql);
    for (const sql of summary.create) await db.raw(sql);
  }
}

/** `compute` worked out once per object (an entity, a model): the reports ask for a definition on every request. */
export function oncePer<K extends object, V>(compute: (key: K) => V | undefined): (key: K) => V | undefined {
  const known = new WeakMap<K, V | null>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = compute(key) ?? null));
    return value ?? undefined;
  };
}

/** The entity table's columns and their SQL types. */
export const columnTypesOf = (entity: EntityModel) =>
  new Map(entityTableShape(entity).columns.map((column) => [column.name, column.type as string]));

export const commentOn = (table: string, signature: string) => `COMMENT ON TABLE ${quoteIdent(table)} IS ${quoteLiteral(signature)}`;

// ---------------------------------------------------------------------------------------------
// The table, its additions and its triggers

/**
 * Why rows per connection slot (`_slot`, the backend's pid modulo 16) rather than one row per
 * key: concurrent writers on the same key (a rep's own creates, an import next to the screens)
 * would otherwise queue on one row until each commits; with slots they add to different rows, and
 * the reports sum them.
 */
export const SLOT_COLUMN = '_slot';
const SLOTS = 16;

export interface SummaryShape {
  table: string;
  /** What the rows are kept by (NULL is a key value like any other). */
  keys: { name: string; type: string }[];
  /** What is added up, all `numeric` or `bigint`. */
  values: { name: string; type: string }[];
}

const names = (columns: { name: string }[]) => columns.map((column) => quoteIdent(column.name)).join(', ');
const keyConstraint = (shape: SummaryShape) => fitIdentifier(`${shape.table}_key`);

export function summaryTableSql(shape: SummaryShape): string {
  const columns = [...shape.keys, { name: SLOT_COLUMN, type: 'smallint' }, ...shape.values].map(
    (column) => `${quoteIdent(column.name)} ${column.type}${shape.keys.includes(column) ? '' : ' NOT NULL'}`,
  );
  return `CREATE TABLE ${quoteIdent(shape.table)} (${columns.join(', ')},
    CONSTRAINT ${quoteIdent(keyConstraint(shape))} UNIQUE NULLS NOT DISTINCT (${names(shape.keys)}, ${SLOT_COLUMN}))`;
}

/**
 * Adds the net change of `changes` (rows of the keys and values under their column names, negative
 * for what leaves) to the caller's slot, in key order so that concurrent writers lock alike.
 */
export function addToSummarySql(shape: SummaryShape, changes: string): string {
  const keys = names(shape.keys);
  const values = shape.values.map((value) => quoteIdent(value.name));
  return `INSERT INTO ${quoteIdent(shape.table)} AS t (${keys}, ${SLOT_COLUMN}, ${values.join(', ')})
    SELECT ${keys}, pg_backend_pid() % ${SLOTS}, ${values.map((v) => `sum(${v})`).join(', ')} FROM (${changes}) AS changes
     GROUP BY ${keys} HAVING ${values.map((v) => `sum(${v}) <> 0`).join(' OR ')}
     ORDER BY ${keys}
    ON CONFLICT ON CONSTRAINT ${quoteIdent(keyConstraint(shape))} DO UPDATE SET ${values.map((v) => `${v} = t.${v} + excluded.${v}`).join(', ')}`;
}

export type TriggerEvent = 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE';

const REFERENCING: Record<TriggerEvent, string> = {
  INSERT: 'REFERENCING NEW TABLE AS new_rows',
  UPDATE: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows',
  DELETE: 'REFERENCING OLD TABLE AS old_rows',
  TRUNCATE: '',
};

/**
 * A plpgsql function run once per statement on `source`, with the statement's rows as `old_rows`
 * and `new_rows`, and its triggers; `body` maps each event to the statements it runs.
 */
export function statementTriggersSql(fn: string, source: string, body: Record<TriggerEvent, string[]>): string[] {
  const events = Object.keys(body) as TriggerEvent[];
  const branches = events.map(
    (event, i) => `${i ? 'ELSIF' : 'IF'} TG_OP = '${event}' THEN ${body[event].map((sql) => `${sql};`).join('\n')}`,
  );
  return [
    `CREATE FUNCTION ${quoteIdent(fn)}() RETURNS trigger LANGUAGE plpgsql AS $summary$
    BEGIN
      ${branches.join('\n')}
      END IF;
      RETURN NULL;
    END $summary$`,
    ...events.map(
      (event) =>
        `CREATE TRIGGER ${quoteIdent(fitIdentifier(`${fn}_${event.toLowerCase()}`))} AFTER ${event} ON ${quoteIdent(source)} ${REFERENCING[event]} FOR EACH STATEMENT EXECUTE FUNCTION ${quoteIdent(fn)}()`,
    ),
  ];
}
