// Generated from test/fixtures/mini/entities/customer.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ListAltIcon from '@mui/icons-material/ListAlt';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Customer (customers) — 客户
 *   list columns: name
 *   filters:      q, grade
 *   sections:     main
 */
const resource = 'customers';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ListAltIcon;
export const recordRepresentation = 'name';
