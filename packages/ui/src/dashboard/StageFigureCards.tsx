/**
 * The tables of the stage figures: the weighted pipeline (each open stage's amount × its win
 * probability, from `stage-totals`), forecast against quota per salesperson (`forecast-vs-quota`),
 * and the records past their stage's time limit (`stage-sla`), each row opening the list filtered on them.
 */
import { Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { Link, useCreatePath } from 'react-admin';
import type { Identifier } from 'react-admin';
import type { ClientSalesModel } from '@ra-sales/schema';
import { formatMoney, formatPercent } from '../fields/format.js';
import { labelIn } from '../i18n/labels.js';
import { useSalesTranslate } from '../workflow/messages.js';
import { stageLabel, type WorkflowEntity } from '../workflow/model.js';
import { STAGE_OVERDUE_FILTER, type StageTotal } from '../workflow/reports.js';

/** `GET /api/reports/forecast-vs-quota?from=&to=` */
export interface ForecastVsQuotaRow {
  salesperson_id: Identifier;
  salesperson_name: string | null;
  quota: number;
  won: number;
  commit: number;
  best_case: number;
  pipeline: number;
}

/** `GET /api/reports/stage-sla`: per stage with a time limit, the records past it. */
export interface StageSlaRow {
  resource: string;
  stage: string;
  sla_days: number;
  count: number;
  in_stage: number;
  max_days: number | null;
}

/**
 * The list of a resource filtered on the records past their stage's limit, in one stage. `listPath`
 * is the list's path in the admin (`useCreatePath()({ resource, type: 'list' })`, which carries
 * `<Admin basename>`); without it, `/<resource>`.
 */
export const overdueListPath = (row: Pick<StageSlaRow, 'resource' | 'stage'>, stageField: string, listPath = `/${row.resource}`) =>
  `${listPath}?filter=${encodeURIComponent(JSON.stringify({ [STAGE_OVERDUE_FILTER]: true, [stageField]: row.stage }))}`;

export function WeightedPipelineTable({ rows, entity, locale }: { rows: StageTotal[]; entity: WorkflowEntity; locale: string }) {
  const t = useSalesTranslate();
  const { workflow } = entity;
  const open = rows.filter((row) => workflow.stages.find((stage) => stage.id === row.stage)?.kind === 'open');
  const money = (value: number | null | undefined) => formatMoney(value ?? 0, locale);
  const total = (key: 'amount' | 'weighted') => open.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  return (
    <Table size="small" data-testid="weighted-pipeline">
      <TableHead>
        <TableRow>
          <TableCell>{t('dashboard.stage')}</TableCell>
          <TableCell align="right">{t('dashboard.probability')}</TableCell>
          <TableCell align="right">{t('dashboard.amount')}</TableCell>
          <TableCell align="right">{t('dashboard.weighted')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {open.map((row) => {
          const probability = workflow.stages.find((stage) => stage.id === row.stage)?.probability;
          return (
            <TableRow key={row.stage}>
              <TableCell>{`${stageLabel(workflow, row.stage, locale)} (${row.count})`}</TableCell>
              <TableCell align="right">{probability === undefined ? '—' : `${probability} %`}</TableCell>
              <TableCell align="right">{money(row.amount)}</TableCell>
              <TableCell align="right">{money(row.weighted)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>{t('dashboard.weighted_total')}</TableCell>
          <TableCell align="right">{money(total('amount'))}</TableCell>
          <TableCell align="right" data-testid="weighted-pipeline-total">
            {money(total('weighted'))}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
}

export function ForecastVsQuotaTable({ rows, locale }: { rows: ForecastVsQuotaRow[]; locale: string }) {
  const t = useSalesTranslate();
  const money = (value: number) => formatMoney(value, locale);
  const percent = (value: number) => formatPercent(value, locale);
  return (
    <Table size="small" data-testid="forecast-vs-quota">
      <TableHead>
        <TableRow>
          <TableCell>{t('dashboard.salesperson')}</TableCell>
          <TableCell align="right">{t('dashboard.forecast_quota')}</TableCell>
          <TableCell align="right">{t('dashboard.won')}</TableCell>
          <TableCell align="right">{t('dashboard.commit')}</TableCell>
          <TableCell align="right">{t('dashboard.best_case')}</TableCell>
          <TableCell align="right">{t('dashboard.pipeline')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          // Won + commit against the quota: what the salesperson stands behind.
          const covered = row.quota > 0 ? ` (${percent((row.won + row.commit) / row.quota)})` : '';
          return (
            <TableRow key={String(row.salesperson_id)}>
              <TableCell>{row.salesperson_name ?? `#${row.salesperson_id}`}</TableCell>
              <TableCell align="right">{money(row.quota)}</TableCell>
              <TableCell align="right">{money(row.won)}</TableCell>
              <TableCell align="right">
                {money(row.commit)}
                {covered}
              </TableCell>
              <TableCell align="right">{money(row.best_case)}</TableCell>
              <TableCell align="right">{money(row.pipeline)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

export function StageSlaTable({ rows, model, locale }: { rows: StageSlaRow[]; model: ClientSalesModel; locale: string }) {
  const t = useSalesTranslate();
  const createPath = useCreatePath();
  return (
    <Table size="small" data-testid="stage-sla">
      <TableHead>
        <TableRow>
          <TableCell>{t('dashboard.entity')}</TableCell>
          <TableCell>{t('dashboard.stage')}</TableCell>
          <TableCell align="right">{t('dashboard.sla_limit')}</TableCell>
          <TableCell align="right">{t('dashboard.sla_overdue')}</TableCell>
          <TableCell align="right">{t('dashboard.sla_longest')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const entity = model.entities[row.resource];
          const workflow = entity?.workflow;
          const stage = workflow ? stageLabel(workflow, row.stage, locale) : row.stage;
          return (
            <TableRow key={`${row.resource}.${row.stage}`} data-testid="stage-sla-row" data-overdue={row.count}>
              <TableCell>{entity ? labelIn(entity.pluralLabel, locale) : row.resource}</TableCell>
              <TableCell>{stage}</TableCell>
              <TableCell align="right">{t('dashboard.sla_limit_days', { days: row.sla_days })}</TableCell>
              <TableCell align="right">
                {row.count > 0 && workflow ? (
                  <Tooltip title={t('workflow.stage_overdue')}>
                    <Link to={overdueListPath(row, workflow.field, createPath({ resource: row.resource, type: 'list' }))}>
                      <Typography component="span" sx={{ color: 'warning.main', fontWeight: 600 }}>
                        {row.count}
                      </Typography>
                    </Link>
                  </Tooltip>
                ) : (
                  row.count
                )}
                {` / ${row.in_stage}`}
              </TableCell>
              <TableCell align="right">{row.max_days == null ? '—' : t('dashboard.sla_limit_days', { days: row.max_days })}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
