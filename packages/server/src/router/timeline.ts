/**
 * `GET /:resource/:id/timeline`: what happened to a record, newest first, for whoever may read it —
 * its field changes (`sales_audit`), stage moves (`sales_history`), approval requests and
 * decisions (`sales_approvals`), each with who and when. Paged by time: `?before=<next>&limit=50`.
 */
import {
  SERVER_FIELDS,
  STAGE_ENTERED_FIELD,
  type EntityModel,
  type FieldChange,
  type Labels,
  type TimelineApproval,
  type TimelineEntry,
  type TimelinePage,
  type TimelineUser,
} from '@ra-sales/schema';
import type { RequestContext } from './context.js';
import type { ResourceInfo } from './resources.js';
import { badRequest, notFound } from './errors.js';
import { phrase } from './locale.js';
import { findReadable, readableQuery } from './reads.js';
import { sameValue } from './records.js';
import { usersOf } from './resources.js';
import {
  ACTIVITY_EVENTS_SQL,
  ACTIVITY_RANK,
  activityEntry,
  activityEventBindings,
  activityRows,
  activityUserIds,
  isActivitySource,
  type ActivitySource,
} from './activities/timelineEntries.js';

export const TIMELINE_PAGE = 50;
export const TIMELINE_MAX_PAGE = 200;

type Source = 'audit' | 'history' | 'requested' | 'decided' | 'attached' | ActivitySource;
interface JournalRow {
  source: Source;
  row_id: number;
  cursor: string;
}

/** Within one instant (one transaction), what followed from what comes first, as the rest of the list. */
const RANK: Record<TimelineEntry['kind'], number> = {
  moved: 0,
  approval_decided: 1,
  approval_requested: 2,
  changed: 3,
  created: 4,
  attached: 5,
  ...ACTIVITY_RANK,
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$/;
const CURSOR = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Columns of an audited row that are not the record's own fields, and the stage (shown by its moves). */
function unshownKeys(entity: EntityModel): string[] {
  return [...SERVER_FIELDS, STAGE_ENTERED_FIELD, ...(entity.workflow ? [entity.workflow.field] : [])];
}

function parsePaging(query: Record<string, unknown>, locale: string): { before?: string; limit: number } {
  const { before, limit } = query;
  if (before !== undefined && (typeof before !== 'string' || !ISO_INSTANT.test(before) || Number.isNaN(Date.parse(before)))) {
    throw badRequest(phrase(locale, 'parameterMustBe', { name: 'before', value: phrase(locale, 'valueDateTime', {}) }));
  }
  if (limit === undefined) return { before, limit: TIMELINE_PAGE };
  const n = typeof limit === 'string' && /^\d{1,4}$/.test(limit) ? Number(limit) : 0;
  if (n < 1 || n > TIMELINE_MAX_PAGE) {
    throw badRequest(
      phrase(locale, 'parameterMustBe', { name: 'limit', value: phrase(locale, 'valueTimelineLimit', { max: String(TIMELINE_MAX_PAGE) }) }),
    );
  }
  return { before, limit: n };
}

/** Every event of the record in `[from, before)`, newest first, at most `limit`: one row per entry to come. */
async function events(ctx: RequestContext, entity: EntityModel, id: number, range: { before?: string; from?: string; limit?: number }) {
  const record = [entity.resource, id];
  const ignored = unshownKeys(entity);
  const strip = (column: string) => `(${column}${' - ?::text'.repeat(ignored.length)})`;
  const where = [range.before ? 'at < ?::timestamptz' : 'true', range.from ? 'at >= ?::timestamptz' : 'true'].join(' and ');
  const sql = `
    select source, row_id, ${CURSOR} as cursor from (
      select 'audit' as source, id as row_id, created_at as at from sales_audit
        where resource = ? and record_id = ?
          and (action = 'create' or (action in ('update', 'transition') and ${strip('before')} is distinct from ${strip('after')}))
      union all
      select 'history', id, created_at from sales_history where resource = ? and record_id = ? and from_stage is not null
      union all
      select 'requested', id, created_at from sales_approvals where resource = ? and record_id = ?
      union all
      select 'decided', id, decided_at from sales_approvals
        where resource = ? and record_id = ? and decided_at is not null and status <> 'pending'
      union all
      select 'attached', id, created_at from sales_attachments where resource = ? and record_id = ?${ACTIVITY_EVENTS_SQL}
    ) events
    where ${where}
    order by at desc, row_id desc
    ${range.limit ? 'limit ?' : ''}`;
  const bindings = [
    ...record,
    ...ignored,
    ...ignored,
    ...record,
    ...record,
    ...record,
    ...record,
    ...activityEventBindings(record),
    ...(range.before ? [range.before] : []),
    ...(range.from ? [range.from] : []),
    ...(range.limit ? [range.limit] : []),
  ];
  const result = await ctx.knex.raw(sql, bindings);
  return (result.rows as JournalRow[]).map((e) => ({ ...e, row_id: Number(e.row_id) }));
}

/**
 * One page: `limit` events, and every other event of the last one's instant, so that the next
 * page, which starts strictly before that instant, misses none.
 */
async function pageOfEvents(ctx: RequestContext, entity: EntityModel, id: number, before: string | undefined, limit: number) {
  const found = await events(ctx, entity, id, { before, limit: limit + 1 });
  if (found.length <= limit) return { page: found, next: null };
  const last = found[limit - 1]!.cursor;
  const page = found[limit]!.cursor === last ? await events(ctx, entity, id, { before, from: last }) : found.slice(0, limit);
  return { page, next: last };
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown> | null;
const idsOf = (page: JournalRow[], ...sources: Source[]) => page.filter((e) => sources.includes(e.source)).map((e) => e.row_id);

function changesOf(entity: EntityModel, before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  return entity.fields
    .filter((f) => f.name !== entity.workflow?.field && !sameValue(before?.[f.name], after?.[f.name]))
    .map((f) => ({ field: f.name, before: before?.[f.name] ?? null, after: after?.[f.name] ?? null }));
}

/** Names of the users among `ids` the reader may read (the users entity's representation). */
export async function userNames(ctx: RequestContext, ids: number[]): Promise<Map<number, string>> {
  const users = usersOf(ctx.model);
  const resource = users && ctx.resources.get(users.resource);
  const field = users?.entity.recordRepresentation;
  if (!resource || !field || field === 'id' || ids.length === 0) return new Map();
  const rows: { id: unknown; name: unknown }[] = await readableQuery(ctx, resource, {})
    .whereIn(`${resource.table}.id`, ids)
    .select(`${resource.table}.id`, `${resource.table}.${field} as name`);
  return new Map(rows.filter((r) => r.name != null).map((r) => [Number(r.id), String(r.name)]));
}

async function entriesOf(ctx: RequestContext, entity: EntityModel, page: JournalRow[]): Promise<TimelineEntry[]> {
  const db = ctx.knex;
  const [audits, moves, approvals, files] = await Promise.all([
    db('sales_audit').whereIn('id', idsOf(page, 'audit')).select('id', 'action', 'user_id', 'before', 'after'),
    db('sales_history').whereIn('id', idsOf(page, 'history')).select('id', 'from_stage', 'to_stage', 'user_id', 'comment'),
    db('sales_approvals')
      .whereIn('id', idsOf(page, 'requested', 'decided'))
      .select('id', 'role', 'label', 'from_stage', 'to_stage', 'status', 'requested_by', 'decided_by', 'comment'),
    db('sales_attachments').whereIn('id', idsOf(page, 'attached')).select('id', 'file_name', 'size', 'content_type', 'uploaded_by'),
  ]);
  const byId = <T extends { id: unknown }>(rows: T[]) => new Map(rows.map((r) => [Number(r.id), r]));
  const [audit, history, approval, attachment] = [byId(audits), byId(moves), byId(approvals), byId(files)];
  const activities = await activityRows(db, page);
  const names = await userNames(
    ctx,
    [
      ...new Set(
        [...audits, ...moves]
          .map((r) => r.user_id)
          .concat(approvals.flatMap((r) => [r.requested_by, r.decided_by]))
          .concat(files.map((r) => r.uploaded_by))
          .concat(activityUserIds(activities)),
      ),
    ]
      .filter((u) => u != null)
      .map(Number),
  );
  const user = (id: unknown): TimelineUser | null => (id == null ? null : { id: Number(id), name: names.get(Number(id)) ?? null });

  const entries: { entry: TimelineEntry; cursor: string }[] = [];
  const push = (entry: TimelineEntry, cursor: string) => entries.push({ entry, cursor });
  for (const event of page) {
    const base = { id: `${event.source}-${event.row_id}`, at: `${event.cursor.slice(0, 23)}Z` };
    if (event.source === 'audit') {
      const row = audit.get(event.row_id)!;
      if (row.action === 'create') push({ ...base, kind: 'created', user: user(row.user_id) }, event.cursor);
      const changes = row.action === 'create' ? [] : changesOf(entity, json(row.before), json(row.after));
      if (changes.length) push({ ...base, kind: 'changed', user: user(row.user_id), changes }, event.cursor);
    } else if (event.source === 'history') {
      const row = history.get(event.row_id)!;
      push(
        { ...base, kind: 'moved', user: user(row.user_id), from: row.from_stage, to: row.to_stage, comment: row.comment ?? null },
        event.cursor,
      );
    } else if (isActivitySource(event.source)) {
      const entry = activityEntry(event.source, base, activities, event.row_id, user);
      if (entry) push(entry, event.cursor);
    } else if (event.source === 'attached') {
      // A file deleted since the page was read leaves no entry.
      const row = attachment.get(event.row_id);
      if (!row) continue;
      const file = { id: Number(row.id), file_name: row.file_name, size: Number(row.size), content_type: row.content_type };
      push({ ...base, kind: 'attached', user: user(row.uploaded_by), attachment: file }, event.cursor);
    } else {
      const row = approval.get(event.row_id)!;
      const ref: TimelineApproval = {
        id: Number(row.id),
        role: row.role,
        label: json(row.label) as Labels | null,
        from: row.from_stage,
        to: row.to_stage,
      };
      push(
        event.source === 'requested'
          ? { ...base, kind: 'approval_requested', user: user(row.requested_by), approval: ref }
          : {
              ...base,
              kind: 'approval_decided',
              user: user(row.decided_by),
              approval: ref,
              status: row.status,
              comment: row.comment ?? null,
            },
        event.cursor,
      );
    }
  }
  return entries.sort((a, b) => b.cursor.localeCompare(a.cursor) || RANK[a.entry.kind] - RANK[b.entry.kind]).map((e) => e.entry);
}

export async function recordTimeline(
  ctx: RequestContext,
  resource: ResourceInfo,
  id: number,
  query: Record<string, unknown>,
): Promise<TimelinePage> {
  const entity = resource.entity;
  if (!entity) throw notFound(phrase(ctx.locale, 'unknownResource', { name: JSON.stringify(resource.name) }));
  const { before, limit } = parsePaging(query, ctx.locale);
  await findReadable(ctx.knex, ctx, resource, id);
  const { page, next } = await pageOfEvents(ctx, entity, id, before, limit);
  return { entries: await entriesOf(ctx, entity, page), next };
}
