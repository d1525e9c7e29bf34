// Generated from schemas/entities/contact.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Contact (contacts) — 联系人
 *   list columns: name, customer_id, job_title, purchase_role, relationship_strength, owner_id
 *   filters:      q, customer_id, purchase_role, relationship_strength, owner_id
 *   sections:     main, contact, personal
 */
const resource = 'contacts';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ContactPhoneIcon;
export const recordRepresentation = 'name';
