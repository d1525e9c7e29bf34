// Generated from schemas/entities/forecast.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import InsightsIcon from '@mui/icons-material/Insights';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales forecast (forecasts) — 销售预测
 *   list columns: name, status, period, territory_id, forecast_amount, owner_id
 *   filters:      q, status, period, product_id, product_category, territory_id, method, owner_id
 *   sections:     main
 *   workflow:     status, stages draft, submitted, approved
 */
const resource = 'forecasts';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = InsightsIcon;
export const recordRepresentation = 'name';
