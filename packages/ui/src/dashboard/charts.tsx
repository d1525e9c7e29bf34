/** The dashboard charts and tables; each takes the rows of its report. */
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { formatMoney, formatNumber, formatPercent } from '../fields/format.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { stageLabel, type WorkflowEntity } from '../workflow/model.js';
import type { StageTotal } from '../workflow/reports.js';
import { compactMoney } from './compactMoney.js';
import type {
  AgeBucketRow,
  CategoryRow,
  EngineerSatisfactionRow,
  ExpenseRatioRow,
  ForecastAccuracyRow,
  PlanRow,
  QuotaRow,
  SalesByRow,
  SalesDimension,
} from './reports.js';
import { BarChart, DonutChart } from './svgCharts.js';

const moneyIn = (locale: string) => (value: number | null) => formatMoney(value ?? 0, locale);
const compactIn = (locale: string) => (value: number | null) => compactMoney(value, locale);
const percent = (value: number | null | undefined, locale: string) => (value == null ? '—' : formatPercent(value, locale, 1));

export function FunnelChart({ rows, entity, locale }: { rows: StageTotal[]; entity: WorkflowEntity; locale: string }) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const { workflow } = entity;
  const kinds = new Map(workflow.stages.map((stage) => [stage.id, stage.kind]));
  const bars = rows
    .filter((row) => kinds.get(row.stage) !== 'lost' || row.count > 0)
    .map((row) => ({ key: row.stage, name: `${stageLabel(workflow, row.stage, locale)} (${row.count})`, values: { amount: row.amount } }));
  return (
    <BarChart
      xTitle={ui('axes.stage')}
      yTitle={ui('axes.money')}
      title={t('dashboard.funnel')}
      bars={bars}
      series={[{ dataKey: 'amount', label: t('dashboard.funnel_amount') }]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function QuotaChart({ rows, locale }: { rows: QuotaRow[]; locale: string }) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  // Rows are told apart by their key, so two salespeople of the same name keep their own bars.
  const bars = rows.map((row) => {
    const name = row.salesperson_name || `#${row.salesperson_id}`;
    const ratio = row.quota > 0 ? Math.round((row.won / row.quota) * 100) : null;
    return {
      key: String(row.salesperson_id),
      name,
      detail: ratio == null ? name : `${name} · ${ratio}%`,
      values: { quota: row.quota, won: row.won },
    };
  });
  return (
    <BarChart
      xTitle={ui('axes.salesperson')}
      yTitle={ui('axes.money')}
      title={t('dashboard.quota')}
      bars={bars}
      series={[
        { dataKey: 'quota', label: t('dashboard.quota_target') },
        { dataKey: 'won', label: t('dashboard.quota_won'), tone: 'success' },
      ]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function OverdueChart({ rows, locale }: { rows: AgeBucketRow[]; locale: string }) {
  const t = useSalesTranslate();
  const ui = useUiTranslate();
  const bars = rows.map((row) => ({
    key: row.bucket,
    name: `${t('dashboard.days', { range: row.bucket })} (${row.count})`,
    values: { amount: row.amount },
  }));
  return (
    <BarChart
      xTitle={ui('axes.age')}
      yTitle={ui('axes.money')}
      title={ui('reports.overdue')}
      bars={bars}
      series={[{ dataKey: 'amount', label: t('dashboard.overdue_amount'), tone: 'error' }]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function ComplaintsChart({ rows, locale }: { rows: CategoryRow[]; locale: string }) {
  const t = useSalesTranslate();
  // The server labels each category in the request's language.
  const label = (row: CategoryRow) => row.label || row.category || '—';
  return (
    <DonutChart
      title={t('dashboard.complaints')}
      slices={rows.map((row, index) => ({ key: `${index}`, label: label(row), value: row.count }))}
      format={(value) => formatNumber(value, locale)}
      locale={locale}
    />
  );
}

export function SalesByChart({ rows, locale, by }: { rows: SalesByRow[]; locale: string; by?: SalesDimension }) {
  const t = useUiTranslate();
  const xTitle = by ? t(`reports.by_${by}`) : undefined;
  const bars = rows.map((row, index) => {
    const name = row.label ?? (row.key == null ? t('reports.none') : String(row.key));
    return { key: `${index}`, name, detail: `${name} (${row.count})`, values: { amount: row.amount } };
  });
  return (
    <BarChart
      xTitle={xTitle}
      yTitle={t('axes.money')}
      title={t('reports.sales_by')}
      bars={bars}
      series={[{ dataKey: 'amount', label: t('reports.amount') }]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function PlanChart({ rows, locale }: { rows: PlanRow[]; locale: string }) {
  const t = useUiTranslate();
  const bars = rows.map((row) => {
    const name = `${row.name ?? `#${row.plan_id}`} · ${row.period}`;
    const subject = row.team_name ?? row.owner_name;
    const ratio = row.target > 0 ? ` · ${percent(row.actual / row.target, locale)}` : '';
    return {
      key: String(row.plan_id),
      name,
      detail: `${name}${subject ? ` (${subject})` : ''}${ratio}`,
      values: { target: row.target, actual: row.actual },
    };
  });
  return (
    <BarChart
      xTitle={t('axes.plan')}
      yTitle={t('axes.money')}
      title={t('reports.plan_vs_actual')}
      bars={bars}
      series={[
        { dataKey: 'target', label: t('reports.target') },
        { dataKey: 'actual', label: t('reports.actual'), tone: 'success' },
      ]}
      format={moneyIn(locale)}
      axis={compactIn(locale)}
    />
  );
}

export function SatisfactionChart({ rows, locale }: { rows: EngineerSatisfactionRow[]; locale: string }) {
  const t = useUiTranslate();
  const score = (value: number | null) => (value == null ? '—' : formatNumber(value, locale, { maximumFractionDigits: 2 }));
  const bars = rows.map((row, index) => {
    const name = row.engineer_name ?? t('reports.none');
    return { key: `${index}`, name, detail: `${name} (${t('reports.surveys')}: ${row.surveys})`, values: { score: row.score } };
  });
  return (
    <BarChart
      xTitle={t('axes.engineer')}
      yTitle={t('axes.score')}
      title={t('reports.satisfaction')}
      bars={bars}
      series={[{ dataKey: 'score', label: t('reports.score'), tone: 'success' }]}
      format={score}
      axis={score}
      max={4}
    />
  );
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
