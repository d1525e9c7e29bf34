// Generated from schemas/entities/team.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import GroupsIcon from '@mui/icons-material/Groups';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales team (teams) — 销售团队
 *   list columns: name, manager_id, target_amount
 *   filters:      q, manager_id, territory_id
 *   sections:     main
 */
const resource = 'teams';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = GroupsIcon;
export const recordRepresentation = 'name';
