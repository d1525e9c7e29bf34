/**
 * Notes and tasks in a record's timeline (router/timeline.ts): a note at the moment it happened
 * (`occurred_at`), a task when it was created and when it was done. The timeline pages them with
 * its other events; here are their events' SQL and their entries.
 */
import type { TimelineEntry, TimelineTask, TimelineUser } from '@ra-sales/schema';
import type { Db } from '../types.js';

export type ActivitySource = 'note' | 'task' | 'task_done';

export const isActivitySource = (source: string): source is ActivitySource =>
  source === 'note' || source === 'task' || source === 'task_done';

/** Within one instant, after the record's own journal: a task is done after it is created. */
export const ACTIVITY_RANK = { note: 5, task_done: 6, task_created: 7 } as const;

/** Members of the timeline's `union all`, each taking the record's resource and id. */
export const ACTIVITY_EVENTS_SQL = `
      union all
      select 'note', id, occurred_at from sales_notes where resource = ? and record_id = ?
      union all
      select 'task', id, created_at from sales_tasks where resource = ? and record_id = ?
      union all
      select 'task_done', id, done_at from sales_tasks where resource = ? and record_id = ? and done and done_at is not null`;

export const activityEventBindings = <T>(record: T[]): T[] => [...record, ...record, ...record];

type Event = { source: string; row_id: number };
type ActivityRow = Record<string, unknown> & { id: unknown };

export interface ActivityRows {
  notes: Map<number, ActivityRow>;
  tasks: Map<number, ActivityRow>;
}

export async function activityRows(db: Db, page: Event[]): Promise<ActivityRows> {
  const ids = (...sources: ActivitySource[]) => page.filter((e) => (sources as string[]).includes(e.source)).map((e) => e.row_id);
  const [notes, tasks] = await Promise.all([
    db('sales_notes').whereIn('id', ids('note')).select('id', 'kind', 'body', 'author_id'),
    db('sales_tasks').whereIn('id', ids('task', 'task_done')).select('id', 'title', 'due_date', 'assignee_id', 'created_by', 'done_by'),
  ]);
  const byId = (rows: ActivityRow[]) => new Map(rows.map((r) => [Number(r.id), r]));
  return { notes: byId(notes), tasks: byId(tasks) };
}

/** The users the entries name, for the timeline to look their names up. */
export function activityUserIds(rows: ActivityRows): unknown[] {
  return [
    ...[...rows.notes.values()].map((r) => r.author_id),
    ...[...rows.tasks.values()].flatMap((r) => [r.assignee_id, r.created_by, r.done_by]),
  ];
}

const dateOnly = (value: unknown): string | null => {
  if (value == null) return null;
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  return String(value).slice(0, 10);
};

export function activityEntry(
  source: ActivitySource,
  base: { id: string; at: string },
  rows: ActivityRows,
  rowId: number,
  user: (id: unknown) => TimelineUser | null,
): TimelineEntry | null {
  // A note or task deleted since the page was read leaves no entry.
  if (source === 'note') {
    const note = rows.notes.get(rowId);
    if (!note) return null;
    return { ...base, kind: 'note', user: user(note.author_id), noteId: rowId, noteKind: String(note.kind), body: String(note.body) };
  }
  const row = rows.tasks.get(rowId);
  if (!row) return null;
  const task: TimelineTask = { id: rowId, title: String(row.title), due_date: dateOnly(row.due_date), assignee: user(row.assignee_id) };
  return source === 'task'
    ? { ...base, kind: 'task_created', user: user(row.created_by), task }
    : { ...base, kind: 'task_done', user: user(row.done_by), task };
}
