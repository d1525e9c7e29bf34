// Generated from schemas/entities/feedback.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import FeedbackIcon from '@mui/icons-material/Feedback';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Feedback (feedback_items) — 意见
 *   list columns: subject, status, source, category, received_date
 *   filters:      q, status, source, category, customer_id, owner_id
 *   sections:     main
 *   workflow:     status, stages collected, classified, counted
 */
const resource = 'feedback_items';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = FeedbackIcon;
export const recordRepresentation = 'subject';
