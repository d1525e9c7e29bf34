/**
 * `headline?today=YYYY-MM-DD` → the headline figures of model.json (`dashboard.figures`), in order:
 * `[{ value, previous, error }]`. Each is one value of its report's answer — the report run as a
 * card would ask for it, so within the caller's read scope — reduced here to one number; with
 * `compare`, the same for the period before. A figure whose report is not available (a company
 * removed its entity) answers `value: null` and the reason, and the others still count.
 */
import type { DashboardFigure, FigurePeriod, ReportId, SalesModel, StageKind } from '@ra-sales/schema';
import type { RequestContext } from '../router/context.js';
import { HttpError } from '../router/errors.js';
import { dateParameter, type Period, type Query, type Report } from './common.js';

type Row = Record<string, unknown>;
/** The figure's value from its report's rows. */
type Reducer = (rows: Row[], figure: DashboardFigure, model: SalesModel) => number | null;

const sum = (rows: Row[], key: string) => rows.reduce((total, row) => total + (Number(row[key]) || 0), 0);

/** The stage-totals rows of the stages of one kind of the figure's workflow. */
function ofKind(rows: Row[], figure: DashboardFigure, model: SalesModel, kind: StageKind): Row[] {
  const stages = model.entities[String(figure.params.resource)]?.workflow?.stages ?? [];
  const ids = new Set(stages.filter((stage) => stage.kind === kind).map((stage) => stage.id));
  return rows.filter((row) => ids.has(String(row.stage)));
}

/** Every value of `REPORT_SPECS[…].values`, reduced from its report's rows. */
export const REDUCERS: Partial<Record<ReportId, Record<string, Reducer>>> = {
  'stage-totals': {
    open_amount: (rows, figure, model) => sum(ofKind(rows, figure, model, 'open'), 'amount'),
    open_count: (rows, figure, model) => sum(ofKind(rows, figure, model, 'open'), 'count'),
    weighted: (rows, figure, model) => sum(ofKind(rows, figure, model, 'open'), 'weighted'),
    won_amount: (rows, figure, model) => sum(ofKind(rows, figure, model, 'won'), 'amount'),
    won_count: (rows, figure, model) => sum(ofKind(rows, figure, model, 'won'), 'count'),
  },
  'quota-attainment': {
    quota: (rows) => sum(rows, 'quota'),
    won: (rows) => sum(rows, 'won'),
    attainment: (rows) => (sum(rows, 'quota') > 0 ? sum(rows, 'won') / sum(rows, 'quota') : null),
  },
  'overdue-collections': { amount: (rows) => sum(rows, 'amount'), count: (rows) => sum(rows, 'count') },
  'complaints-by-category': { count: (rows) => sum(rows, 'count') },
  'sales-by': { amount: (rows) => sum(rows, 'amount'), count: (rows) => sum(rows, 'count') },
};

const iso = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
const MONTHS: Record<FigurePeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The calendar month, quarter or year holding `today`, or `back` such periods before it. */
export function figurePeriod(period: FigurePeriod, today: string, back = 0): Period {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const length = MONTHS[period];
  const first = Math.floor((month - 1) / length) * length - back * length;
  return { from: iso(year, first, 1), to: iso(year, first + length, 0) };
}

/** The figure's report parameters as a query string would carry them (objects as JSON). */
function queryOf(figure: DashboardFigure, period: Period | undefined, today: string): Query {
  const query: Query = { as_of: today };
  for (const [name, value] of Object.entries(figure.params)) query[name] = typeof value === 'object' ? JSON.stringify(value) : value;
  return period ? { ...query, ...period } : query;
}

/** `reports`: the table of reports the figures name (the headline itself among them, never named by a figure). */
export async function headline(ctx: RequestContext, query: Query, reports: Record<ReportId, Report>): Promise<unknown[]> {
  const today = dateParameter(ctx, query, 'today', false, false) ?? new Date().toISOString().slice(0, 10);
  const figureValue = async (figure: DashboardFigure, back: number) => {
    const period = figure.period ? figurePeriod(figure.period, today, back) : undefined;
    const rows = (await reports[figure.report](ctx, queryOf(figure, period, today))) as Row[];
    return REDUCERS[figure.report]?.[figure.value]?.(rows, figure, ctx.model) ?? null;
  };
  // One after another: a request holds one connection of the pool at a time.
  const answers = [];
  for (const figure of ctx.model.dashboardFigures ?? []) {
    try {
      const value = await figureValue(figure, 0);
      const previous = figure.compare && figure.period ? await figureValue(figure, 1) : null;
      answers.push({ value, previous, error: null });
    } catch (error) {
      if (!(error instanceof HttpError) || error.status !== 404) throw error;
      answers.push({ value: null, previous: null, error: error.message });
    }
  }
  return answers;
}
