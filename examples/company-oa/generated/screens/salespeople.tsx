// Generated from schemas/entities/salesperson.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import BadgeIcon from '@mui/icons-material/Badge';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Salesperson (salespeople) — 销售人员
 *   list columns: name, role, team_id, status, email
 *   filters:      q, role, team_id, territory_id, status
 *   sections:     main
 */
const resource = 'salespeople';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = BadgeIcon;
export const recordRepresentation = 'name';
