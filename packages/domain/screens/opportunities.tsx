// Generated from schemas/entities/opportunity.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Opportunity (opportunities) — 销售机会
 *   list columns: name, customer_id, stage, pipeline, owner_id, expected_amount, expected_sign_date, user_count, property_unit
 *   filters:      q, customer_id, stage, pipeline, owner_id, expected_amount, expected_sign_date, source, category, importance, payment_method
 *   sections:     main, development, initiation, proposal, bidding, negotiation, implementation, closing, requirements, re_unit_selection, re_reservation, re_contract, re_handover, re_title_deed, ma_customer_analysis
 *   workflow:     stage, stages development, initiation, proposal, bidding, negotiation, implementation, won, lost, abandoned, oa_development, requirements, demo_quote, oa_negotiation, signing, delivery, collection, oa_won, oa_lost, oa_abandoned, re_reception, re_unit_selection, re_reservation, re_contract, re_payment, re_handover, re_title_deed, re_won, re_cancelled, re_lost, ma_customer_analysis, ma_build_trust, ma_needs, ma_present_value, ma_win_commitment, ma_follow_up, ma_won, ma_lost, ma_abandoned
 */
const resource = 'opportunities';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = TrendingUpIcon;
export const recordRepresentation = 'name';
