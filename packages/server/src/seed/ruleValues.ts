/**
 * The demo rows obey the schema's rules as records saved through the API would: document numbers
 * from their `x-sequence` (and the counters left where the numbers stop), computed values, and no
 * two rows sharing a value that must be unique.
 */
import { computeRecord, expressionUse, hasComputed, holds, type EntityModel, type SalesModel } from '@ra-sales/schema';
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
      const others = reads.filter((other) => other !== name && entity.fields.find((f) => f.name === other)?.kind === field.kind).map((other) => row[other]);
      const candidates = [...others.filter((value) => value !== null && value !== undefined), ...(NUMERIC.has(field.kind) ? [0] : []), ...(field.required ? [] : [null])];
      const fit = candidates.find((value) => holds(validation.rule, { ...row, [name]: value }));
      if (fit !== undefined) {
        row[name] = fit;
        break;
      }
    }
  }
}

const NUMERIC = new Set(['money', 'number', 'integer', 'percent']);

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
      if (Object.keys(changes).length) {
        Object.assign(row, changes);
        await db(entity.resource).where('id', row.id as number).update(changes);
      }
    }
  }
}
