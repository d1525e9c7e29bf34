// Generated from schemas/entities/promotion.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import CampaignIcon from '@mui/icons-material/Campaign';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Promotion (promotions) — 促销活动
 *   list columns: name, status, promotion_type, start_date, end_date, budget
 *   filters:      q, status, promotion_type, product_id, territory_id, plan_month, budget_id, owner_id
 *   sections:     main, result
 *   workflow:     status, stages draft, approved, running, completed, cancelled
 */
const resource = 'promotions';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = CampaignIcon;
export const recordRepresentation = 'name';
