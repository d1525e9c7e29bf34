/**
 * `GET /api/<resource>/<id>/timeline` as a data provider method, and the shape of its entries.
 * Kept apart from the components: the main entry's data provider carries it, not the screens.
 */
import { fetchUtils, type Identifier } from 'react-admin';
import type { TimelinePage } from '@ra-sales/schema';
import { query } from '../workflow/api.js';

export type { FieldChange, TimelineApproval, TimelineEntry, TimelinePage, TimelineUser } from '@ra-sales/schema';

export interface TimelineParams {
  id: Identifier;
  before?: string | null;
  limit?: number;
}

export interface TimelineApi {
  /** A record's activity, newest first: `{ data: { entries, next } }`. */
  getTimeline(resource: string, params: TimelineParams): Promise<{ data: TimelinePage }>;
}

/** `getTimeline` over `httpClient` (the locale and user headers included). */
export function timelineMethods(apiUrl: string, httpClient: typeof fetchUtils.fetchJson = fetchUtils.fetchJson): TimelineApi {
  const base = apiUrl.replace(/\/$/, '');
  return {
    getTimeline: (resource, { id, before, limit }) =>
      httpClient(
        `${base}/${resource}/${encodeURIComponent(String(id))}/timeline${query({ before: before || undefined, limit: limit || undefined })}`,
      ).then(({ json }) => ({
        data: { entries: Array.isArray(json?.entries) ? json.entries : [], next: typeof json?.next === 'string' ? json.next : null },
      })),
  };
}
