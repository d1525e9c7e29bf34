/**
 * `GET /api/<resource>/<id>/timeline` as a data provider method, and the shape of its entries.
 * Kept apart from the components: the main entry's data provider carries it, not the screens.
 */
import { fetchUtils, type Identifier } from 'react-admin';
import type { Labels } from '@ra-sales/schema';

export interface TimelineUser {
  id: Identifier;
  /** Null when the reader may not read that user's record. */
  name: string | null;
}

/** A field by name, its value before and after (as stored). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineApproval {
  id: Identifier;
  role: string;
  label: Labels | null;
  from: string;
  to: string;
}

interface EntryBase {
  id: string;
  /** ISO instant. */
  at: string;
  user: TimelineUser | null;
}

/** One thing that happened to a record; the screens show a kind they do not know by its time and author alone. */
export type TimelineEntry =
  | (EntryBase & { kind: 'created' })
  | (EntryBase & { kind: 'changed'; changes: FieldChange[] })
  | (EntryBase & { kind: 'moved'; from: string; to: string; comment: string | null })
  | (EntryBase & { kind: 'approval_requested'; approval: TimelineApproval })
  | (EntryBase & { kind: 'approval_decided'; approval: TimelineApproval; status: string; comment: string | null });

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: string | null;
}

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
    getTimeline: (resource, { id, before, limit }) => {
      const search = new URLSearchParams();
      if (before) search.set('before', before);
      if (limit) search.set('limit', String(limit));
      const query = search.toString();
      return httpClient(`${base}/${resource}/${encodeURIComponent(String(id))}/timeline${query ? `?${query}` : ''}`).then(({ json }) => ({
        data: { entries: Array.isArray(json?.entries) ? json.entries : [], next: typeof json?.next === 'string' ? json.next : null },
      }));
    },
  };
}
