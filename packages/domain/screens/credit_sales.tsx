// Generated from schemas/entities/credit_sale.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import CreditScoreIcon from '@mui/icons-material/CreditScore';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Credit sale (credit_sales) — 赊销
 *   list columns: agreement_number, status, customer_id, amount, due_date, credit_assessment, owner_id
 *   filters:      q, status, customer_id, contract_id, sales_order_id, due_date, credit_assessment, owner_id
 *   sections:     main, credit
 *   workflow:     status, stages draft, credit_review, approved, settled, rejected
 */
const resource = 'credit_sales';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = CreditScoreIcon;
export const recordRepresentation = 'agreement_number';
