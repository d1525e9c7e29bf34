/** A data row to the JSON body of `POST /:resource`, with the names of references still to resolve. */
import { labelOf, type FieldModel } from '@ra-sales/schema';
import { phrase } from '../locale.js';
import { convertCell } from './cells.js';
import type { NameIndex } from './names.js';
import type { Cell, TableRow } from './tables.js';
import type { ImportError } from './types.js';

export interface PendingRow {
  row: number;
  body: Record<string, unknown>;
  /** Reference fields given by name: field → name. */
  names: Map<FieldModel, string>;
  errors: ImportError[];
}

export const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

export function pendingRow({ row, cells }: TableRow, fields: (FieldModel | undefined)[], header: Cell[], locale: string): PendingRow {
  const pending: PendingRow = { row, body: {}, names: new Map(), errors: [] };
  fields.forEach((field, i) => {
    const cell = cells[i] ?? null;
    if (!field || cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
    const converted = convertCell(field, cell, locale);
    if ('error' in converted) pending.errors.push({ row, field: field.name, column: String(header[i]), message: converted.error });
    else if ('name' in converted) pending.names.set(field, converted.name);
    else pending.body[field.name] = converted.value;
  });
  return pending;
}

/** Puts the ids of the names into the body, or an error per unknown or ambiguous name. */
export function resolveRow(pending: PendingRow, index: NameIndex, entityLabel: (resource: string) => string, locale: string): void {
  for (const [field, name] of pending.names) {
    const ids = index.get(field.ref!)?.get(name) ?? [];
    if (ids.length === 1) {
      pending.body[field.name] = ids[0];
      continue;
    }
    const entity = entityLabel(field.ref!);
    pending.errors.push({
      row: pending.row,
      field: field.name,
      column: labelOf(field.label, locale),
      message: phrase(locale, ids.length ? 'importAmbiguousName' : 'importUnknownName', {
        entity,
        name,
        count: String(ids.length),
      }),
    });
  }
}
