// Generated from schemas/entities/sales_return.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales return (sales_returns) — 退货
 *   list columns: return_number, status, customer_id, return_date, amount, reason
 *   filters:      q, status, customer_id, delivery_id, sales_order_id, reason, handling, owner_id
 *   sections:     main
 *   workflow:     status, stages requested, approved, received, closed, rejected
 */
const resource = 'sales_returns';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = AssignmentReturnIcon;
export const recordRepresentation = 'return_number';
