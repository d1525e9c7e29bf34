// Generated from schemas/entities/complaint.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Complaint (complaints) — 客户投诉
 *   list columns: subject, status, customer_id, received_at, category, severity, assignee_id
 *   filters:      q, status, customer_id, contact_id, channel, category, severity, assignee_id, owner_id
 *   sections:     main, handling
 *   workflow:     status, stages received, investigating, solution, resolved, verified, invalid
 */
const resource = 'complaints';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = ReportProblemIcon;
export const recordRepresentation = 'subject';
