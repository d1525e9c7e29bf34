/**
 * How the timeline shows notes and tasks (`note`, `task_created`, `task_done` entries): a note by
 * its kind's label and icon with its text, a task by its title, due date and assignee.
 */
import type { ComponentType } from 'react';
import AssignmentTurnedIn from '@mui/icons-material/AssignmentTurnedIn';
import Assignment from '@mui/icons-material/Assignment';
import { activityKindsOf, type ClientSalesModel } from '@ra-sales/schema';
import { labelIn } from '../i18n/labels.js';
import { iconFor } from '../resources/icons.js';
import type { TimelineEntry } from './timelineApi.js';

export type ActivityEntry = Extract<TimelineEntry, { kind: 'note' | 'task_created' | 'task_done' }>;

export const isActivityEntry = (entry: TimelineEntry): entry is ActivityEntry =>
  entry.kind === 'note' || entry.kind === 'task_created' || entry.kind === 'task_done';

/** A kind of note as the model declares it; an id the model no longer has shows as itself. */
export function noteKind(model: ClientSalesModel, id: string) {
  return activityKindsOf(model).find((kind) => kind.id === id) ?? { id, label: { en: id } };
}

export function activityLook(
  entry: ActivityEntry,
  model: ClientSalesModel,
): { icon: ComponentType<{ fontSize?: 'small' }>; color: string } {
  if (entry.kind === 'note') return { icon: iconFor(noteKind(model, entry.noteKind).icon), color: 'secondary.main' };
  return entry.kind === 'task_done' ? { icon: AssignmentTurnedIn, color: 'success.main' } : { icon: Assignment, color: 'warning.main' };
}

/** The entry's title and the text under it. */
export function activityText(
  entry: ActivityEntry,
  model: ClientSalesModel,
  locale: string,
  t: (key: string, options?: Record<string, unknown>) => string,
): { title: string; comment: string | null } {
  if (entry.kind === 'note') return { title: labelIn(noteKind(model, entry.noteKind).label, locale), comment: entry.body };
  const { task } = entry;
  const details = [
    task.due_date ? t('activities.task_due', { date: formatDay(task.due_date, locale) }) : null,
    task.assignee ? t('activities.task_for', { name: task.assignee.name ?? `#${task.assignee.id}` }) : null,
  ].filter(Boolean);
  return {
    title: t(entry.kind === 'task_done' ? 'activities.task_done' : 'activities.task_created', { title: task.title }),
    comment: details.length ? details.join(' · ') : null,
  };
}

/** `2026-03-10` as the UI language writes a day. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
}
