// Generated from schemas/entities/delivery.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Delivery (deliveries) — 发货
 *   list columns: request_number, status, sales_order_id, customer_id, requested_date, shipped_date
 *   filters:      q, status, sales_order_id, customer_id, owner_id
 *   sections:     main, goods, shipping, confirmation
 *   workflow:     status, stages request, approved, outbound, shipped, confirmed, cancelled
 */
const resource = 'deliveries';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = LocalShippingIcon;
export const recordRepresentation = 'request_number';
