// Generated from schemas/entities/customer.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import BusinessIcon from '@mui/icons-material/Business';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Customer (customers) — 客户
 *   list columns: name, grade, status, industry, owner_id, open_receivables
 *   filters:      q, grade, status, nature, industry, source, credit_rating, territory_id, owner_id
 *   sections:     main, contact, credit
 *   workflow:     status, stages potential, intent, customer, key_account, lost
 */
const resource = 'customers';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = BusinessIcon;
export const recordRepresentation = 'name';
