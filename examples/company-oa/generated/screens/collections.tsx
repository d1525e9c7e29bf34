// Generated from schemas/entities/collection.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import PaymentsIcon from '@mui/icons-material/Payments';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Collection (collections) — 回款
 *   list columns: name, status, customer_id, expected_date, amount, received_amount, owner_id, past_due
 *   filters:      q, status, customer_id, contract_id, sales_order_id, expected_date, owner_id, past_due
 *   sections:     main, overdue
 *   workflow:     status, stages pending, partially_received, overdue, escalated, legal_action, received, written_off
 */
const resource = 'collections';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = PaymentsIcon;
export const recordRepresentation = 'name';
