// Generated from schemas/entities/channel.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import StorefrontIcon from '@mui/icons-material/Storefront';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales channel (channels) — 销售渠道
 *   list columns: name, channel_type, status, territory_id, owner_id
 *   filters:      q, channel_type, status, territory_id, channel_width, owner_id
 *   sections:     main, design, contact
 */
const resource = 'channels';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = StorefrontIcon;
export const recordRepresentation = 'name';
