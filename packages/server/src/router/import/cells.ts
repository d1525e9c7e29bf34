/**
 * A cell to the value the JSON API takes for its field. A cell that cannot be converted is passed
 * on as text, so that the API's own validation names the problem in its own words; only enums
 * are refused here, as their labels are known here.
 */
import { labelOf, type FieldModel } from '@ra-sales/schema';
import { listWords, phrase } from '../locale.js';
import { normalName } from './columns.js';
import type { Cell } from './tables.js';

export type Converted = { value: unknown } | { error: string } | { name: string };

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '真', '√', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '假']);

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(cell: Cell): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = String(cell).trim();
  // 2024/3/5 and 2024.3.5, as spreadsheets in China often write dates.
  const loose = /^(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})日?$/.exec(text);
  return loose ? `${loose[1]}-${pad(Number(loose[2]))}-${pad(Number(loose[3]))}` : text;
}

function numberOf(cell: Cell): unknown {
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim().replace(/[,\s]/g, '');
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : String(cell);
}

export function convertCell(field: FieldModel, cell: Cell, locale: string): Converted {
  switch (field.kind) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
      return { value: numberOf(cell) };
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const word = normalName(String(cell));
      return { value: TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : String(cell) };
    }
    case 'date':
      return { value: dateText(cell) };
    case 'datetime':
      return { value: cell instanceof Date ? cell.toISOString() : String(cell).trim() };
    case 'enum':
      return enumValue(field, cell, locale);
    case 'reference': {
      if (typeof cell === 'number') return { value: cell };
      const text = String(cell).trim();
      return /^\d+$/.test(text) ? { value: Number(text) } : { name: text };
    }
    case 'lines':
    case 'json':
      try {
        return { value: JSON.parse(String(cell)) };
      } catch {
        return { value: String(cell) };
      }
    default:
      return { value: cell instanceof Date ? cell.toISOString() : String(cell) };
  }
}

/** By field: each option's value and labels, as `normalName` writes them, to the option's value. */
const enumWords = new WeakMap<FieldModel, Map<string, unknown>>();

function wordsOf(field: FieldModel): Map<string, unknown> {
  let words = enumWords.get(field);
  if (!words) {
    words = new Map();
    // Reversed, so that the first option naming a word wins, as a search in order would find it.
    for (const option of [...(field.options ?? [])].reverse()) {
      for (const label of Object.values(option.label).reverse()) if (label) words.set(normalName(label), option.value);
      words.set(normalName(option.value), option.value);
    }
    enumWords.set(field, words);
  }
  return words;
}

function enumValue(field: FieldModel, cell: Cell, locale: string): Converted {
  const words = wordsOf(field);
  const word = normalName(String(cell));
  if (words.has(word)) return { value: words.get(word) };
  const values = listWords(
    locale,
    (field.options ?? []).map((o) => labelOf(o.label, locale)),
  );
  return { error: phrase(locale, 'ruleOneOf', { values }) };
}
