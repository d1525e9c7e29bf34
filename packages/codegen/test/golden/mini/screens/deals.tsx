// Generated from test/fixtures/mini/entities/deal.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ListAltIcon from '@mui/icons-material/ListAlt';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Deal (deals) — 商机
 *   list columns: title
 *   filters:      stage
 *   sections:     main
 *   workflow:     stage, stages qualify, propose, won, lost
 */
const resource = 'deals';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ListAltIcon;
export const recordRepresentation = 'id';
