/** The four dashboard charts; each takes the rows of its report. */
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useGetManyAggregate, useGetRecordRepresentation } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { formatMoney } from '../fields/format.js';
import { labelIn } from '../i18n/labels.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { stageLabel, type WorkflowEntity } from '../workflow/model.js';
import type { StageTotal } from '../workflow/reports.js';
import { compactMoney } from './compactMoney.js';
import type { AgeBucketRow, CategoryRow, QuotaRow } from './reports.js';

const HEIGHT = 300;

export function FunnelChart({ rows, entity, locale }: { rows: StageTotal[]; entity: WorkflowEntity; locale: string }) {
  const t = useSalesTranslate();
  const { workflow } = entity;
  const kinds = new Map(workflow.stages.map((stage) => [stage.id, stage.kind]));
  const dataset = rows
    .filter((row) => kinds.get(row.stage) !== 'lost' || row.count > 0)
    .map((row) => ({ label: `${stageLabel(workflow, row.stage, locale)} (${row.count})`, amount: row.amount, count: row.count }));
  return (
    <BarChart
      height={HEIGHT + 60}
      layout="horizontal"
      dataset={dataset}
      yAxis={[{ scaleType: 'band', dataKey: 'label', width: 170 }]}
      xAxis={[{ valueFormatter: (value: number | null) => compactMoney(value, locale) }]}
      series={[{ dataKey: 'amount', label: t('dashboard.funnel_amount'), valueFormatter: (value) => formatMoney(value ?? 0, locale) }]}
      hideLegend
    />
  );
}

export function QuotaChart({ rows, salespeople, locale }: { rows: QuotaRow[]; salespeople: string; locale: string }) {
  const t = useSalesTranslate();
  const { data = [] } = useGetManyAggregate(salespeople, { ids: rows.map((row) => row.salesperson_id) });
  const represent = useGetRecordRepresentation(salespeople);
  const names = new Map(data.map((record) => [String(record.id), String(represent(record))]));
  const dataset = rows.map((row) => ({
    name: names.get(String(row.salesperson_id)) ?? `#${row.salesperson_id}`,
    quota: row.quota,
    won: row.won,
    ratio: row.quota > 0 ? Math.round((row.won / row.quota) * 100) : null,
  }));
  const money = (value: number | null) => formatMoney(value ?? 0, locale);
  return (
    <BarChart
      height={HEIGHT}
      dataset={dataset}
      xAxis={[{ scaleType: 'band', dataKey: 'name', valueFormatter: (name: string, context) => {
        const row = dataset.find((item) => item.name === name);
        return context.location === 'tick' || row?.ratio == null ? name : `${name} · ${row.ratio}%`;
      } }]}
      yAxis={[{ valueFormatter: (value: number | null) => compactMoney(value, locale), width: 70 }]}
      series={[
        { dataKey: 'quota', label: t('dashboard.quota_target'), valueFormatter: money },
        { dataKey: 'won', label: t('dashboard.quota_won'), valueFormatter: money },
      ]}
    />
  );
}

export function OverdueChart({ rows, locale }: { rows: AgeBucketRow[]; locale: string }) {
  const t = useSalesTranslate();
  const dataset = rows.map((row) => ({ label: `${t('dashboard.days', { range: row.bucket })} (${row.count})`, amount: row.amount }));
  return (
    <BarChart
      height={HEIGHT}
      dataset={dataset}
      xAxis={[{ scaleType: 'band', dataKey: 'label' }]}
      yAxis={[{ valueFormatter: (value: number | null) => compactMoney(value, locale), width: 70 }]}
      series={[{ dataKey: 'amount', label: t('dashboard.overdue_amount'), valueFormatter: (value) => formatMoney(value ?? 0, locale), color: '#d32f2f' }]}
      hideLegend
    />
  );
}

export function ComplaintsChart({ rows, entity, field, locale }: { rows: CategoryRow[]; entity: EntityModel; field: string; locale: string }) {
  const options = entity.fields.find((item) => item.name === field)?.options ?? [];
  const label = (value: string) => labelIn(options.find((option) => option.value === value)?.label, locale) || value || '—';
  return (
    <PieChart
      height={HEIGHT}
      series={[{
        data: rows.map((row, index) => ({ id: index, value: row.count, label: `${label(row.category)} (${row.count})` })),
        innerRadius: 40,
        paddingAngle: 1,
      }]}
    />
  );
}
