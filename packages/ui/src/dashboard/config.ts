/** Which resources and fields the dashboard reads; defaults match the default schemas. */
export interface DashboardConfig {
  /** The workflow entity of the funnel and of the won amounts. */
  opportunities: string;
  /** Field of an opportunity holding its salesperson. */
  opportunityOwner: string;
  quotas: { resource: string; salesperson: string; target: string; filter?: Record<string, unknown> };
  collections: { resource: string; dueDate: string; amount: string; received: string };
  complaints: { resource: string; category: string };
  salespeople: string;
  /** Resources the server-only reports read (a card says "not available" when the model lacks one). */
  salesPlans: string;
  forecasts: string;
  expenseClaims: string;
  surveys: string;
}

export const defaultDashboardConfig: DashboardConfig = {
  opportunities: 'opportunities',
  opportunityOwner: 'owner_id',
  quotas: { resource: 'quotas', salesperson: 'salesperson_id', target: 'target_amount' },
  collections: { resource: 'collections', dueDate: 'expected_date', amount: 'amount', received: 'received_amount' },
  complaints: { resource: 'complaints', category: 'category' },
  salespeople: 'salespeople',
  salesPlans: 'sales_plans',
  forecasts: 'forecasts',
  expenseClaims: 'expense_claims',
  surveys: 'satisfaction_surveys',
};
