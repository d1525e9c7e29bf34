/**
 * The rule keywords of one entity (x-write, x-computed, x-unique, x-ref-where, x-lookups): turned
 * into the model and checked against the entity's own fields. What needs other entities (the
 * targets of lookups and x-ref-where) is checked by checkRulesAcross once every entity is built.
 */
import type { EntityModel, FieldModel, Filter, Labels, LookupModel, ValidationRule } from '../model.js';
import { computedCycles } from '../rules/computeRecord.js';
import { expressionUse, TODAY } from '../rules/expression.js';
import { filterField, recordPath } from '../rules/filter.js';
import type { Report } from './buildFields.js';

type RawLookup = {
  ref?: string;
  fields?: string[];
  from?: string;
  where?: Filter;
  sum?: string;
  min?: string;
  max?: string;
  count?: string;
};
const AGGREGATES = ['sum', 'min', 'max', 'count'] as const;

export function buildLookups(
  raw: Record<string, RawLookup> | undefined,
  fields: FieldModel[],
  report: Report,
): Record<string, LookupModel> {
  const out: Record<string, LookupModel> = {};
  for (const [name, lookup] of Object.entries(raw ?? {})) {
    const pointer = `/x-lookups/${name}`;
    if (fields.some((f) => f.name === name)) report(pointer, `lookup "${name}" has the name of a field; choose another name`);
    if (lookup.ref !== undefined) {
      const ref = fields.find((f) => f.name === lookup.ref);
      if (!ref?.ref) report(`${pointer}/ref`, `"${lookup.ref}" is not a reference field of the entity`);
      out[name] = { kind: 'record', ref: lookup.ref, target: ref?.ref ?? '', fields: lookup.fields ?? [] };
      continue;
    }
    const fns = AGGREGATES.filter((fn) => lookup[fn] !== undefined);
    if (fns.length !== 1) {
      report(pointer, `lookup "${name}" needs exactly one of "ref", "sum", "min", "max", "count"`);
      continue;
    }
    checkRecordValues(lookup.where ?? {}, fields, `${pointer}/where`, report);
    out[name] = { kind: 'aggregate', fn: fns[0], field: lookup[fns[0]]!, from: lookup.from!, where: lookup.where ?? {} };
  }
  return out;
}

/** `"$name"` values of a filter must name a field of this entity (or `id`; `$lines.column` a column of a lines field). */
function checkRecordValues(filter: Filter, fields: FieldModel[], pointer: string, report: Report): void {
  for (const [key, value] of Object.entries(filter)) {
    const path = recordPath(value);
    if (path === undefined) continue;
    const [head, column] = path.split('.');
    const field = fields.find((f) => f.name === head);
    const ok = column === undefined ? head === 'id' || !!field : !!field?.itemFields?.some((c) => c.name === column);
    if (!ok) report(`${pointer}/${key}`, `"${value}" reads "${path}", which is not a field of the entity`);
  }
}

/** Composite `x-unique` sets of the entity, plus every field marked unique on its own. */
export function buildUnique(raw: string[][] | undefined, fields: FieldModel[], report: Report): string[][] {
  const sets: string[][] = [];
  (raw ?? []).forEach((set, i) => {
    set.forEach((name, j) => {
      const field = fields.find((f) => f.name === name);
      if (!field) report(`/x-unique/${i}/${j}`, `"${name}" is not a field of the entity`);
      else if (['lines', 'json'].includes(field.kind))
        report(`/x-unique/${i}/${j}`, `field "${name}" is a ${field.kind}; only single values can be unique`);
    });
    sets.push(set);
  });
  for (const field of fields) if (field.unique) sets.push([field.name]);
  return sets;
}

/** Field rules that need the entity's other fields, its lookups and the model's roles. */
export function checkFieldRules(
  fields: FieldModel[],
  lookups: Record<string, LookupModel>,
  roles: readonly string[],
  report: Report,
): void {
  const names = new Set([...fields.map((f) => f.name), ...Object.keys(lookups)]);
  for (const field of fields) {
    const pointer = `/properties/${field.name}`;
    field.write?.roles.forEach((role, i) => {
      if (!roles.includes(role))
        report(`${pointer}/x-write`, `role "${role}" (item ${i}) is not declared in model.json (${roles.join(', ')})`);
    });
    if (field.computed !== undefined) checkExpression(field, names, `${pointer}/x-computed`, report);
    if (field.refWhere) checkRecordValues(field.refWhere, fields, `${pointer}/x-ref-where`, report);
    for (const column of field.itemFields ?? []) {
      const columnPointer = `${pointer}/items/properties/${column.name}`;
      if (column.write) report(`${columnPointer}/x-write`, `"x-write" applies to a whole field: put it on "${field.name}"`);
      if (column.sequence || column.unique) report(columnPointer, `a column of a lines field cannot be unique or numbered by a sequence`);
      if (column.refWhere)
        report(`${columnPointer}/x-ref-where`, `"x-ref-where" is not checked inside lines: use it on a reference field of the entity`);
      if (column.computed === undefined) continue;
      const columns = new Set((field.itemFields ?? []).map((c) => c.name));
      checkExpression(column, columns, `${pointer}/items/properties/${column.name}/x-computed`, report);
    }
  }
  for (const name of computedCycles(fields)) {
    report(`/properties/${name}/x-computed`, `the value of "${name}" depends on itself through other computed fields`);
  }
}

function checkExpression(field: FieldModel, names: Set<string>, pointer: string, report: Report): void {
  checkReads(field.computed, `"${field.name}"`, names, pointer, report);
  const kinds = new Set(['number', 'money', 'percent', 'integer', 'boolean', 'string', 'text', 'date', 'enum', 'reference']);
  if (!kinds.has(field.kind)) report(pointer, `a ${field.kind} field cannot be computed`);
}

/** An expression's operators are JSON Logic's and what it reads is a field or lookup of the entity (or `$today`). */
export function checkReads(
  expression: unknown,
  what: string,
  names: Set<string>,
  pointer: string,
  report: Report,
  known = 'a field or lookup of the entity',
): void {
  const use = expressionUse(expression);
  for (const op of use.unknownOperators)
    report(pointer, `"${op}" is not a JSON Logic operator (see https://jsonlogic.com/operations.html; "round" and "add_days" are added)`);
  for (const path of use.vars) {
    const head = path.split('.')[0];
    if (head !== TODAY && !names.has(head)) report(pointer, `${what} reads "${path}", but "${head}" is not ${known}`);
  }
}

type RawValidation = { rule: unknown; message: Labels; fields: string[] };

/** `x-validate`: each rule reads fields or lookups of the entity and names fields to show its message under. */
export function buildValidations(
  raw: RawValidation[] | undefined,
  fields: FieldModel[],
  lookups: Record<string, LookupModel>,
  report: Report,
): ValidationRule[] {
  const names = new Set([...fields.map((f) => f.name), ...Object.keys(lookups)]);
  return (raw ?? []).map((validation, i) => {
    checkReads(validation.rule, `rule ${i}`, names, `/x-validate/${i}/rule`, report);
    validation.fields.forEach((name, j) => {
      if (!fields.some((f) => f.name === name)) report(`/x-validate/${i}/fields/${j}`, `"${name}" is not a field of the entity`);
    });
    return { rule: validation.rule, message: validation.message, fields: validation.fields };
  });
}

/** Targets of lookups and of `x-ref-where` exist and have the fields named. */
export function checkRulesAcross(entities: EntityModel[], reportFor: (entity: EntityModel) => Report): void {
  const byResource = new Map(entities.map((e) => [e.resource, e]));
  const hasField = (entity: EntityModel, name: string) => name === 'id' || entity.fields.some((f) => f.name === name);
  for (const entity of entities) {
    const report = reportFor(entity);
    for (const [name, lookup] of Object.entries(entity.lookups)) {
      const pointer = `/x-lookups/${name}`;
      const target = byResource.get(lookup.kind === 'record' ? lookup.target : lookup.from);
      if (!target) {
        if (lookup.kind === 'aggregate') report(`${pointer}/from`, `"${lookup.from}" is not a resource`);
        continue;
      }
      if (lookup.kind === 'record') {
        lookup.fields.forEach((f, i) => {
          if (!hasField(target, f)) report(`${pointer}/fields/${i}`, `${target.resource} has no field "${f}"`);
        });
        continue;
      }
      const [head, column] = lookup.field.split('.');
      const aggregated = column === undefined ? target.fields.find((f) => f.name === head) : lineColumn(target, lookup.field);
      if (column === undefined ? !hasField(target, head) : !aggregated)
        report(`${pointer}/${lookup.fn}`, `${target.resource} has no field or lines column "${lookup.field}"`);
      else if (
        lookup.fn !== 'count' &&
        aggregated &&
        !['money', 'number', 'integer', 'percent', 'date', 'datetime'].includes(aggregated.kind)
      ) {
        report(`${pointer}/${lookup.fn}`, `${lookup.fn} needs a number or a date; "${lookup.field}" is a ${aggregated.kind}`);
      }
      checkFilterKeys(lookup.where, target, `${pointer}/where`, report);
      const linesFields = new Set([lookup.field, ...Object.keys(lookup.where)].filter((p) => p.includes('.')).map((p) => p.split('.')[0]));
      if (linesFields.size > 1) report(pointer, `a lookup reads the lines of one field only (${[...linesFields].join(', ')})`);
    }
    for (const field of entity.fields) {
      if (!field.refWhere || !field.ref) continue;
      const target = byResource.get(field.ref);
      if (!target) continue;
      checkFilterKeys(field.refWhere, target, `/properties/${field.name}/x-ref-where`, report);
      for (const key of Object.keys(field.refWhere).filter((k) => k.includes('.'))) {
        report(
          `/properties/${field.name}/x-ref-where/${key}`,
          `"x-ref-where" filters the records offered, not their lines: "${key}" cannot be used here`,
        );
      }
    }
  }
}

/** `items.quantity`: the column `quantity` of the lines field `items`. */
function lineColumn(entity: EntityModel, path: string): FieldModel | undefined {
  const [head, column] = path.split('.');
  return entity.fields.find((f) => f.name === head && f.kind === 'lines')?.itemFields?.find((c) => c.name === column);
}

function checkFilterKeys(filter: Filter, target: EntityModel, pointer: string, report: Report): void {
  const isField = (name: string) => ['id', 'created_at', 'updated_at'].includes(name) || target.fields.some((f) => f.name === name);
  for (const key of Object.keys(filter)) {
    if (key.includes('.')) {
      // A lines column selects the lines it equals; the other suffixes are for row fields.
      if (!lineColumn(target, key)) report(`${pointer}/${key}`, `${target.resource} has no lines column "${key}"`);
      continue;
    }
    const name = filterField(key, isField);
    if (!isField(name)) report(`${pointer}/${key}`, `${target.resource} has no field "${name}"`);
  }
}
