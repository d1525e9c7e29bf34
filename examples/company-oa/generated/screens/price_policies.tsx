// Generated from schemas/entities/price_policy.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Price policy (price_policies) — 产品销售价格策略
 *   list columns: name, status, product_id, normal_price, market_entry_price, market_hold_price
 *   filters:      q, status, product_id
 *   sections:     main, authority
 *   workflow:     status, stages draft, approved
 */
const resource = 'price_policies';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = PriceChangeIcon;
export const recordRepresentation = 'name';
