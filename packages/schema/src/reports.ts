/**
 * The reports the server computes (`GET /reports/<id>`, docs/server.md "Reports"): the one list the
 * server's report table, the `dashboard` check of model.json and the dashboard's cards all read,
 * so a card can only name a report the server has.
 */
export interface ReportSpec {
  /** Parameters a dashboard card may fix (`params`); the dashboard adds `from` / `to` itself. */
  params: readonly string[];
  /** Parameters a card must give. */
  required?: readonly string[];
  /** Takes the dashboard's period (`from`, `to`). */
  period: boolean;
  /** Ways a card may show the answer, the first being the default. */
  charts?: readonly string[];
  /** The single figures a headline tile may read from the answer (`dashboard.figures[].value`), each with its unit. */
  values?: Readonly<Record<string, FigureUnit>>;
}

/** How a headline figure is written: an amount of money, a number of records, or a share. */
export type FigureUnit = 'money' | 'count' | 'percent';

/** The periods a headline figure of a report taking one is computed for, around today: this calendar month, quarter or year. */
export const FIGURE_PERIODS = ['month', 'quarter', 'year'] as const;
export type FigurePeriod = (typeof FIGURE_PERIODS)[number];

export const REPORT_SPECS = {
  'stage-totals': {
    params: ['resource', 'filter'],
    required: ['resource'],
    period: false,
    charts: ['funnel', 'weighted'],
    values: { open_amount: 'money', open_count: 'count', weighted: 'money', won_amount: 'money', won_count: 'count' },
  },
  'quota-attainment': { params: ['filter'], period: true, values: { quota: 'money', won: 'money', attainment: 'percent' } },
  'overdue-collections': { params: [], period: false, values: { amount: 'money', count: 'count' } },
  'complaints-by-category': { params: ['filter'], period: false, values: { count: 'count' } },
  'sales-by': { params: ['by'], period: true, values: { amount: 'money', count: 'count' } },
  'plan-vs-actual': { params: ['filter'], period: true },
  'forecast-accuracy': { params: ['filter'], period: true },
  'expense-ratio': { params: [], period: true },
  'satisfaction-by-engineer': { params: [], period: true },
  'forecast-vs-quota': { params: [], period: true },
  'stage-sla': { params: ['resource'], period: false },
  /** The headline figures model.json declares (`dashboard.figures`), each read from its own report. */
  headline: { params: [], period: false },
} as const satisfies Record<string, ReportSpec>;

export type ReportId = keyof typeof REPORT_SPECS;
export const REPORT_IDS = Object.keys(REPORT_SPECS) as ReportId[];

/** What `sales-by` groups won sales by (its `by` parameter). */
export const SALES_DIMENSIONS = ['salesperson', 'region', 'product', 'channel'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

export function reportSpec(id: ReportId): ReportSpec {
  return REPORT_SPECS[id];
}

/** The reports a headline figure may read, with the figures each yields. */
export function figureValues(id: ReportId): Readonly<Record<string, FigureUnit>> {
  const spec: ReportSpec = REPORT_SPECS[id];
  return spec.values ?? {};
}
