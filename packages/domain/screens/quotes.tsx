// Generated from schemas/entities/quote.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Quote (quotes) — 报价单
 *   list columns: quote_number, status, customer_id, quote_date, valid_until, total, owner_id
 *   filters:      q, status, quote_type, customer_id, opportunity_id, contact_id, discount_rate, discount_authority, owner_id
 *   sections:     main, lines, terms
 *   workflow:     status, stages draft, review, sent, accepted, rejected
 */
const resource = 'quotes';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = RequestQuoteIcon;
export const recordRepresentation = 'quote_number';
