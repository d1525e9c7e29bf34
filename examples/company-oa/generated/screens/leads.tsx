// Generated from schemas/entities/lead.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import LightbulbIcon from '@mui/icons-material/Lightbulb';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Lead (leads) — 销售线索
 *   list columns: company_name, status, source, received_date, budget, owner_id
 *   filters:      q, status, source, customer_id, owner_id
 *   sections:     main, contact, qualification
 *   workflow:     status, stages new, contacted, qualified, converted, disqualified
 */
const resource = 'leads';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = LightbulbIcon;
export const recordRepresentation = 'company_name';
