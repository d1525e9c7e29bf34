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
}

export const REPORT_SPECS = {
  'stage-totals': { params: ['resource', 'filter'], required: ['resource'], period: false, charts: ['funnel', 'weighted'] },
  'quota-attainment': { params: ['filter'], period: true },
  'overdue-collections': { params: [], period: false },
  'complaints-by-category': { params: ['filter'], period: false },
  'sales-by': { params: ['by'], period: true },
  'plan-vs-actual': { params: ['filter'], period: true },
  'forecast-accuracy': { params: ['filter'], period: true },
  'expense-ratio': { params: [], period: true },
  'satisfaction-by-engineer': { params: [], period: true },
  'forecast-vs-quota': { params: [], period: true },
  'stage-sla': { params: ['resource'], period: false },
} as const satisfies Record<string, ReportSpec>;

export type ReportId = keyof typeof REPORT_SPECS;
export const REPORT_IDS = Object.keys(REPORT_SPECS) as ReportId[];

/** What `sales-by` groups won sales by (its `by` parameter). */
export const SALES_DIMENSIONS = ['salesperson', 'region', 'product', 'channel'] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

export function reportSpec(id: ReportId): ReportSpec {
  return REPORT_SPECS[id];
}
