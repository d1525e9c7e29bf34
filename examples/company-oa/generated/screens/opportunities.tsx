// Generated from schemas/entities/opportunity.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Opportunity (opportunities) — 销售机会
 *   list columns: name, customer_id, stage, owner_id, expected_amount, expected_sign_date, user_count
 *   filters:      q, customer_id, stage, owner_id, expected_amount, expected_sign_date, source, category, importance
 *   sections:     main, development, initiation, requirements, demo_quote, negotiation, signing, delivery, closing
 *   workflow:     stage, stages development, requirements, demo_quote, negotiation, signing, delivery, collection, won, lost, abandoned
 */
const resource = 'opportunities';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = TrendingUpIcon;
export const recordRepresentation = 'name';
