/**
 * The dashboard's reports: one function per report, each asking `GET /api/reports/<name>` first
 * and computing the same rows from bounded getList calls while the server lacks the endpoint.
 * The `…FromRows` functions are the pure aggregations (and the reference of what the server
 * endpoint must return).
 */
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { amountOf } from '../workflow/amount.js';
import type { WorkflowEntity } from '../workflow/model.js';
import { fetchAllRecords, fetchReport, sampledOf, stageTotals, type ReportResult } from '../workflow/reports.js';
import type { DashboardConfig } from './config.js';

export { stageTotals as funnelReport };

/* quota attainment: GET /api/reports/quota-attainment → QuotaRow[] */

export interface QuotaRow {
  salesperson_id: Identifier;
  quota: number;
  won: number;
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

export function quotaAttainmentReport(
  dataProvider: DataProvider,
  opportunities: WorkflowEntity,
  config: DashboardConfig,
): Promise<ReportResult<QuotaRow[]>> {
  return fetchReport(dataProvider, 'quota-attainment', { filter: config.quotas.filter }, async () => {
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
 * Outstanding (amount − received > 0) items of an open stage whose due date is before `asOf`,
 * by days overdue. Items in a closed stage (received, written off) are not overdue.
 */
export function overdueBucketsFromRows(
  rows: RaRecord[],
  asOf: string,
  entity: Pick<EntityModel, 'workflow'>,
  fields: DashboardConfig['collections'],
): AgeBucketRow[] {
  const closed = new Set((entity.workflow?.stages ?? []).filter((stage) => stage.kind !== 'open').map((stage) => stage.id));
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
  entity: EntityModel,
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
  entity: EntityModel,
  config: DashboardConfig,
): Promise<ReportResult<CategoryRow[]>> {
  return fetchReport(dataProvider, 'complaints-by-category', {}, async () => {
    const { rows, total } = await fetchAllRecords(dataProvider, entity.resource);
    const options = entity.fields.find((field) => field.name === config.complaints.category)?.options?.map((o) => o.value);
    return { data: categoriesFromRows(rows, config.complaints.category, options), sampled: sampledOf(rows, total) };
  });
}
