import type { ClientFieldModel } from '@ra-sales/schema';

/** Which item fields of a `lines` field make up a line total: quantity × unit price × (1 − discount %). */
export interface LineColumns {
  quantity?: string;
  unitPrice?: string;
  discount?: string;
}

/** Typed columns only: a computed column (`x-computed`) is a result, not an input of the total. */
export function lineColumns(field: ClientFieldModel): LineColumns {
  const items = (field.itemFields ?? []).filter((f) => f.computed === undefined);
  const quantity = items.find((f) => f.name === 'quantity') ?? items.find((f) => f.kind === 'number' || f.kind === 'integer');
  return {
    quantity: quantity?.name,
    unitPrice: items.find((f) => f.kind === 'money')?.name,
    discount: items.find((f) => f.kind === 'percent')?.name,
  };
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** The line's total, rounded to cents; undefined when the lines have no price column. */
export function lineTotal(line: Record<string, unknown> | undefined, columns: LineColumns): number | undefined {
  if (!columns.unitPrice || !line) return undefined;
  const quantity = columns.quantity ? num(line[columns.quantity]) : 1;
  const discount = columns.discount ? num(line[columns.discount]) : 0;
  return Math.round(quantity * num(line[columns.unitPrice]) * (1 - discount / 100) * 100) / 100;
}

export function grandTotal(lines: unknown, columns: LineColumns): number | undefined {
  if (!columns.unitPrice) return undefined;
  const rows = Array.isArray(lines) ? (lines as Record<string, unknown>[]) : [];
  return Math.round(rows.reduce((sum, line) => sum + (lineTotal(line, columns) ?? 0), 0) * 100) / 100;
}
