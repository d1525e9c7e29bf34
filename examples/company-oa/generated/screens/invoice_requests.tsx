// Generated from schemas/entities/invoice_request.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Invoice request (invoice_requests) — 开票申请
 *   list columns: invoice_title, status, customer_id, request_date, amount, owner_id
 *   filters:      q, status, customer_id, sales_order_id, contract_id, invoice_type, owner_id
 *   sections:     main, finance
 *   workflow:     status, stages requested, finance_review, issued, sent, rejected
 */
const resource = 'invoice_requests';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ReceiptLongIcon;
export const recordRepresentation = 'invoice_title';
