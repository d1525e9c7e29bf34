// Generated from schemas/entities/instalment_plan.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Instalment agreement (instalment_plans) — 分期付款协议
 *   list columns: agreement_number, status, customer_id, total_amount, down_payment, owner_id
 *   filters:      q, status, customer_id, contract_id, owner_id
 *   sections:     main, schedule, credit
 *   workflow:     status, stages draft, active, completed, defaulted
 */
const resource = 'instalment_plans';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = CalendarMonthIcon;
export const recordRepresentation = 'agreement_number';
