/**
 * Won sales kept by the database: a table of the opportunities in a won stage, counted and summed
 * by the month they were won (of `stage_entered_at` as a date in the database's time zone),
 * salesperson (the owner), and their customer's territory and owner. The sales reports of whole
 * months (by salesperson and by region, the wins by month of quotas and forecasts: what the
 * dashboard asks) read it instead of every won opportunity of the period, so their cost follows
 * months × salespeople × territories, not the number of sales. Why months and not days: a year of
 * days by salesperson, territory and customer owner is as many rows as the sales themselves in
 * most companies; a period that ends inside a month counts the records.
 *
 * The territory is the customer's current one, as when the report joined the customers: a
 * customer moved to another territory (or given to another owner) carries its past sales along,
 * by a trigger on the customers' table that moves their share from the old key to the new. The
 * customer's owner is kept so that the report can apply the caller's read scope on customers
 * (a territory is shown only for customers the caller may read, as before).
 *
 * The triggers, the slots and the rebuild on a changed definition are those of the stage totals
 * (keptSummaries.ts).
 */
import { STAGE_ENTERED_FIELD, type SalesModel } from '@ra-sales/schema';
import {
  addToSummarySql,
  columnTypesOf,
  commentOn,
  oncePer,
  statementTriggersSql,
  SUMMARY_PREFIXES,
  summarySignature,
  summaryTableSql,
  type KeptSummary,
  type SummaryShape,
} from './keptSummaries.js';
import { fitIdentifier, quoteIdent, quoteLiteral } from './sql.js';

/** Where the sales reports find the won sales and their region: named fields of the default domain. */
export const WON_SALES = {
  resource: 'opportunities',
  customerReference: 'customer_id',
  customers: 'customers',
  territory: 'territory_id',
} as const;

/** The kept columns besides the salesperson's, which is named as the owner field (so the read scope applies unchanged). */
export const WON_TOTALS_COLUMNS = {
  /** The first day of the month. */
  month: '_month',
  territory: '_territory',
  customerOwner: '_customer_owner',
  count: '_count',
  amount: '_amount',
} as const;

/** Bumped when the table, function or trigger text changes, so that databases rebuild theirs. */
const LAYOUT_VERSION = 1;

interface Column {
  name: string;
  type: string;
}

export interface WonTotalsDefinition {
  source: string;
  table: string;
  owner: Column;
  stage: string;
  won: string[];
  amount: string;
  /** The customer's territory and owner, when the sales have customers with territories. */
  customers?: { table: string; reference: string; territory: Column; owner?: Column };
}

function definitionOf(model: SalesModel): WonTotalsDefinition | undefined {
  const entity = model.entities[WON_SALES.resource];
  const workflow = entity?.workflow;
  if (!workflow) return undefined;
  const columns = columnTypesOf(entity);
  const won = workflow.stages.filter((stage) => stage.kind === 'won').map((stage) => stage.id);
  const owner = entity.access?.ownerField;
  const amount = workflow.amountField;
  if (!owner || !amount || !columns.has(owner) || !columns.has(amount) || !columns.has(workflow.field)) return undefined;
  if (!columns.has(STAGE_ENTERED_FIELD)) return undefined;
  return {
    source: entity.resource,
    table: fitIdentifier(`${SUMMARY_PREFIXES.wonTotals}${entity.resource}`),
    owner: { name: owner, type: columns.get(owner)! },
    stage: workflow.field,
    won,
    amount,
    ...customersOf(model, columns),
  };
}

/** The won totals of a model, or none: no opportunities, or without an amount or an owner. */
export const wonTotalsDefinition = oncePer(definitionOf);

function customersOf(model: SalesModel, sales: Map<string, string>): Pick<WonTotalsDefinition, 'customers'> {
  const entity = model.entities[WON_SALES.customers];
  if (!entity || !sales.has(WON_SALES.customerReference)) return {};
  const columns = columnTypesOf(entity);
  const territory = columns.get(WON_SALES.territory);
  if (!territory) return {};
  const owner = entity.access?.ownerField;
  return {
    customers: {
      table: entity.resource,
      reference: WON_SALES.customerReference,
      territory: { name: WON_SALES.territory, type: territory },
      ...(owner && columns.has(owner) ? { owner: { name: owner, type: columns.get(owner)! } } : {}),
    },
  };
}

function shapeOf(definition: WonTotalsDefinition): SummaryShape {
  const c = WON_TOTALS_COLUMNS;
  const customers = definition.customers;
  return {
    table: definition.table,
    // The month first: the key's index then serves a range of months.
    keys: [
      { name: c.month, type: 'date' },
      definition.owner,
      ...(customers ? [{ name: c.territory, type: customers.territory.type }] : []),
      ...(customers?.owner ? [{ name: c.customerOwner, type: customers.owner.type }] : []),
    ],
    values: [
      { name: c.count, type: 'bigint' },
      { name: c.amount, type: 'numeric' },
    ],
  };
}

/** `stage IN ('won', …)`, false for a workflow without a won stage. */
const inWonStage = (definition: WonTotalsDefinition, alias = '') =>
  definition.won.length ? `${alias}${quoteIdent(definition.stage)} IN (${definition.won.map(quoteLiteral).join(', ')})` : 'false';

/** SQL expressions of a sale's customer territory and owner. */
interface CustomerKeys {
  territory: string;
  owner: string;
}

/** A sale's share of the totals, `sign` 1 for a sale that arrives, -1 for one that leaves; the sales are `s` in `from`. */
function saleRows(definition: WonTotalsDefinition, from: string, customer: CustomerKeys | undefined, sign: 1 | -1): string {
  const c = WON_TOTALS_COLUMNS;
  const q = quoteIdent;
  const customerColumns = customer
    ? `${customer.territory} AS ${c.territory}, ${definition.customers?.owner ? `${customer.owner} AS ${c.customerOwner},` : ''}`
    : '';
  return `SELECT date_trunc('month', s.${q(STAGE_ENTERED_FIELD)}::date)::date AS ${c.month}, s.${q(definition.owner.name)}, ${customerColumns}
      ${sign} AS ${c.count}, ${sign} * coalesce(s.${q(definition.amount)}::numeric, 0) AS ${c.amount}
    FROM ${from}
    WHERE ${inWonStage(definition, 's.')}`;
}

/** The sales among the statement's rows (`relation`), under their customers' current territory and owner. */
function salesOf(definition: WonTotalsDefinition, relation: string, sign: 1 | -1): string {
  const customers = definition.customers;
  if (!customers) return saleRows(definition, `${relation} s`, undefined, sign);
  const q = quoteIdent;
  return saleRows(
    definition,
    `${relation} s LEFT JOIN ${q(customers.table)} k ON k.id = s.${q(customers.reference)}`,
    { territory: `k.${q(customers.territory.name)}`, owner: customers.owner ? `k.${q(customers.owner.name)}` : '' },
    sign,
  );
}

/**
 * Locks (FOR SHARE, in id order) the customers of the statement's won sales before they are read.
 * Without it, a sale won while its customer moves to another territory, in two transactions that
 * see neither the other's write, would be kept under the old territory for good: the sale's
 * trigger read the customer before the move committed, the move's trigger did not see the sale.
 * With it, the sale waits for the move to commit and reads the new territory; a move that comes
 * second waits for the sale's commit, and its trigger (a new snapshot) moves the sale too.
 */
function lockCustomers(definition: WonTotalsDefinition, relations: string[]): string[] {
  const customers = definition.customers;
  if (!customers) return [];
  const q = quoteIdent;
  const named = relations.map((r) => `SELECT ${q(customers.reference)} FROM ${r} WHERE ${inWonStage(definition)}`).join(' UNION ');
  return [`PERFORM 1 FROM ${q(customers.table)} WHERE id IN (${named}) ORDER BY id FOR SHARE`];
}

/** The sales of the customers in `changed` (see `changedCustomers`), leaving their old key for the new. */
function customerMoves(definition: WonTotalsDefinition, changed: string): string {
  const from = `${quoteIdent(definition.source)} s JOIN (${changed}) ch ON s.${quoteIdent(definition.customers!.reference)} = ch.id`;
  return `${saleRows(definition, from, { territory: 'ch.t0', owner: 'ch.o0' }, -1)}
    UNION ALL ${saleRows(definition, from, { territory: 'ch.t1', owner: 'ch.o1' }, 1)}`;
}

/**
 * `(id, t0, o0, t1, o1)`: the territory and owner before and after, of each customer whose
 * territory or owner the statement changed; a customer inserted had none before (a sale may name
 * a customer before it exists: references carry no foreign key), one deleted has none after.
 */
function changedCustomers(definition: WonTotalsDefinition, event: 'INSERT' | 'UPDATE' | 'DELETE'): string {
  const { territory, owner } = definition.customers!;
  const q = quoteIdent;
  const side = (alias: string | null, column: Column | undefined) =>
    column ? (alias ? `${alias}.${q(column.name)}` : `NULL::${column.type}`) : 'NULL';
  const row = (id: string, before: string | null, after: string | null) =>
    `SELECT ${id} AS id, ${side(before, territory)} AS t0, ${side(before, owner)} AS o0, ${side(after, territory)} AS t1, ${side(after, owner)} AS o1`;
  if (event === 'INSERT') return `${row('n.id', null, 'n')} FROM new_rows n`;
  if (event === 'DELETE') return `${row('o.id', 'o', null)} FROM old_rows o`;
  const differs = [territory, ...(owner ? [owner] : [])].map((c) => `o.${q(c.name)} IS DISTINCT FROM n.${q(c.name)}`).join(' OR ');
  return `${row('n.id', 'o', 'n')} FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ${differs}`;
}

const customersFunction = (definition: WonTotalsDefinition) => fitIdentifier(`${definition.table}__customers`);

function createStatements(definition: WonTotalsDefinition, signature: string): string[] {
  const shape = shapeOf(definition);
  const add = (changes: string) => addToSummarySql(shape, changes);
  const refill = [`DELETE FROM ${quoteIdent(definition.table)}`, add(salesOf(definition, quoteIdent(definition.source), 1))];
  const customers = definition.customers;
  return [
    summaryTableSql(shape),
    commentOn(definition.table, signature),
    ...statementTriggersSql(definition.table, definition.source, {
      INSERT: [...lockCustomers(definition, ['new_rows']), add(salesOf(definition, 'new_rows', 1))],
      UPDATE: [
        ...lockCustomers(definition, ['old_rows', 'new_rows']),
        add(`${salesOf(definition, 'old_rows', -1)} UNION ALL ${salesOf(definition, 'new_rows', 1)}`),
      ],
      DELETE: [...lockCustomers(definition, ['old_rows']), add(salesOf(definition, 'old_rows', -1))],
      TRUNCATE: [`DELETE FROM ${quoteIdent(definition.table)}`],
    }),
    ...(customers
      ? statementTriggersSql(customersFunction(definition), customers.table, {
          INSERT: [add(customerMoves(definition, changedCustomers(definition, 'INSERT')))],
          UPDATE: [add(customerMoves(definition, changedCustomers(definition, 'UPDATE')))],
          DELETE: [add(customerMoves(definition, changedCustomers(definition, 'DELETE')))],
          TRUNCATE: refill,
        })
      : []),
    // The triggers above hold locks on both tables until commit: no write slips between this fill and them.
    ...refill.slice(1),
  ];
}

/** The kept summary of the won sales, for the migration (keptSummaries.ts). */
export function wonTotalsSummary(definition: WonTotalsDefinition): KeptSummary {
  const functions = [definition.table, ...(definition.customers ? [customersFunction(definition)] : [])];
  const signature = summarySignature(definition, functions, LAYOUT_VERSION);
  return { table: definition.table, functions, signature, create: createStatements(definition, signature) };
}
