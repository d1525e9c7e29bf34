/**
 * Computed values are JSON Logic (https://jsonlogic.com): plain JSON that sits in a schema file,
 * evaluated by the same library in the browser (live forms) and on the server (the stored truth).
 */
import jsonLogic from 'json-logic-js';
import type { Expression } from '../model.js';

/** `round(x, digits)`: money is kept to the cent, so every computed amount is rounded the same way. */
jsonLogic.add_operation('round', (value: unknown, digits: unknown = 0) => {
  const x = Number(value);
  const d = Number(digits);
  if (!Number.isFinite(x) || !Number.isInteger(d)) return null;
  const factor = 10 ** d;
  return Math.round((x + Math.sign(x) * Number.EPSILON) * factor) / factor;
});

/** `add_days(date, n)`: the date n days later (`YYYY-MM-DD`), for due dates set from another date. */
jsonLogic.add_operation('add_days', (date: unknown, days: unknown) => {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  const n = Number(days);
  if (!match || !Number.isInteger(n)) return null;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + n));
  return day.toISOString().slice(0, 10);
});

/** Operators a schema file may use: JSON Logic's own, `round` and `add_days`. */
export const OPERATORS = new Set([
  'var',
  'missing',
  'missing_some',
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'in',
  'cat',
  'substr',
  'round',
  'add_days',
]);

/** `{"var": "$today"}`: the date a rule is judged on, `YYYY-MM-DD` in the process's time zone. */
export const TODAY = '$today';

export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The expression's value on `data`; a non-finite number (a division by zero) is no value. */
export function evaluate(expression: Expression, data: Record<string, unknown>): unknown {
  return evaluatePrepared(expression, prepareData(data));
}

/** The data as expressions read it (dated, empty values left out): prepared once for many expressions. */
export function prepareData(data: Record<string, unknown>): Record<string, unknown> {
  return withoutEmpty(TODAY in data ? data : { ...data, [TODAY]: localToday() });
}

/** Sets one value of prepared data, as `prepareData` would have. */
export function setPrepared(prepared: Record<string, unknown>, name: string, value: unknown): void {
  if (value === null || value === undefined) delete prepared[name];
  else prepared[name] = withoutEmpty(value);
}

export function evaluatePrepared(expression: Expression, prepared: Record<string, unknown>): unknown {
  const value = jsonLogic.apply(expression as never, prepared);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

/**
 * An empty field is stored as null, but `{"var": ["x", 0]}` falls back to 0 only for a missing
 * value: empty values are left out, so the default applies to both.
 */
function withoutEmpty(value: unknown): any {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutEmpty(v)]),
  );
}

/** Whether a condition holds, by JSON Logic's own truthiness (an empty list is false). */
export function holds(expression: Expression, data: Record<string, unknown>): boolean {
  return jsonLogic.truthy(evaluate(expression, data));
}

export interface ExpressionUse {
  /** Data paths read at the top level (`lines`, `customer.credit_limit`). */
  vars: string[];
  /** Paths read inside the per-item logic of map / filter / reduce / all / some / none, relative to the item. */
  itemVars: string[];
  /** Operators that are not JSON Logic's (typos). */
  unknownOperators: string[];
}

const ITEM_OPERATORS = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);

/** What an expression reads and which of its operators are unknown, for the schema check. */
export function expressionUse(expression: Expression): ExpressionUse {
  const use: ExpressionUse = { vars: [], itemVars: [], unknownOperators: [] };
  const walk = (node: unknown, inItem: boolean): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, inItem));
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return; // a plain object is data, not logic
    const op = keys[0];
    const args = (node as Record<string, unknown>)[op];
    if (!OPERATORS.has(op)) use.unknownOperators.push(op);
    if (op === 'var') {
      const path = Array.isArray(args) ? args[0] : args;
      if (typeof path === 'string' && path !== '') (inItem ? use.itemVars : use.vars).push(path);
      if (Array.isArray(args)) args.slice(1).forEach((child) => walk(child, inItem));
      return;
    }
    if (ITEM_OPERATORS.has(op) && Array.isArray(args)) {
      walk(args[0], inItem);
      walk(args[1], true);
      args.slice(2).forEach((child) => walk(child, inItem));
      return;
    }
    walk(args, inItem);
  };
  walk(expression, false);
  return use;
}
