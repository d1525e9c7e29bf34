/** One card of the dashboard as model.json declares it: its report, asked of the server, drawn by its view. */
import { useState } from 'react';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useDataProvider, useLocaleState } from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import {
  REPORT_SPECS,
  SALES_DIMENSIONS,
  type ClientSalesModel,
  type DashboardCard,
  type ReportSpec,
  type SalesDimension,
} from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { useUiTranslate } from '../i18n/useUiTranslate.js';
import { retryUnlessUnavailable, serverReport } from '../workflow/reports.js';
import { CARD_VIEWS, rowsShown } from './cardViews.js';
import { PipelineSwitch } from './PipelineSwitch.js';
import { ReportCard } from './ReportCard.js';
import type { Period } from './reports.js';

export interface DashboardCardViewProps {
  card: DashboardCard;
  model: ClientSalesModel;
  /** The dashboard's period, sent to the reports that take one. */
  period: Period;
}

export function DashboardCardView({ card, model, period }: DashboardCardViewProps) {
  const dataProvider = useDataProvider();
  const [locale] = useLocaleState();
  const ui = useUiTranslate();
  const spec: ReportSpec = REPORT_SPECS[card.report];
  // sales-by offers its groupings in the card's header, starting from the declared one.
  const [by, setBy] = useState<SalesDimension>((card.params.by as SalesDimension | undefined) ?? 'salesperson');
  const grouped = card.report === 'sales-by';
  // A stage chart of a workflow with several pipelines shows one at a time, the main one first.
  const pipelines = card.report === 'stage-totals' ? model.entities[String(card.params.resource)]?.workflow?.pipelines : undefined;
  const [pipeline, setPipeline] = useState(pipelines?.list[0]?.id);
  const pipelineFilter = pipelines && pipeline ? { filter: { ...(card.params.filter as object), [pipelines.field]: pipeline } } : {};
  const params = { ...card.params, ...pipelineFilter, ...(grouped ? { by } : {}), ...(spec.period ? period : {}) };
  const query = useQuery({
    queryKey: ['report', card.report, params],
    queryFn: () => serverReport<unknown>(dataProvider, card.report, params),
    select: (result) => ({ data: rowsShown(card.report, result.data) }),
    retry: retryUnlessUnavailable,
  });
  const View = CARD_VIEWS[card.report];
  const action = grouped ? (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={by}
      onChange={(_, value: SalesDimension | null) => value && setBy(value)}
      data-testid="sales-by-dimension"
    >
      {SALES_DIMENSIONS.map((dimension) => (
        <ToggleButton key={dimension} value={dimension}>
          {ui(`reports.by_${dimension}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  ) : pipelines && pipeline ? (
    <PipelineSwitch pipelines={pipelines.list} value={pipeline} onChange={setPipeline} locale={locale} />
  ) : undefined;
  return (
    <ReportCard
      title={labelIn(card.title, locale)}
      testId={`report-${card.report}${card.chart ? `-${card.chart}` : ''}`}
      query={query}
      action={action}
    >
      {(rows) => <View rows={rows} card={card} model={model} locale={locale} params={params} />}
    </ReportCard>
  );
}
