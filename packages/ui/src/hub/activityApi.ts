/**
 * `GET /api/me/inbox` as a data provider method, and the shapes of notes and tasks. Notes and
 * tasks themselves are plain resources (`notes`, `tasks`) of the data provider.
 */
import { fetchUtils, type Identifier } from 'react-admin';

/** What waits for the user: approvals to decide, open tasks due today and overdue. */
export interface Inbox {
  approvals: number;
  tasks: { today: number; overdue: number };
}

export interface NoteRecord {
  id: Identifier;
  resource: string;
  record_id: Identifier;
  kind: string;
  body: string;
  occurred_at: string;
  author_id: Identifier | null;
  version?: number;
}

export interface TaskRecord {
  id: Identifier;
  resource: string;
  record_id: Identifier;
  title: string;
  description?: string | null;
  due_date: string | null;
  assignee_id: Identifier | null;
  done: boolean;
  done_at?: string | null;
  done_by?: Identifier | null;
  created_by?: Identifier | null;
  version?: number;
}

export interface ActivityApi {
  getInbox(): Promise<{ data: Inbox }>;
}

/** The query key every screen shares for the inbox, so one refresh updates the bell and the pages. */
export const INBOX_QUERY_KEY = ['ra-sales', 'inbox'] as const;

/** `getInbox` over `httpClient` (the locale and user headers included). */
export function activityMethods(apiUrl: string, httpClient: typeof fetchUtils.fetchJson = fetchUtils.fetchJson): ActivityApi {
  const base = apiUrl.replace(/\/$/, '');
  return {
    getInbox: () =>
      httpClient(`${base}/me/inbox`).then(({ json }) => ({
        data: {
          approvals: Number(json?.approvals ?? 0),
          tasks: { today: Number(json?.tasks?.today ?? 0), overdue: Number(json?.tasks?.overdue ?? 0) },
        },
      })),
  };
}
