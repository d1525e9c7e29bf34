// Generated from schemas/entities/contract.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import DescriptionIcon from '@mui/icons-material/Description';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Sales contract (contracts) — 销售合同
 *   list columns: contract_number, name, status, customer_id, amount, sign_date, owner_id, current_amount, outstanding_amount, payment_status
 *   filters:      q, status, customer_id, opportunity_id, quote_id, payment_method, owner_id, payment_status
 *   sections:     main, lines, terms, approval
 *   workflow:     status, stages draft, legal_review, manager_approval, signed, archived, terminated
 */
const resource = 'contracts';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = DescriptionIcon;
export const recordRepresentation = 'contract_number';
