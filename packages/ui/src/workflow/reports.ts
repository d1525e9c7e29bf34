/**
 * Aggregates read through `GET /api/reports/<name>` when the server has the report, computed in
 * the browser from bounded getList calls when it answers 404 (the report does not exist yet).
 * Each report is one function with one result type, so the fallback can be dropped per report.
 */
import type { DataProvider, RaRecord } from 'react-admin';
import type { SalesApi } from './api.js';
import { amountOf } from './amount.js';
import type { WorkflowEntity } from './model.js';

export interface ReportResult<T> {
  data: T;
  /** Set when the browser fallback read only this many of the matching records. */
  sampled?: number;
}

const missingReports = new Set<string>();

function statusOf(error: unknown): number | undefined {
  return (error as { status?: number })?.status;
}

export async function fetchReport<T>(
  dataProvider: DataProvider,
  name: string,
  params: Record<string, unknown>,
  fallback: () => Promise<ReportResult<T>>,
): Promise<ReportResult<T>> {
  const api = dataProvider as DataProvider & Partial<SalesApi>;
  if (typeof api.getReport === 'function' && !missingReports.has(name)) {
    try {
      return { data: (await api.getReport<T>(name, params)).data };
    } catch (error) {
      const status = statusOf(error);
      if (status !== 404 && status !== 501) throw error;
      missingReports.add(name);
    }
  }
  return fallback();
}

/** Upper bound of rows a browser-side report reads. */
export const FALLBACK_ROW_CAP = 5000;
const PAGE = 500;

/** Every record matching `filter`, page by page, at most `cap` of them. */
export async function fetchAllRecords<T extends RaRecord = RaRecord>(
  dataProvider: DataProvider,
  resource: string,
  filter: Record<string, unknown> = {},
  cap = FALLBACK_ROW_CAP,
): Promise<{ rows: T[]; total: number }> {
  const rows: T[] = [];
  let total = 0;
  for (let page = 1; rows.length < cap; page++) {
    const result = await dataProvider.getList<T>(resource, {
      filter,
      sort: { field: 'id', order: 'ASC' },
      pagination: { page, perPage: PAGE },
    });
    rows.push(...result.data);
    total = result.total ?? rows.length;
    if (result.data.length < PAGE || rows.length >= total) break;
  }
  return { rows: rows.slice(0, cap), total };
}

export function sampledOf(rows: unknown[], total: number): number | undefined {
  return total > rows.length ? rows.length : undefined;
}

/** `GET /api/reports/stage-totals?resource=<r>&filter=<json>` → one row per stage with records. */
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

/** A record's weighted amount: its amount × its probability (else its stage's) / 100. */
export function weightedOf(entity: WorkflowEntity, record: RaRecord): number {
  const { amountField, probabilityField, field, stages } = entity.workflow;
  const own = probabilityField ? record[probabilityField] : undefined;
  const probability = own !== undefined && own !== null && own !== '' ? Number(own) : stages.find((stage) => stage.id === record[field])?.probability;
  return probability === undefined || !Number.isFinite(probability) ? 0 : (amountOf(record, amountField) * probability) / 100;
}

export function stageTotalsFromRecords(entity: WorkflowEntity, rows: RaRecord[]): StageTotal[] {
  const { field, amountField } = entity.workflow;
  const weighted = hasProbabilities(entity);
  const byStage = new Map<string, StageTotal>(
    entity.workflow.stages.map((stage) => [stage.id, { stage: stage.id, count: 0, amount: 0, weighted: weighted ? 0 : null }]),
  );
  for (const row of rows) {
    const total = byStage.get(String(row[field]));
    if (!total) continue;
    total.count += 1;
    total.amount += amountOf(row, amountField);
    if (weighted) total.weighted! += weightedOf(entity, row);
  }
  return [...byStage.values()];
}

export function stageTotals(
  dataProvider: DataProvider,
  entity: WorkflowEntity,
  filter: Record<string, unknown> = {},
): Promise<ReportResult<StageTotal[]>> {
  return fetchReport(dataProvider, 'stage-totals', { resource: entity.resource, filter }, async () => {
    const { rows, total } = await fetchAllRecords(dataProvider, entity.resource, filter);
    return { data: stageTotalsFromRecords(entity, rows), sampled: sampledOf(rows, total) };
  });
}


/** The list filter of records past their stage's time limit (`sla_days`), as the server names it. */
export const STAGE_OVERDUE_FILTER = 'stage_overdue';
