/**
 * What a form sends on save: the fields the user may write (not the server's `id`, timestamps,
 * computed or other read-only fields, nor those a right or a stage lock keeps from them), plus
 * `version` on update for optimistic locking. On create, empty values are left out. Lines are
 * sent without their computed columns and without empty optional cells (the server refuses
 * `null` in a number column).
 */
import type { ClientEntityModel, ClientFieldModel } from '@ra-sales/schema';
import type { RaRecord } from 'react-admin';
import { editableFields } from './entity.js';

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** One line as sent: computed columns dropped, empty cells of optional columns left out. */
export function linePayload(field: ClientFieldModel, line: unknown): unknown {
  if (typeof line !== 'object' || line === null || Array.isArray(line)) return line;
  const columns = new Map((field.itemFields ?? []).map((item) => [item.name, item]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(line as Record<string, unknown>)) {
    const column = columns.get(name);
    if (column?.computed !== undefined) continue;
    if (isEmpty(value) && !column?.required) continue;
    out[name] = value;
  }
  return out;
}

function fieldPayload(field: ClientFieldModel, value: unknown): unknown {
  if (field.kind === 'lines' && Array.isArray(value)) return value.map((line) => linePayload(field, line));
  return value;
}

/** `readOnly`: names of fields the user may not write on this record (see `readOnlyReasons`); never sent. */
export function toPayload(entity: ClientEntityModel, mode: 'create' | 'edit', readOnly: ReadonlySet<string> = new Set()) {
  const fields = editableFields(entity).filter((f) => !readOnly.has(f.name));
  return (values: RaRecord | Record<string, unknown>) => {
    const payload: Record<string, unknown> = {};
    for (const field of fields) {
      const value = values[field.name];
      if (value === undefined || (mode === 'create' && isEmpty(value))) continue;
      payload[field.name] = fieldPayload(field, value);
    }
    if (mode === 'edit' && values.version !== undefined) payload.version = values.version;
    return payload;
  };
}
