/**
 * Aggregates read through `GET /api/reports/<name>`. The server alone computes them, in SQL over
 * the rows the user may read: the browser never counts records itself, so a figure is never a
 * sample nor out of step with the user's read scope.
 */
import type { DataProvider } from 'react-admin';
import type { ReportId } from '@ra-sales/schema';
import type { SalesApi } from './api.js';
import type { WorkflowEntity } from './model.js';

export interface ReportResult<T> {
  data: T;
}

/** A report the server lacks (404 / 501, e.g. an entity it reads was removed): shown as not available. */
export class ReportUnavailable extends Error {
  readonly unavailable = true;
}

/** `GET /api/reports/<name>?<params>`: the report's rows, or `ReportUnavailable`. */
export async function serverReport<T>(
  dataProvider: DataProvider,
  name: ReportId,
  params: Record<string, unknown>,
): Promise<ReportResult<T[]>> {
  const api = dataProvider as DataProvider & Partial<SalesApi>;
  if (typeof api.getReport !== 'function') throw new ReportUnavailable(name);
  try {
    return { data: (await api.getReport<T[]>(name, params)).data };
  } catch (error) {
    const status = (error as { status?: number })?.status;
    if (status === 404 || status === 501) throw new ReportUnavailable((error as Error).message || name);
    throw error;
  }
}

/** A report the server lacks stays unavailable: react-query's `retry`, no retries for it. */
export const retryUnlessUnavailable = (failures: number, error: unknown) =>
  !(error as { unavailable?: boolean })?.unavailable && failures < 3;

/** `GET /api/reports/stage-totals?resource=<r>&filter=<json>` → one row per stage, in schema order. */
export interface StageTotal {
  stage: string;
  count: number;
  amount: number;
  /** Σ amount × probability / 100 (the record's probability, else its stage's); null without probabilities. */
  weighted?: number | null;
}

/** Whether the workflow has probabilities to weigh amounts with. */
export function hasProbabilities(entity: WorkflowEntity): boolean {
  const { amountField, probabilityField, stages } = entity.workflow;
  return !!amountField && (!!probabilityField || stages.some((stage) => stage.probability !== undefined));
}

/** The server's `stage-totals` of a workflow entity, within a list filter. */
export function stageTotals(
  dataProvider: DataProvider,
  entity: WorkflowEntity,
  filter: Record<string, unknown> = {},
): Promise<ReportResult<StageTotal[]>> {
  return serverReport<StageTotal>(dataProvider, 'stage-totals', { resource: entity.resource, filter });
}

/** The list filter of records past their stage's time limit (`sla_days`), as the server names it. */
export const STAGE_OVERDUE_FILTER = 'stage_overdue';
