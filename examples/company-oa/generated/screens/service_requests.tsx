// Generated from schemas/entities/service_request.schema.json by ra-sales; do not edit: change the schema and run `pnpm gen`.
import BuildIcon from '@mui/icons-material/Build';
import { EntityCreate, EntityEdit, EntityList, EntityShow } from '@ra-sales/ui';
import { model } from '../client.js';

/**
 * Service request (service_requests) — 售后服务
 *   list columns: request_number, status, customer_id, registered_at, service_type, engineer_id, fee
 *   filters:      q, status, customer_id, service_type, product_id, off_site, engineer_id
 *   sections:     main, customer, product, service
 *   workflow:     status, stages registered, dispatched, on_site, signed, archived, cancelled
 */
const resource = 'service_requests';

export const list = () => <EntityList model={model} resource={resource} />;
export const show = () => <EntityShow model={model} resource={resource} />;
export const edit = () => <EntityEdit model={model} resource={resource} />;
export const create = () => <EntityCreate model={model} resource={resource} />;
export const icon = BuildIcon;
export const recordRepresentation = 'request_number';
