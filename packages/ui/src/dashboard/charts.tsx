/** The dashboard charts and tables; each takes the rows of its report. */
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetManyAggregate, useGetRecordRepresentation } from 'react-admin';
import type { EntityModel } from '@ra-sales/schema';
import { formatMoney } from '../fields/format.js';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { stageLabel, type WorkflowEntity } from '../workflow/model.js';
import type { StageTotal } from '../workflow/reports.js';
import { compactMoney } from './compactMoney.js';
import type {
  AgeBucketRow, CategoryRow, EngineerSatisfactionRow, ExpenseRatioRow, ForecastAccuracyRow, PlanRow, QuotaRow, SalesByRow,
} from './reports.js';

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

/** One horizontal bar (or group of bars) per row, its name on the axis; `detail` replaces the name in the tooltip. */
interface NamedBar {
  key: string;
  name: string;
  detail?: string;
  values: Record<string, number | null>;
}

interface NamedBarsProps {
  bars: NamedBar[];
  series: { dataKey: string; label: string; color?: string }[];
  /** A value in the tooltip, and on the value axis (`axis`, compact). */
  format: (value: number | null) => string;
  axis: (value: number | null) => string;
  max?: number;
}

/**
 * Horizontal bars named on the band axis: every name shows however many rows there are (a
 * vertical band axis hides the labels that would overlap), and rows are told apart by their key,
 * so two salespeople or products of the same name keep their own bars.
 */
function NamedBars({ bars, series, format, axis, max }: NamedBarsProps) {
  const byKey = new Map(bars.map((bar) => [bar.key, bar]));
  return (
    <BarChart
      height={Math.max(160, bars.length * (series.length > 1 ? 44 : 30) + 80)}
      layout="horizontal"
      dataset={bars.map((bar) => ({ key: bar.key, ...bar.values }))}
      yAxis={[{
        scaleType: 'band',
        dataKey: 'key',
        width: 160,
        valueFormatter: (key: string, context) => {
          const bar = byKey.get(String(key));
          if (!bar) return String(key);
          return context.location === 'tick' ? bar.name : (bar.detail ?? bar.name);
        },
      }]}
      xAxis={[{ valueFormatter: axis, ...(max !== undefined ? { min: 0, max } : {}) }]}
      series={series.map((s) => ({ ...s, valueFormatter: format }))}
      hideLegend={series.length === 1}
    />
  );
}

const moneyIn = (locale: string) => (value: number | null) => formatMoney(value ?? 0, locale);
const compactIn = (locale: string) => (value: number | null) => compactMoney(value, locale);
const percent = (value: number | null | undefined, locale: string) =>
  value == null ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);

export function QuotaChart({ rows, salespeople, locale }: { rows: QuotaRow[]; salespeople: string; locale: string }) {
  const t = useSalesTranslate();
  // The server names each salesperson; rows of the browser fallback are named from the salespeople.
  const unnamed = rows.filter((row) => !row.salesperson_name).map((row) => row.salesperson_id);
  const { data = [] } = useGetManyAggregate(salespeople, { ids: unnamed }, { enabled: unnamed.length > 0 });
  const represent = useGetRecordRepresentation(salespeople);
  const fetched = new Map(data.map((record) => [String(record.id), String(represent(record))]));
  const bars = rows.map((row) => {
    const name = row.salesperson_name || fetched.get(String(row.salesperson_id)) || `#${row.salesperson_id}`;
    const ratio = row.quota > 0 ? Math.round((row.won / row.quota) * 100) : null;
    return { key: String(row.salesperson_id), name, detail: ratio == null ? name : `${name} · ${ratio}%`, values: { quota: row.quota, won: row.won } };
  });
  return (
    <NamedBars
      bars={bars}
      series={[{ dataKey: 'quota', label: t('dashboard.quota_target') }, { dataKey: 'won', label: t('dashboard.quota_won') }]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
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

export function SalesByChart({ rows, locale }: { rows: SalesByRow[]; locale: string }) {
  const t = useUiTranslate();
  const bars = rows.map((row, index) => {
    const name = row.label ?? (row.key == null ? t('reports.none') : String(row.key));
    return { key: `${index}`, name, detail: `${name} (${row.count})`, values: { amount: row.amount } };
  });
  return <NamedBars bars={bars} series={[{ dataKey: 'amount', label: t('reports.amount') }]} format={moneyIn(locale)} axis={compactIn(locale)} />;
}

export function PlanChart({ rows, locale }: { rows: PlanRow[]; locale: string }) {
  const t = useUiTranslate();
  const bars = rows.map((row) => {
    const name = `${row.name ?? `#${row.plan_id}`} · ${row.period}`;
    const subject = row.team_name ?? row.owner_name;
    const ratio = row.target > 0 ? ` · ${percent(row.actual / row.target, locale)}` : '';
    return { key: String(row.plan_id), name, detail: `${name}${subject ? ` (${subject})` : ''}${ratio}`, values: { target: row.target, actual: row.actual } };
  });
  return (
    <NamedBars
      bars={bars}
      series={[{ dataKey: 'target', label: t('reports.target') }, { dataKey: 'actual', label: t('reports.actual') }]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function SatisfactionChart({ rows, locale }: { rows: EngineerSatisfactionRow[]; locale: string }) {
  const t = useUiTranslate();
  const score = (value: number | null) => (value == null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));
  const bars = rows.map((row, index) => {
    const name = row.engineer_name ?? t('reports.none');
    return { key: `${index}`, name, detail: `${name} (${t('reports.surveys')}: ${row.surveys})`, values: { score: row.score } };
  });
  return <NamedBars bars={bars} series={[{ dataKey: 'score', label: t('reports.score'), color: '#2e7d32' }]} format={score} axis={score} max={4} />;
}

export function ForecastTable({ rows, locale }: { rows: ForecastAccuracyRow[]; locale: string }) {
  const t = useUiTranslate();
  const money = moneyIn(locale);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('reports.salesperson')}</TableCell>
          <TableCell>{t('reports.month')}</TableCell>
          <TableCell align="right">{t('reports.forecast')}</TableCell>
          <TableCell align="right">{t('reports.actual')}</TableCell>
          <TableCell align="right">{t('reports.accuracy')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={`${row.salesperson_id}-${row.period}`}>
            <TableCell>{row.salesperson_name ?? `#${row.salesperson_id}`}</TableCell>
            <TableCell>{row.period}</TableCell>
            <TableCell align="right">{money(row.forecast)}</TableCell>
            <TableCell align="right">{money(row.actual)}</TableCell>
            <TableCell align="right">{percent(row.accuracy, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ExpenseTable({ rows, locale }: { rows: ExpenseRatioRow[]; locale: string }) {
  const t = useUiTranslate();
  const money = moneyIn(locale);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{t('reports.salesperson')}</TableCell>
          <TableCell align="right">{t('reports.expenses')}</TableCell>
          <TableCell align="right">{t('reports.won')}</TableCell>
          <TableCell align="right">{t('reports.ratio')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.total ? 'total' : String(row.salesperson_id)} sx={row.total ? { '& td': { fontWeight: 'bold' } } : undefined}>
            <TableCell>{row.total ? t('reports.total') : (row.salesperson_name ?? t('reports.none'))}</TableCell>
            <TableCell align="right">{money(row.expenses)}</TableCell>
            <TableCell align="right">{money(row.won)}</TableCell>
            <TableCell align="right">{percent(row.ratio, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
