/**
 * What `GET /:resource/:id/timeline` answers: the server writes it, the screens read it. A new
 * kind of entry is one more member of `TimelineEntry`; the screens show a kind they do not know by
 * its time and author alone.
 */
import type { Labels } from './model.js';

export interface TimelineUser {
  id: number;
  /** The user's record representation; null when the reader may not read that record. */
  name: string | null;
}

/** A field by name (the screens label it and format its values by its kind), its value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface TimelineApproval {
  id: number;
  role: string;
  label: Labels | null;
  from: string;
  to: string;
}

/** A file attached to the record (`sales_attachments`); a deleted file leaves no entry. */
export interface TimelineAttachment {
  id: number;
  file_name: string;
  size: number;
  content_type: string;
}

interface EntryBase {
  /** Unique in the record's timeline: `<source>-<row id>`. */
  id: string;
  /** When, an ISO instant (milliseconds). */
  at: string;
  user: TimelineUser | null;
}

/** A task on the record (`sales_tasks`), as its entries name it. */
export interface TimelineTask {
  id: number;
  title: string;
  /** `YYYY-MM-DD`, or null. */
  due_date: string | null;
  assignee: TimelineUser | null;
}

export type TimelineEntry =
  | (EntryBase & { kind: 'note'; noteId: number; noteKind: string; body: string })
  | (EntryBase & { kind: 'task_created'; task: TimelineTask })
  | (EntryBase & { kind: 'task_done'; task: TimelineTask })
  | (EntryBase & { kind: 'created' })
  | (EntryBase & { kind: 'changed'; changes: FieldChange[] })
  | (EntryBase & { kind: 'moved'; from: string; to: string; comment: string | null })
  | (EntryBase & { kind: 'approval_requested'; approval: TimelineApproval })
  | (EntryBase & { kind: 'approval_decided'; approval: TimelineApproval; status: string; comment: string | null })
  | (EntryBase & { kind: 'attached'; attachment: TimelineAttachment });

export interface TimelinePage {
  entries: TimelineEntry[];
  /** `before` of the next (older) page, an instant to the microsecond; null at the end. */
  next: string | null;
}
