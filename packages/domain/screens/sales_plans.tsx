// Generated from schemas/entities/sales_plan.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales plan (sales_plans) — 销售计划
 *   list columns: name, status, plan_type, year, total_target
 *   filters:      q, status, plan_type, year, month, team_id, owner_id
 *   sections:     main, targets, strategy
 *   workflow:     status, stages draft, submitted, approved, adjusted, closed, withdrawn
 */
const resource = 'sales_plans';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = EventAvailableIcon;
export const recordRepresentation = 'name';
