// Generated from schemas/entities/training_plan.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import SchoolIcon from '@mui/icons-material/School';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Recruitment / training plan (training_plans) — 招募与培训计划
 *   list columns: name, status, plan_type, course, start_date
 *   filters:      q, status, plan_type, channel, owner_id
 *   sections:     main, recruitment, training
 *   workflow:     status, stages draft, approved, completed, cancelled
 */
const resource = 'training_plans';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = SchoolIcon;
export const recordRepresentation = 'name';
