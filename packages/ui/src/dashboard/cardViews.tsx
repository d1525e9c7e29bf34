/** How each report of the server is drawn on a dashboard card: one view per report id. */
import type { ReactNode } from 'react';
import type { ClientSalesModel, DashboardCard, ReportId, SalesDimension } from '@ra-sales/schema';
import type { WorkflowEntity } from '../workflow/model.js';
import type { StageTotal } from '../workflow/reports.js';
import {
  ComplaintsChart,
  ExpenseTable,
  ForecastTable,
  FunnelChart,
  OverdueChart,
  PlanChart,
  QuotaChart,
  SalesByChart,
  SatisfactionChart,
} from './charts.js';
import { HeadlineFigures } from './HeadlineFigures.js';
import type { ExpenseRatioRow } from './reports.js';
import { ForecastVsQuotaTable, StageSlaTable, WeightedPipelineTable } from './StageFigureCards.js';

export interface CardViewProps {
  /** The rows of the card's report; each view reads them as its report's row type (./reports.ts). */
  rows: any[];
  card: DashboardCard;
  model: ClientSalesModel;
  locale: string;
  /** The parameters the report was asked with (the card's, and the choices made in its header). */
  params: Record<string, unknown>;
}

/** The workflow entity a `stage-totals` card names (`params.resource`, checked by the schema loader). */
function workflowOf(card: DashboardCard, model: ClientSalesModel): WorkflowEntity | undefined {
  const entity = model.entities[String(card.params.resource)];
  return entity?.workflow ? (entity as WorkflowEntity) : undefined;
}

function StageTotalsView({ rows, card, model, locale }: CardViewProps) {
  const entity = workflowOf(card, model);
  if (!entity) return null;
  return card.chart === 'weighted' ? (
    <WeightedPipelineTable rows={rows as StageTotal[]} entity={entity} locale={locale} />
  ) : (
    <FunnelChart rows={rows as StageTotal[]} entity={entity} locale={locale} />
  );
}

export const CARD_VIEWS: Record<ReportId, (props: CardViewProps) => ReactNode> = {
  'stage-totals': StageTotalsView,
  'quota-attainment': ({ rows, locale }) => <QuotaChart rows={rows} locale={locale} />,
  'overdue-collections': ({ rows, locale }) => <OverdueChart rows={rows} locale={locale} />,
  'complaints-by-category': ({ rows, locale }) => <ComplaintsChart rows={rows} locale={locale} />,
  'sales-by': ({ rows, locale, params }) => <SalesByChart rows={rows} locale={locale} by={params.by as SalesDimension | undefined} />,
  'plan-vs-actual': ({ rows, locale }) => <PlanChart rows={rows} locale={locale} />,
  'forecast-accuracy': ({ rows, locale }) => <ForecastTable rows={rows} locale={locale} />,
  'expense-ratio': ({ rows, locale }) => <ExpenseTable rows={rows} locale={locale} />,
  'satisfaction-by-engineer': ({ rows, locale }) => <SatisfactionChart rows={rows} locale={locale} />,
  'forecast-vs-quota': ({ rows, locale }) => <ForecastVsQuotaTable rows={rows} locale={locale} />,
  'stage-sla': ({ rows, model, locale }) => <StageSlaTable rows={rows} model={model} locale={locale} />,
  headline: ({ model }) => <HeadlineFigures model={model} />,
};

/** Rows worth drawing: the expense ratio's lone total row with nothing in it is no data. */
export function rowsShown(report: ReportId, rows: unknown[]): unknown[] {
  if (report !== 'expense-ratio') return rows;
  return (rows as ExpenseRatioRow[]).every((row) => row.total && !row.expenses && !row.won) ? [] : rows;
}
