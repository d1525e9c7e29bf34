import { describe, expect, it, vi } from 'vitest';
import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import {
  ageBucket, categoriesFromRows, complaintsByCategoryReport, daysBetween, overdueBucketsFromRows, overdueCollectionsReport, periodRange,
  quotaAttainmentFromRows, quotaAttainmentReport, salesByReport,
} from '../../src/dashboard/reports.js';
import { defaultDashboardConfig as config } from '../../src/dashboard/config.js';
import { fetchAllRecords, stageTotals, stageTotalsFromRecords } from '../../src/workflow/reports.js';
import type { WorkflowEntity } from '../../src/workflow/model.js';
import { testModel } from '../workflow/support.js';

const model = testModel();
const opportunities = model.entities.opportunities as WorkflowEntity;
const collections = model.entities.collections!;
const complaints = model.entities.complaints!;

/** A data provider over in-memory rows: getList honours equality / list filters and pages. */
function memoryProvider(db: Record<string, RaRecord[]>, getReport?: (name: string, params: unknown) => Promise<{ data: unknown }>) {
  const getList = vi.fn(async (resource: string, params: { filter?: Record<string, unknown>; pagination?: { page: number; perPage: number } }) => {
    const rows = (db[resource] ?? []).filter((row) =>
      Object.entries(params.filter ?? {}).every(([key, value]) => (Array.isArray(value) ? value.includes(row[key]) : row[key] === value)),
    );
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 10 };
    return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
  });
  return { getList, ...(getReport ? { getReport } : {}) } as unknown as DataProvider & { getList: typeof getList };
}

describe('stage totals', () => {
  it('counts and sums the amount field per stage, every stage present in order', () => {
    const rows = [
      { id: 1, stage: 'development', expected_amount: 100 },
      { id: 2, stage: 'development', expected_amount: 50.5 },
      { id: 3, stage: 'won', expected_amount: 1000 },
      { id: 4, stage: 'proposal', expected_amount: null },
    ];
    const totals = stageTotalsFromRecords(opportunities, rows);
    expect(totals.map((t) => t.stage)).toEqual(opportunities.workflow.stages.map((s) => s.id));
    // Weighted by the stage probability (development 10 %, won 100 %) when the record has none.
    expect(totals.find((t) => t.stage === 'development')).toEqual({ stage: 'development', count: 2, amount: 150.5, weighted: 15.05 });
    expect(totals.find((t) => t.stage === 'proposal')).toEqual({ stage: 'proposal', count: 1, amount: 0, weighted: 0 });
    expect(totals.find((t) => t.stage === 'won')).toEqual({ stage: 'won', count: 1, amount: 1000, weighted: 1000 });
  });

  it('uses the server report when it exists', async () => {
    const getReport = vi.fn(async () => ({ data: [{ stage: 'development', count: 9, amount: 9 }] }));
    const dp = memoryProvider({}, getReport);
    const result = await stageTotals(dp, opportunities, { owner_id: 1 });
    expect(result).toEqual({ data: [{ stage: 'development', count: 9, amount: 9 }] });
    expect(getReport).toHaveBeenCalledWith('stage-totals', { resource: 'opportunities', filter: { owner_id: 1 } });
    expect(dp.getList).not.toHaveBeenCalled();
  });

  it('falls back to paged getList calls when the report answers 404', async () => {
    const rows = Array.from({ length: 1203 }, (_, i) => ({ id: i + 1, stage: i % 2 ? 'proposal' : 'development', expected_amount: 10 }));
    const getReport = vi.fn(async () => { throw new HttpError('Not Found', 404); });
    const dp = memoryProvider({ opportunities: rows }, getReport);
    const result = await stageTotals(dp, opportunities);
    expect(dp.getList).toHaveBeenCalledTimes(3);
    expect(result.sampled).toBeUndefined();
    expect(result.data.find((t) => t.stage === 'development')).toEqual({ stage: 'development', count: 602, amount: 6020, weighted: 602 });
  });

  it('reads at most the cap and says how many rows it used', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ id: i + 1 }));
    const { rows: read, total } = await fetchAllRecords(memoryProvider({ r: rows }), 'r', {}, 600);
    expect(read).toHaveLength(600);
    expect(total).toBe(1200);
  });
});

describe('quota attainment', () => {
  it('sums quotas and won amounts per salesperson', () => {
    const rows = quotaAttainmentFromRows(
      [
        { id: 1, salesperson_id: 1, target_amount: 100 },
        { id: 2, salesperson_id: 1, target_amount: 50 },
        { id: 3, salesperson_id: 2, target_amount: 300 },
      ],
      [
        { id: 10, owner_id: 1, expected_amount: 120 },
        { id: 11, owner_id: 3, expected_amount: 10 },
      ],
      { salesperson: 'salesperson_id', target: 'target_amount', owner: 'owner_id', amount: 'expected_amount' },
    );
    expect(rows).toEqual([
      { salesperson_id: 2, quota: 300, won: 0 },
      { salesperson_id: 1, quota: 150, won: 120 },
      { salesperson_id: 3, quota: 0, won: 10 },
    ]);
  });

  it('reads only won opportunities in the fallback', async () => {
    const dp = memoryProvider({
      quotas: [{ id: 1, salesperson_id: 1, target_amount: 1000 }],
      opportunities: [
        { id: 1, owner_id: 1, stage: 'won', expected_amount: 400 },
        { id: 2, owner_id: 1, stage: 'proposal', expected_amount: 900 },
      ],
    });
    const result = await quotaAttainmentReport(dp, opportunities, config);
    expect(result.data).toEqual([{ salesperson_id: 1, quota: 1000, won: 400 }]);
  });
});

describe('overdue collections', () => {
  it('buckets by days overdue at the bucket edges', () => {
    expect([1, 30, 31, 60, 61, 90, 91, 400].map(ageBucket)).toEqual(['0-30', '0-30', '31-60', '31-60', '61-90', '61-90', '90+', '90+']);
    expect(daysBetween('2026-01-31', '2026-03-02')).toBe(30);
  });

  it('counts the outstanding amount of open items past their due date', () => {
    const asOf = '2026-06-30';
    const rows = [
      { id: 1, status: 'pending', expected_date: '2026-06-20', amount: 100, received_amount: 0 }, // 10 days
      { id: 2, status: 'partially_received', expected_date: '2026-05-01', amount: 100, received_amount: 40 }, // 60 days
      { id: 3, status: 'overdue', expected_date: '2026-03-01', amount: 500, received_amount: null }, // 121 days
      { id: 4, status: 'received', expected_date: '2026-01-01', amount: 500, received_amount: 500 }, // closed
      { id: 5, status: 'pending', expected_date: '2026-07-15', amount: 100, received_amount: 0 }, // not due
      { id: 6, status: 'overdue', expected_date: '2026-04-01', amount: 100, received_amount: 100 }, // fully paid
    ];
    expect(overdueBucketsFromRows(rows, asOf, collections, config.collections)).toEqual([
      { bucket: '0-30', count: 1, amount: 100 },
      { bucket: '31-60', count: 1, amount: 60 },
      { bucket: '61-90', count: 0, amount: 0 },
      { bucket: '90+', count: 1, amount: 500 },
    ]);
  });

  it('asks the server report with the date first', async () => {
    const getReport = vi.fn(async () => ({ data: [] }));
    await overdueCollectionsReport(memoryProvider({}, getReport), collections, config, '2026-06-30');
    expect(getReport).toHaveBeenCalledWith('overdue-collections', { as_of: '2026-06-30' });
  });
});

describe('complaints by category', () => {
  it('counts per category in the enum order, unknown values last', () => {
    const rows = [{ id: 1, category: 'price' }, { id: 2, category: 'service' }, { id: 3, category: 'price' }, { id: 4, category: null }];
    expect(categoriesFromRows(rows, 'category', ['product_quality', 'service', 'price'])).toEqual([
      { category: 'service', count: 1 },
      { category: 'price', count: 2 },
      { category: '', count: 1 },
    ]);
  });

  it('computes from the complaints in the fallback', async () => {
    const dp = memoryProvider({ complaints: [{ id: 1, category: 'delivery' }, { id: 2, category: 'delivery' }, { id: 3, category: 'staff' }] });
    const result = await complaintsByCategoryReport(dp, complaints, config);
    expect(result.data).toEqual([{ category: 'delivery', count: 2 }, { category: 'staff', count: 1 }]);
  });
});

describe('server-only reports', () => {
  it('turns a period choice into dates, both ends included', () => {
    const now = new Date(2026, 7, 15); // 15 August 2026, local time
    expect(periodRange('month', now)).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(periodRange('quarter', now)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('last_year', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('all', now)).toEqual({});
    expect(periodRange('month', new Date(2024, 1, 10))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('asks the server with the dimension and the period, and says when it lacks the report', async () => {
    const getReport = vi.fn(async () => ({ data: [{ key: 1, label: 'East', amount: 10, count: 1 }] }));
    const result = await salesByReport(memoryProvider({}, getReport), 'region', { from: '2026-01-01', to: '2026-12-31' });
    expect(getReport).toHaveBeenCalledWith('sales-by', { by: 'region', from: '2026-01-01', to: '2026-12-31' });
    expect(result.data).toEqual([{ key: 1, label: 'East', amount: 10, count: 1 }]);
    const missing = vi.fn(async () => { throw new HttpError('Report sales-by needs contracts.lines', 404); });
    await expect(salesByReport(memoryProvider({}, missing), 'product', {})).rejects.toMatchObject({ unavailable: true, message: 'Report sales-by needs contracts.lines' });
    await expect(salesByReport(memoryProvider({}), 'product', {})).rejects.toMatchObject({ unavailable: true });
  });

  it('passes the period to quota attainment', async () => {
    const getReport = vi.fn(async () => ({ data: [] }));
    await quotaAttainmentReport(memoryProvider({}, getReport), opportunities, config, { from: '1999-01-01', to: '1999-01-31' });
    expect(getReport).toHaveBeenCalledWith('quota-attainment', { filter: undefined, from: '1999-01-01', to: '1999-01-31' });
  });
});
