// Generated from schemas/entities/territory.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import MapIcon from '@mui/icons-material/Map';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Territory (territories) — 销售区域
 *   list columns: name, salesperson_id, branch, potential_customers, target_amount
 *   filters:      q, salesperson_id, team_id, branch
 *   sections:     main
 */
const resource = 'territories';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = MapIcon;
export const recordRepresentation = 'name';
