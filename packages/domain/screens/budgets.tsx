// Generated from schemas/entities/budget.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Budget (budgets) — 费用预算
 *   list columns: name, status, period, department, category, amount, spent, remaining
 *   filters:      q, status, period, department, team_id, category
 *   sections:     main
 *   workflow:     status, stages draft, approved
 */
const resource = 'budgets';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = AccountBalanceWalletIcon;
export const recordRepresentation = 'name';
