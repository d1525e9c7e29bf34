/**
 * The demo rows obey the schema's rules as records saved through the API would: document numbers
 * from their `x-sequence` (and the counters left where the numbers stop), computed values, and no
 * two rows sharing a value that must be unique.
 */
import { computeRecord, evaluate, expressionUse, hasComputed, holds, type EntityModel, type SalesModel } from '@ra-sales/schema';
import type { Knex } from 'knex';
import { describeResources } from '../router/resources.js';
import { loadLookups } from '../router/rules/lookups.js';
import { SEQUENCES_TABLE } from '../migrate/systemTables.js';
import { formatSequence, sequencePeriod } from '../router/sequences.js';
import type { Row } from './insert.js';

export interface SequenceCounter {
  resource: string;
  field: string;
  period: string;
  last_value: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Fills sequences and computed values of `rows` in place; answers the counters the numbers used. */
export function applyRuleValues(entity: EntityModel, rows: Row[]): SequenceCounter[] {
  const counters = new Map<string, SequenceCounter>();
  for (const row of rows) {
    for (const field of entity.fields) {
      if (!field.sequence) continue;
      const created = new Date(String(row.created_at ?? Date.now()));
      const period = sequencePeriod(field.sequence, created);
      const key = `${field.name}\u0000${period}`;
      const counter = counters.get(key) ?? { resource: entity.resource, field: field.name, period, last_value: 0 };
      counter.last_value++;
      counters.set(key, counter);
      row[field.name] = formatSequence(field.sequence, created, counter.last_value);
    }
    if (hasComputed(entity)) Object.assign(row, computeRecord(entity, row));
    satisfyValidations(entity, row);
  }
  makeUnique(entity, rows);
  return [...counters.values()];
}

/**
 * A row breaking an `x-validate` rule gets, in the rule's first field that can take one, a value
 * that meets it: another value the rule reads (an end date equal to the start), 0, or nothing.
 * Rules that read lookups are judged without them here.
 */
function satisfyValidations(entity: EntityModel, row: Row): void {
  for (const validation of entity.validations) {
    if (holds(validation.rule, row)) continue;
    const reads = expressionUse(validation.rule).vars.map((path) => path.split('.')[0]);
    for (const name of validation.fields) {
      const field = entity.fields.find((f) => f.name === name);
      if (!field) continue;
      const others = reads
        .filter((other) => other !== name && entity.fields.find((f) => f.name === other)?.kind === field.kind)
        .map((other) => row[other]);
      const candidates = [
        ...equalTo(validation.rule, name, row),
        ...others.filter((value) => value !== null && value !== undefined),
        ...(NUMERIC.has(field.kind) ? [0] : []),
        ...(field.required ? [] : [null]),
      ];
      const fit = candidates.find((value) => holds(validation.rule, { ...row, [name]: value }));
      if (fit !== undefined) {
        row[name] = fit;
        break;
      }
    }
  }
}

const NUMERIC = new Set(['money', 'number', 'integer', 'percent']);

/** Values of the other side of the rule's `==` comparisons of `name` (a total equal to the sum of its parts). */
function equalTo(rule: unknown, name: string, row: Row): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [op, args] of Object.entries(node)) {
      if ((op === '==' || op === '===') && Array.isArray(args) && args.length === 2) {
        const reads = args.map((side) => expressionUse(side).vars.some((path) => path.split('.')[0] === name));
        if (reads[0] !== reads[1]) out.push(evaluate(args[reads[0] ? 1 : 0], row));
      }
      walk(args);
    }
  };
  walk(rule);
  return out.filter((value) => value !== null && value !== undefined);
}

/**
 * A rule comparing with other records (an invoice within its order's total): the rule's amount is
 * lowered to the largest value, to the cent, that meets it; where only 0 would, the reference the
 * comparison goes through is left empty instead. Answers the changed fields.
 */
function fitToLookups(entity: EntityModel, row: Row, lookups: Record<string, unknown>): Row {
  const changes: Row = {};
  const document = () => ({ ...lookups, ...row, ...changes });
  for (const validation of entity.validations) {
    if (holds(validation.rule, document())) continue;
    const field = entity.fields.find((f) => validation.fields.includes(f.name) && NUMERIC.has(f.kind) && typeof row[f.name] === 'number');
    if (!field) continue;
    let [low, high] = [0, Math.round((row[field.name] as number) * 100)];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (holds(validation.rule, { ...document(), [field.name]: middle / 100 })) low = middle;
      else high = middle - 1;
    }
    if (low > 0 && holds(validation.rule, { ...document(), [field.name]: low / 100 })) {
      changes[field.name] = low / 100;
      continue;
    }
    for (const lookup of Object.keys(lookups).filter((name) => expressionUse(validation.rule).vars.some((v) => v.split('.')[0] === name))) {
      const definition = entity.lookups[lookup];
      const through = definition.kind === 'record' ? definition.ref : undefined;
      const ref = entity.fields.find((f) => f.name === through);
      if (ref && !ref.required) {
        changes[ref.name] = null;
        lookups[lookup] = null;
      }
    }
  }
  return changes;
}

/** A later row repeating an earlier one's unique values is moved: a text gets its row number, a month an earlier month. */
function makeUnique(entity: EntityModel, rows: Row[]): void {
  for (const set of entity.unique) {
    const seen = new Set<string>();
    const key = (row: Row) => JSON.stringify(set.map((f) => row[f] ?? null));
    for (const row of rows) {
      if (set.some((f) => row[f] === null || row[f] === undefined)) continue;
      for (let attempt = 0; seen.has(key(row)) && attempt < 240; attempt++) {
        const month = set.find((f) => typeof row[f] === 'string' && MONTH.test(row[f] as string));
        const text = set.find((f) => ['string', 'text'].includes(entity.fields.find((x) => x.name === f)?.kind ?? ''));
        if (month) row[month] = previousMonth(row[month] as string);
        else if (text) row[text] = `${row[text]} (${row.id})`;
        else break;
      }
      seen.add(key(row));
    }
  }
}

function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** After the rows are in: computed values that read other records (lookups), and the sequence counters. */
export async function finishRuleValues(db: Knex, model: SalesModel, rows: Map<string, Row[]>, counters: SequenceCounter[]): Promise<void> {
  if (counters.length) {
    await db(SEQUENCES_TABLE).insert(counters).onConflict(['resource', 'field', 'period']).merge(['last_value']);
  }
  const resources = describeResources(model);
  for (const entity of Object.values(model.entities)) {
    if (!Object.keys(entity.lookups).length || !(hasComputed(entity) || entity.validations.length)) continue;
    const computedFields = entity.fields.filter((f) => f.computed !== undefined).map((f) => f.name);
    for (const row of rows.get(entity.resource) ?? []) {
      const lookups = await loadLookups(db, { resources }, entity, row);
      const computed = computeRecord(entity, row, lookups);
      const changes = Object.fromEntries(computedFields.filter((f) => computed[f] !== row[f]).map((f) => [f, computed[f]]));
      Object.assign(changes, fitToLookups(entity, { ...row, ...changes }, lookups));
      Object.assign(changes, await reconcileRollups(db, model, entity, { ...row, ...changes }, resources, rows));
      if (Object.keys(changes).length) {
        Object.assign(row, changes);
        await db(entity.resource)
          .where('id', row.id as number)
          .update(changes);
      }
    }
  }
}

/**
 * A rule over rolled-up figures that random rows break (deliveries beyond the order, claims beyond
 * the budget): the rows rolled up are detached from the record (their reference emptied, when it
 * may be; else they are left out of the demo, since the server would have refused them); failing
 * that, the rule's fields that may be empty are emptied. Answers the record's changed fields.
 */
async function reconcileRollups(
  db: Knex,
  model: SalesModel,
  entity: EntityModel,
  row: Row,
  resources: ReturnType<typeof describeResources>,
  rows: Map<string, Row[]>,
): Promise<Row> {
  const judge = async () => {
    const lookups = await loadLookups(db, { resources }, entity, row);
    const values = computeRecord(entity, row, lookups);
    return { values, broken: entity.validations.filter((v) => !holds(v.rule, { ...lookups, ...values })) };
  };
  let { values, broken } = await judge();
  if (!broken.length) return {};
  for (const validation of broken) {
    for (const lookup of lookupsRead(entity, validation.rule)) {
      const definition = entity.lookups[lookup];
      if (definition.kind !== 'aggregate') continue;
      const key = Object.entries(definition.where).find(([name, value]) => value === '$id' && !name.includes('.'))?.[0];
      const child = model.entities[Object.keys(model.entities).find((name) => model.entities[name].resource === definition.from) ?? ''];
      const field = child?.fields.find((f) => f.name === key);
      if (!key || !field) continue;
      if (!field.required)
        await db(definition.from)
          .where(key, row.id as number)
          .update({ [key]: null });
      else
        await removeRows(
          db,
          model,
          rows,
          definition.from,
          (
            await db(definition.from)
              .where(key, row.id as number)
              .pluck('id')
          ).map(Number),
        );
    }
  }
  ({ values, broken } = await judge());
  for (const validation of broken) {
    for (const name of validation.fields) {
      const field = entity.fields.find((f) => f.name === name);
      if (field && !field.required && field.computed === undefined) values[name] = null;
    }
  }
  const lookups = await loadLookups(db, { resources }, entity, { ...row, ...values });
  const settled = computeRecord(entity, { ...row, ...values }, lookups);
  return Object.fromEntries(
    entity.fields
      .filter((f) => settled[f.name] !== row[f.name] && (f.computed !== undefined || settled[f.name] === null))
      .map((f) => [f.name, settled[f.name]]),
  );
}

/** Rows that could not have been saved are left out, and what referred to them with them (or without the reference, when it may be empty). */
async function removeRows(db: Knex, model: SalesModel, rows: Map<string, Row[]>, resource: string, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const gone = new Set(ids);
  rows.set(
    resource,
    (rows.get(resource) ?? []).filter((row) => !gone.has(Number(row.id))),
  );
  for (const other of Object.values(model.entities)) {
    for (const field of other.fields.filter((f) => f.kind === 'reference' && f.ref === resource)) {
      if (!field.required)
        await db(other.resource)
          .whereIn(field.name, ids)
          .update({ [field.name]: null });
      else await removeRows(db, model, rows, other.resource, (await db(other.resource).whereIn(field.name, ids).pluck('id')).map(Number));
    }
  }
  await db(resource).whereIn('id', ids).delete();
}

/** Lookups a rule reads, directly or through the computed fields it reads. */
function lookupsRead(entity: EntityModel, rule: unknown): string[] {
  const seen = new Set<string>();
  const visit = (expression: unknown) => {
    for (const name of expressionUse(expression).vars.map((path) => path.split('.')[0])) {
      if (seen.has(name)) continue;
      seen.add(name);
      const field = entity.fields.find((f) => f.name === name);
      if (field?.computed !== undefined) visit(field.computed);
    }
  };
  visit(rule);
  return [...seen].filter((name) => name in entity.lookups);
}
