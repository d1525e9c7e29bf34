import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StepFailure } from './steps.js';

export type Row = Record<string, unknown> & { id: number };
interface Move {
  to: string;
  kind: string;
  allowed: boolean;
  missing?: { field?: string }[];
}

/** A call to the host's sales API; a non-2xx answer fails the step. */
export async function api<T>(base: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${base}/api/sales${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  if (!response.ok) throw new StepFailure(`${init.method ?? 'GET'} /api/sales${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** An opportunity in an early stage whose next open stage is refused for missing gate fields. */
export async function refusedOpportunity(base: string, dir: string): Promise<{ id: number; stage: string; to: string; fields: string[] }> {
  // The workflow's first stage, from the model the host installed.
  const { model } = (await import(pathToFileURL(join(dir, 'node_modules/@ra-sales/domain/client.js')).href)) as {
    model: { entities: Record<string, { workflow?: { stages: { id: string }[] } }> };
  };
  const first = model.entities.opportunities?.workflow?.stages[0]?.id;
  if (!first) throw new StepFailure('the installed model has no opportunities workflow');
  const query = (filter: object) =>
    `/opportunities?sort=${encodeURIComponent(JSON.stringify(['id', 'ASC']))}&range=${encodeURIComponent('[0,99]')}&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const rows = [...(await api<Row[]>(base, query({ stage: first }))), ...(await api<Row[]>(base, query({ stage_neq: first })))];
  for (const row of rows) {
    const workflow = await api<{ stage: string; next: Move[] }>(base, `/opportunities/${row.id}/workflow`);
    const move = workflow.next.find((m) => m.kind === 'open' && !m.allowed && m.missing?.length);
    if (move) return { id: row.id, stage: workflow.stage, to: move.to, fields: move.missing!.map((m) => String(m.field)) };
  }
  throw new StepFailure('no opportunity has a forward move refused by its gate');
}
