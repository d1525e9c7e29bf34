// Generated from schemas/entities/satisfaction_survey.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import SentimentSatisfiedIcon from '@mui/icons-material/SentimentSatisfied';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Satisfaction survey (satisfaction_surveys) — 客户意见调查
 *   list columns: survey_number, service_request_id, customer_id, engineer_id, survey_date, score
 *   filters:      q, service_request_id, customer_id, engineer_id, attitude, skill, arrival_time, promises_kept, surveyed_by_id
 *   sections:     main, ratings
 */
const resource = 'satisfaction_surveys';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = SentimentSatisfiedIcon;
export const recordRepresentation = 'survey_number';
