/** Turning a refused transition (409/422 `{ message, errors: { field: msg } }`) into readable reasons. */
import type { ClientEntityModel } from '@ra-sales/schema';
import { fieldLabel } from './model.js';

export interface RefusalReason {
  field?: string;
  label: string;
  message: string;
}

export interface Refusal {
  message: string;
  reasons: RefusalReason[];
}

function messageOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') return value.message;
  return undefined;
}

export function readRefusal(error: unknown, entity: ClientEntityModel, locale: string): Refusal {
  const err = error as { message?: string; body?: { message?: string; errors?: Record<string, unknown> } };
  const body = err?.body ?? {};
  const reasons: RefusalReason[] = [];
  for (const [field, value] of Object.entries(body.errors ?? {})) {
    if (field === 'root') {
      const serverError = messageOf((value as { serverError?: unknown })?.serverError);
      if (serverError) reasons.push({ label: '', message: serverError });
      continue;
    }
    const message = messageOf(value);
    if (message) reasons.push({ field, label: fieldLabel(entity, field, locale), message });
  }
  return { message: body.message ?? err?.message ?? String(error), reasons };
}
