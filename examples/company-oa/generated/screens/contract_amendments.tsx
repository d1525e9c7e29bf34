// Generated from schemas/entities/contract_amendment.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import EditNoteIcon from '@mui/icons-material/EditNote';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Contract amendment (contract_amendments) — 合同变更
 *   list columns: name, status, contract_id, amendment_type, amount_change, effective_date
 *   filters:      q, status, contract_id, amendment_type, owner_id
 *   sections:     main
 *   workflow:     status, stages draft, approved, withdrawn
 */
const resource = 'contract_amendments';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = EditNoteIcon;
export const recordRepresentation = 'name';
