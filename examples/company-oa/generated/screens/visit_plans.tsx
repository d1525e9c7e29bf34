// Generated from schemas/entities/visit_plan.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import EventNoteIcon from '@mui/icons-material/EventNote';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Visit plan (visit_plans) — 拜访计划
 *   list columns: subject, status, owner_id, customer_id, planned_at
 *   filters:      q, status, owner_id, customer_id, contact_id, opportunity_id, visit_type, planned_at
 *   sections:     main, work_log
 *   workflow:     status, stages planned, done, cancelled
 */
const resource = 'visit_plans';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = EventNoteIcon;
export const recordRepresentation = 'subject';
