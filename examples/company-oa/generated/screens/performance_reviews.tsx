// Generated from schemas/entities/performance_review.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import AssessmentIcon from '@mui/icons-material/Assessment';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Performance review (performance_reviews) — 业绩考评
 *   list columns: salesperson_id, month, status, sales_amount, quota_completion, manager_score, result
 *   filters:      q, salesperson_id, month, status, result
 *   sections:     main, metrics, report, review
 *   workflow:     status, stages draft, submitted, scored, reviewed
 */
const resource = 'performance_reviews';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = AssessmentIcon;
export const recordRepresentation = 'month';
