/**
 * `GET /me/inbox`: what waits for the caller — the pending approvals they may decide (their role,
 * or any for an admin, on records they may read) and their open tasks due today or before, on
 * records they may read. "Today" is the server process's date, as `$today` in rules.
 */
import { localToday } from '@ra-sales/schema';
import type { Knex } from 'knex';
import type { RequestContext } from '../context.js';
import { ADMIN_ROLE, addReadableRecord, addReadScope } from '../access.js';
import { APPROVALS, TASKS } from '../resources.js';

export interface Inbox {
  approvals: number;
  tasks: { today: number; overdue: number };
}

export async function inboxOf(ctx: RequestContext, today = localToday()): Promise<Inbox> {
  const { knex, model, user } = ctx;
  const approvals = ctx.resources.get(APPROVALS)!;
  const tasks = ctx.resources.get(TASKS)!;

  const pending = knex(approvals.table).where(`${approvals.table}.status`, 'pending');
  addReadScope(pending, knex, model, approvals, user);
  if (!user.roles.includes(ADMIN_ROLE)) {
    pending.whereIn(`${approvals.table}.role`, user.roles.length ? user.roles : ['']);
    // Deciding needs the record readable too (a manager of another team holds the role, not the record).
    pending.where((w) => addReadableRecord(w, knex as Knex, model, user, approvals.table));
  }

  const due = knex(tasks.table)
    .where(`${tasks.table}.assignee_id`, user.id)
    .where(`${tasks.table}.done`, false)
    .where(`${tasks.table}.due_date`, '<=', today);
  addReadScope(due, knex, model, tasks, user);

  const [approvalCount, taskCounts] = await Promise.all([
    pending.count({ n: '*' }).first(),
    due
      .select(
        knex.raw('count(*) filter (where due_date = ?::date) as today', [today]),
        knex.raw('count(*) filter (where due_date < ?::date) as overdue', [today]),
      )
      .first(),
  ]);
  return {
    approvals: Number(approvalCount?.n ?? 0),
    tasks: { today: Number(taskCounts?.today ?? 0), overdue: Number(taskCounts?.overdue ?? 0) },
  };
}
