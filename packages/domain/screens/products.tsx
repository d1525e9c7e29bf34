// Generated from schemas/entities/product.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import Inventory2Icon from '@mui/icons-material/Inventory2';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Product (products) — 货品
 *   list columns: code, name, spec, unit, list_price, stock, stock_on_hand
 *   filters:      q, category, active
 *   sections:     main
 */
const resource = 'products';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = Inventory2Icon;
export const recordRepresentation = 'name';
