// Generated from schemas/entities/quota.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import FlagIcon from '@mui/icons-material/Flag';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales quota (quotas) — 销售配额
 *   list columns: name, status, salesperson_id, team_id, period, target_amount, target_new_customers
 *   filters:      q, status, salesperson_id, team_id, period, basis
 *   sections:     main
 *   workflow:     status, stages draft, approved
 */
const resource = 'quotas';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = FlagIcon;
export const recordRepresentation = 'name';
