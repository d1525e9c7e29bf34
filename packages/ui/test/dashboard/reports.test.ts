import { describe, expect, it, vi } from 'vitest';
import { HttpError, type DataProvider } from 'react-admin';
import { periodRange } from '../../src/dashboard/reports.js';
import { serverReport, stageTotals } from '../../src/workflow/reports.js';
import type { WorkflowEntity } from '../../src/workflow/model.js';
import { testModel } from '../workflow/support.js';

const opportunities = testModel().entities.opportunities as WorkflowEntity;

/** A data provider whose lists must never be read: reports come from the server alone. */
function provider(getReport?: (name: string, params: unknown) => Promise<{ data: unknown }>) {
  const getList = vi.fn(async () => ({ data: [], total: 0 }));
  return { getList, ...(getReport ? { getReport } : {}) } as unknown as DataProvider & { getList: typeof getList };
}

describe('reports are computed by the server only', () => {
  it('reads the stage totals from the server report', async () => {
    const getReport = vi.fn(async () => ({ data: [{ stage: 'development', count: 9, amount: 9 }] }));
    const dp = provider(getReport);
    expect(await stageTotals(dp, opportunities, { owner_id: 1 })).toEqual({ data: [{ stage: 'development', count: 9, amount: 9 }] });
    expect(getReport).toHaveBeenCalledWith('stage-totals', { resource: 'opportunities', filter: { owner_id: 1 } });
  });

  it('says a report is not available when the server lacks it, without counting records in the browser', async () => {
    const missing = vi.fn(async () => {
      throw new HttpError('Report stage-totals needs opportunities', 404);
    });
    const dp = provider(missing);
    await expect(stageTotals(dp, opportunities)).rejects.toMatchObject({
      unavailable: true,
      message: 'Report stage-totals needs opportunities',
    });
    await expect(serverReport(provider(), 'sales-by', {})).rejects.toMatchObject({ unavailable: true });
    expect(dp.getList).not.toHaveBeenCalled();
  });

  it('passes other errors on', async () => {
    const failing = vi.fn(async () => {
      throw new HttpError('boom', 500);
    });
    await expect(serverReport(provider(failing), 'quota-attainment', {})).rejects.toMatchObject({ status: 500 });
  });

  it('turns a period choice into dates, both ends included', () => {
    const now = new Date(2026, 7, 15); // 15 August 2026, local time
    expect(periodRange('month', now)).toEqual({ from: '2026-08-01', to: '2026-08-31' });
    expect(periodRange('quarter', now)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('year', now)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('last_year', now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('all', now)).toEqual({});
    expect(periodRange('month', new Date(2024, 1, 10))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });
});
