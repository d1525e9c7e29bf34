// Generated from test/fixtures/mini/entities/salesperson.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ListAltIcon from '@mui/icons-material/ListAlt';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Salesperson (salespeople) — 销售人员
 *   list columns: name
 *   filters:      q
 *   sections:     main
 */
const resource = 'salespeople';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ListAltIcon;
export const recordRepresentation = 'name';
