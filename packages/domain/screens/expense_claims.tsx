// Generated from schemas/entities/expense_claim.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ReceiptIcon from '@mui/icons-material/Receipt';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Expense claim (expense_claims) — 费用报销单
 *   list columns: claim_number, status, owner_id, expense_type, amount, expense_date
 *   filters:      q, status, owner_id, expense_type, budget_id, customer_id, opportunity_id
 *   sections:     main
 *   workflow:     status, stages submitted, manager_approved, finance_approved, paid, rejected
 */
const resource = 'expense_claims';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ReceiptIcon;
export const recordRepresentation = 'claim_number';
