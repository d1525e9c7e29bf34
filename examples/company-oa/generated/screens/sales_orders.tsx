// Generated from schemas/entities/sales_order.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales order (sales_orders) — 销售订单
 *   list columns: order_number, status, customer_id, contract_id, order_date, total, requested_delivery_date, owner_id, delivered_qty
 *   filters:      q, status, customer_id, contract_id, requested_delivery_date, owner_id
 *   sections:     main, lines
 *   workflow:     status, stages open, in_progress, completed, cancelled
 */
const resource = 'sales_orders';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ShoppingCartIcon;
export const recordRepresentation = 'order_number';
