/**
 * Notes (notes, calls, visits) and tasks kept on any record: the kinds a model has, the limits the
 * server enforces and the forms announce, and how a task is filed by its due date, for the server's
 * inbox count and the "My tasks" page alike.
 */
import type { ActivityKind, ClientSalesModel } from '../model.js';

/** The kinds of a model without `activities` in model.json. */
export const DEFAULT_ACTIVITY_KINDS: readonly ActivityKind[] = [
  { id: 'note', label: { en: 'Note', 'zh-CN': '笔记' }, icon: 'EditNote' },
  { id: 'call', label: { en: 'Call', 'zh-CN': '电话' }, icon: 'ContactPhone' },
  { id: 'visit', label: { en: 'Visit', 'zh-CN': '拜访' }, icon: 'Place' },
];

export function activityKindsOf(model: Pick<ClientSalesModel, 'activities'>): readonly ActivityKind[] {
  return model.activities?.kinds ?? DEFAULT_ACTIVITY_KINDS;
}

/** Longest note body and task description, in characters. */
export const ACTIVITY_TEXT_MAX = 20_000;
/** Longest task title, in characters. */
export const TASK_TITLE_MAX = 200;

/** Where a task stands on `today` (`YYYY-MM-DD`): done, late, due today, due later (or never). */
export type TaskDue = 'done' | 'overdue' | 'today' | 'upcoming';

export function taskDue(task: { done?: boolean | null; due_date?: string | null }, today: string): TaskDue {
  if (task.done) return 'done';
  if (!task.due_date) return 'upcoming';
  const due = task.due_date.slice(0, 10);
  return due < today ? 'overdue' : due === today ? 'today' : 'upcoming';
}
