/**
 * The dashboard's reports: one function per report, each asking `GET /api/reports/<name>` first
 * and computing the same rows from bounded getList calls while the server lacks the endpoint.
 * The `…FromRows` functions are the pure aggregations (and the reference of what the server
 * endpoint must return).
 */
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import type { ClientEntityModel } from '@ra-sales/schema';
import { amountOf } from '../workflow/amount.js';
import type { WorkflowEntity } from '../workflow/model.js';
import type { SalesApi } from '../workflow/api.js';
import { fetchAllRecords, fetchReport, sampledOf, stageTotals, type ReportResult } from '../workflow/reports.js';
import type { DashboardConfig } from './config.js';

export { stageTotals as funnelReport };

/* quota attainment: GET /api/reports/quota-attainment → QuotaRow[] */

export interface QuotaRow {
  salesperson_id: Identifier;
  /** The salesperson's name, joined by the server (absent from the browser fallback). */
  salesperson_name?: string | null;
  quota: number;
  won: number;
  /** Won opportunities counted (server only). */
  count?: number;
}

export function quotaAttainmentFromRows(
  quotas: RaRecord[],
  wonOpportunities: RaRecord[],
  fields: { salesperson: string; target: string; owner: string; amount: string | undefined },
): QuotaRow[] {
  const rows = new Map<string, QuotaRow>();
  const row = (id: Identifier) => {
    const key = String(id);
    if (!rows.has(key)) rows.set(key, { salesperson_id: id, quota: 0, won: 0 });
    return rows.get(key)!;
  };
  for (const quota of quotas) {
    if (quota[fields.salesperson] == null) continue;
    row(quota[fields.salesperson]).quota += amountOf(quota, fields.target);
  }
  for (const opportunity of wonOpportunities) {
    if (opportunity[fields.owner] == null) continue;
    row(opportunity[fields.owner]).won += amountOf(opportunity, fields.amount);
  }
  return [...rows.values()].sort((a, b) => b.quota - a.quota || b.won - a.won);
}

/**
 * On the server each quota meets the wins of its own month, within the period when one is given.
 * The browser fallback (a server without the report) sums every quota and every win.
 */
export function quotaAttainmentReport(
  dataProvider: DataProvider,
  opportunities: WorkflowEntity,
  config: DashboardConfig,
  period: Period = {},
): Promise<ReportResult<QuotaRow[]>> {
  return fetchReport(dataProvider, 'quota-attainment', { filter: config.quotas.filter, ...period }, async () => {
    const { field, stages, amountField } = opportunities.workflow;
    const wonStages = stages.filter((stage) => stage.kind === 'won').map((stage) => stage.id);
    const [quotas, won] = await Promise.all([
      fetchAllRecords(dataProvider, config.quotas.resource, config.quotas.filter),
      fetchAllRecords(dataProvider, opportunities.resource, { [field]: wonStages.length === 1 ? wonStages[0] : wonStages }),
    ]);
    const data = quotaAttainmentFromRows(quotas.rows, won.rows, {
      salesperson: config.quotas.salesperson,
      target: config.quotas.target,
      owner: config.opportunityOwner,
      amount: amountField,
    });
    return { data, sampled: sampledOf(quotas.rows, quotas.total) ?? sampledOf(won.rows, won.total) };
  });
}

/* overdue collections: GET /api/reports/overdue-collections?as_of=YYYY-MM-DD → AgeBucketRow[] */

export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface AgeBucketRow {
  bucket: AgeBucket;
  count: number;
  amount: number;
  /** The server's split of the bucket: collections, and instalments of instalment plans. */
  collections?: { count: number; amount: number };
  instalments?: { count: number; amount: number };
}

const DAY = 86_400_000;

export function ageBucket(daysOverdue: number): AgeBucket {
  if (daysOverdue <= 30) return '0-30';
  if (daysOverdue <= 60) return '31-60';
  if (daysOverdue <= 90) return '61-90';
  return '90+';
}

/** Days between two `YYYY-MM-DD` dates, counted in UTC so time zones do not shift a day. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY);
}

/**
 * Outstanding (amount − received > 0) items whose due date is before `asOf`, by days overdue,
 * whatever their stored stage says (it goes stale), except a lost stage (written off). The server
 * report adds the instalments of instalment plans; this fallback reads the collections only.
 */
export function overdueBucketsFromRows(
  rows: RaRecord[],
  asOf: string,
  entity: Pick<ClientEntityModel, 'workflow'>,
  fields: DashboardConfig['collections'],
): AgeBucketRow[] {
  const closed = new Set((entity.workflow?.stages ?? []).filter((stage) => stage.kind === 'lost').map((stage) => stage.id));
  const buckets = new Map<AgeBucket, AgeBucketRow>(AGE_BUCKETS.map((bucket) => [bucket, { bucket, count: 0, amount: 0 }]));
  for (const row of rows) {
    if (entity.workflow && closed.has(String(row[entity.workflow.field]))) continue;
    const due = row[fields.dueDate];
    if (typeof due !== 'string') continue;
    const days = daysBetween(due, asOf);
    const outstanding = amountOf(row, fields.amount) - amountOf(row, fields.received);
    if (days <= 0 || outstanding <= 0) continue;
    const bucket = buckets.get(ageBucket(days))!;
    bucket.count += 1;
    bucket.amount += outstanding;
  }
  return [...buckets.values()];
}

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function overdueCollectionsReport(
  dataProvider: DataProvider,
  entity: ClientEntityModel,
  config: DashboardConfig,
  asOf = todayIso(),
): Promise<ReportResult<AgeBucketRow[]>> {
  return fetchReport(dataProvider, 'overdue-collections', { as_of: asOf }, async () => {
    const { rows, total } = await fetchAllRecords(dataProvider, entity.resource);
    return { data: overdueBucketsFromRows(rows, asOf, entity, config.collections), sampled: sampledOf(rows, total) };
  });
}

/* complaints by category: GET /api/reports/complaints-by-category → CategoryRow[] */

export interface CategoryRow {
  category: string;
  count: number;
}

/** Counts per category, in the enum's order, then any value the enum does not list. */
export function categoriesFromRows(rows: RaRecord[], field: string, options: string[] = []): CategoryRow[] {
  const counts = new Map<string, number>(options.map((option) => [option, 0]));
  for (const row of rows) {
    const key = row[field] == null || row[field] === '' ? '' : String(row[field]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].filter(([, count]) => count > 0).map(([category, count]) => ({ category, count }));
}

export function complaintsByCategoryReport(
  dataProvider: DataProvider,
  entity: ClientEntityModel,
  config: DashboardConfig,
): Promise<ReportResult<CategoryRow[]>> {
  return fetchReport(dataProvider, 'complaints-by-category', {}, async () => {
    const { rows, total } = await fetchAllRecords(dataProvider, entity.resource);
    const options = entity.fields.find((field) => field.name === config.complaints.category)?.options?.map((o) => o.value);
    return { data: categoriesFromRows(rows, config.complaints.category, options), sampled: sampledOf(rows, total) };
  });
}

/* ---------------------------------------------------------------------------------------------
 * Reports the server alone computes (no browser fallback): sales by dimension, plan vs actual,
 * forecast accuracy, expense ratio, satisfaction by engineer. Each takes a period.
 */

/** Both ends included, `YYYY-MM-DD`; either may be open. */
export interface Period {
  from?: string;
  to?: string;
}

export const PERIOD_CHOICES = ['month', 'quarter', 'year', 'last_year', 'all'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

const isoDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The dates of a period choice around `now` (its local calendar date). */
export function periodRange(choice: PeriodChoice, now = new Date()): Period {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (choice) {
    case 'month':
      return { from: isoDay(year, month, 1), to: isoDay(year, month + 1, 0) };
    case 'quarter': {
      const first = month - (month % 3);
      return { from: isoDay(year, first, 1), to: isoDay(year, first + 3, 0) };
    }
    case 'year':
      return { from: isoDay(year, 0, 1), to: isoDay(year, 11, 31) };
    case 'last_year':
      return { from: isoDay(year - 1, 0, 1), to: isoDay(year - 1, 11, 31) };
    case 'all':
      return {};
  }
}

/** A report the server lacks (404 / 501): the card says so instead of counting in the browser. */
export class ReportUnavailable extends Error {
  readonly unavailable = true;
}

export async function serverReport<T>(dataProvider: DataProvider, name: string, params: Record<string, unknown>): Promise<ReportResult<T[]>> {
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

export const SALES_DIMENSIONS = ['salesperson', 'region', 'product', 'channel'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

/** `GET /api/reports/sales-by?by=…&from=…&to=…` */
export interface SalesByRow {
  key: Identifier | null;
  label: string | null;
  amount: number;
  count: number;
}

export const salesByReport = (dataProvider: DataProvider, by: SalesDimension, period: Period) =>
  serverReport<SalesByRow>(dataProvider, 'sales-by', { by, ...period });

/** `GET /api/reports/plan-vs-actual` */
export interface PlanRow {
  plan_id: Identifier;
  name: string | null;
  plan_type: string | null;
  period: string;
  team_id: Identifier | null;
  team_name: string | null;
  owner_id: Identifier | null;
  owner_name: string | null;
  target: number;
  actual: number;
  count: number;
}

export const planVsActualReport = (dataProvider: DataProvider, period: Period) => serverReport<PlanRow>(dataProvider, 'plan-vs-actual', { ...period });

/** `GET /api/reports/forecast-accuracy` */
export interface ForecastAccuracyRow {
  salesperson_id: Identifier;
  salesperson_name: string | null;
  period: string;
  forecasts: number;
  forecast: number;
  actual: number;
  error: number;
  accuracy: number | null;
}

export const forecastAccuracyReport = (dataProvider: DataProvider, period: Period) =>
  serverReport<ForecastAccuracyRow>(dataProvider, 'forecast-accuracy', { ...period });

/** `GET /api/reports/expense-ratio`: one row per salesperson, then the total (`total: true`). */
export interface ExpenseRatioRow {
  salesperson_id: Identifier | null;
  salesperson_name: string | null;
  expenses: number;
  won: number;
  ratio: number | null;
  total: boolean;
}

export const expenseRatioReport = (dataProvider: DataProvider, period: Period) =>
  serverReport<ExpenseRatioRow>(dataProvider, 'expense-ratio', { ...period });

/** `GET /api/reports/satisfaction-by-engineer`: scores from 4 (very satisfied) to 1 (poor). */
export interface EngineerSatisfactionRow {
  engineer_id: Identifier | null;
  engineer_name: string | null;
  surveys: number;
  score: number | null;
  attitude?: number | null;
  skill?: number | null;
  arrival_time?: number | null;
  promises_kept?: number | null;
}

export const satisfactionReport = (dataProvider: DataProvider, period: Period) =>
  serverReport<EngineerSatisfactionRow>(dataProvider, 'satisfaction-by-engineer', { ...period });
