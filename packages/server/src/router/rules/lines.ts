import type { EntityModel } from '@ra-sales/schema';

/** An empty cell of a line is an absent value, not a null the column's type would refuse. */
export function withoutEmptyCells(entity: EntityModel, record: Record<string, unknown>): Record<string, unknown> {
  const out = { ...record };
  for (const field of entity.fields) {
    const lines = out[field.name];
    if (field.kind !== 'lines' || !Array.isArray(lines)) continue;
    out[field.name] = lines.map((line) =>
      typeof line === 'object' && line !== null && !Array.isArray(line)
        ? Object.fromEntries(Object.entries(line).filter(([, v]) => v !== null && v !== undefined))
        : line,
    );
  }
  return out;
}
