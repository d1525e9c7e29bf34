import type { Knex } from 'knex';
import type { IndexShape } from './shape.js';
import { uniqueIndexCondition } from './steps.js';
import { formatCount, quoteIdent } from './sql.js';

/** Values shown per refused set, and record ids per value. */
const SHOWN_VALUES = 5;
const SHOWN_IDS = 10;

/** Values several records hold in a set of fields that is to become unique. */
export interface Duplicates {
  table: string;
  columns: string[];
  /** Duplicated values (as text, one per column) and the ids of the records holding them, the first ones. */
  examples: { values: string[]; ids: number[]; holders: number }[];
  /** Distinct duplicated values in all. */
  count: number;
  message: string;
}

interface DuplicateRow {
  [column: `v${number}`]: string;
  ids: (number | string)[];
  holders: number | string;
  groups: number | string;
}

/** The values of `index`'s columns that more than one row holds (empty ones apart); null when none. */
export async function findDuplicates(db: Knex, index: IndexShape): Promise<Duplicates | null> {
  const columns = index.columns.map(quoteIdent);
  const result = await db.raw(
    `SELECT ${columns.map((column, i) => `${column}::text AS v${i}`).join(', ')},
            (array_agg(id ORDER BY id))[1:${SHOWN_IDS}] AS ids, count(*) AS holders, count(*) OVER () AS groups
       FROM ${quoteIdent(index.table)}
      WHERE ${uniqueIndexCondition(index)}
      GROUP BY ${columns.join(', ')}
     HAVING count(*) > 1
      ORDER BY min(id)
      LIMIT ${SHOWN_VALUES}`,
  );
  const rows = result.rows as DuplicateRow[];
  if (rows.length === 0) return null;
  const examples = rows.map((row) => ({
    values: index.columns.map((_, i) => row[`v${i}`]),
    ids: row.ids.map(Number),
    holders: Number(row.holders),
  }));
  const count = Number(rows[0].groups);
  return { table: index.table, columns: index.columns, examples, count, message: duplicatesMessage(index, examples, count) };
}

function duplicatesMessage(index: IndexShape, examples: Duplicates['examples'], count: number): string {
  const shown = examples.map(({ values, ids, holders }) => {
    const quoted = values.map((value) => JSON.stringify(value)).join(', ');
    const more = holders > ids.length ? ` and ${formatCount(holders - ids.length)} more` : '';
    return `${values.length > 1 ? `(${quoted})` : quoted} is held by records ${ids.join(', ')}${more}`;
  });
  const others = count > examples.length ? `; and ${formatCount(count - examples.length)} more duplicated values` : '';
  return `${index.table}: cannot make (${index.columns.join(', ')}) unique: ${shown.join('; ')}${others}`;
}

export class DuplicateValuesError extends Error {
  readonly duplicates: Duplicates[];

  constructor(duplicates: Duplicates[]) {
    super(
      `The migration was not applied; values that are to be unique are shared by several records ` +
        `(make them distinct or empty, then migrate again):\n${duplicates.map((d) => `- ${d.message}`).join('\n')}`,
    );
    this.name = 'DuplicateValuesError';
    this.duplicates = duplicates;
  }
}
