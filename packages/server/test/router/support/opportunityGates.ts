/** Values that satisfy the key nodes of the default opportunity's first two stages. */
export const DEVELOPMENT_GATE = {
  need: 'A new ERP for 12 plants',
  budget: 1_500_000,
  expected_sign_date: '2026-09-30',
  competitors: 'Vendor X, Vendor Y',
  decision_process: 'CIO proposes, board decides',
};

export const INITIATION_GATE = {
  project_number: 'PRJ-2026-001',
  customer_owner_name: 'Ms. Li',
  expected_amount: 1_200_000,
  gross_margin: 35,
  expense_budget: 50_000,
  category: 'software',
  importance: 'N',
};
