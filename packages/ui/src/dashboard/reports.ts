/**
 * The answers of the server's reports the dashboard shows (docs/server.md, "Reports"), one row
 * type per report, and the dashboard's period. The server computes every report; a card reads it
 * with `serverReport` (../workflow/reports.ts).
 */
import type { Identifier } from 'react-admin';

export { SALES_DIMENSIONS, type SalesDimension } from '@ra-sales/schema';
export { serverReport, ReportUnavailable, type StageTotal } from '../workflow/reports.js';

/** `GET /api/reports/quota-attainment` */
export interface QuotaRow {
  salesperson_id: Identifier;
  salesperson_name: string | null;
  quota: number;
  won: number;
  /** Won opportunities counted. */
  count: number;
}

/** `GET /api/reports/overdue-collections`: what customers still owe past its date, by days overdue. */
export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

export interface AgeBucketRow {
  bucket: AgeBucket;
  count: number;
  amount: number;
  /** The bucket's collections, and instalments of instalment plans. */
  collections: { count: number; amount: number };
  instalments: { count: number; amount: number };
}

/** `GET /api/reports/complaints-by-category` */
export interface CategoryRow {
  category: string | null;
  /** The category's label in the request's language (null for a value the field does not list). */
  label: string | null;
  count: number;
}

/** Both ends included, `YYYY-MM-DD`; either may be open. */
export interface Period {
  from?: string;
  to?: string;
}

export const PERIOD_CHOICES = ['month', 'quarter', 'year', 'last_year', 'all'] as const;
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

const isoDay = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);

/** The dates of a period choice around `now` (its local calendar date). */
export function periodRange(choice: PeriodChoice, now = new Date()): Period {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (choice) {
    case 'month':
      return { from: isoDay(year, month, 1), to: isoDay(year, month + 1, 0) };
    case 'quarter': {
      const first = month - (month % 3);
      return { from: isoDay(year, first, 1), to: isoDay(year, first + 3, 0) };
    }
    case 'year':
      return { from: isoDay(year, 0, 1), to: isoDay(year, 11, 31) };
    case 'last_year':
      return { from: isoDay(year - 1, 0, 1), to: isoDay(year - 1, 11, 31) };
    case 'all':
      return {};
  }
}

/** `GET /api/reports/sales-by?by=…&from=…&to=…` */
export interface SalesByRow {
  key: Identifier | null;
  label: string | null;
  amount: number;
  count: number;
}

/** `GET /api/reports/plan-vs-actual` */
export interface PlanRow {
  plan_id: Identifier;
  name: string | null;
  plan_type: string | null;
  period: string;
  team_id: Identifier | null;
  team_name: string | null;
  owner_id: Identifier | null;
  owner_name: string | null;
  target: number;
  actual: number;
  count: number;
}

/** `GET /api/reports/forecast-accuracy` */
export interface ForecastAccuracyRow {
  salesperson_id: Identifier;
  salesperson_name: string | null;
  period: string;
  forecasts: number;
  forecast: number;
  actual: number;
  error: number;
  accuracy: number | null;
}

/** `GET /api/reports/expense-ratio`: one row per salesperson, then the total (`total: true`). */
export interface ExpenseRatioRow {
  salesperson_id: Identifier | null;
  salesperson_name: string | null;
  expenses: number;
  won: number;
  ratio: number | null;
  total: boolean;
}

/** `GET /api/reports/satisfaction-by-engineer`: scores from 4 (very satisfied) to 1 (poor). */
export interface EngineerSatisfactionRow {
  engineer_id: Identifier | null;
  engineer_name: string | null;
  surveys: number;
  score: number | null;
  attitude?: number | null;
  skill?: number | null;
  arrival_time?: number | null;
  promises_kept?: number | null;
}
