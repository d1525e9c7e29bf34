/**
 * Notes, calls and tasks through the screens, as a sales rep: a note and a call on their customer,
 * a task due today for themselves; both in the record's timeline; the bell's count goes up, "My
 * tasks" lists the task under today, ticking it off brings the count down. Screenshots of the hub,
 * the bell's menu and "My tasks" at 1440×900 and 390×844; no page errors meanwhile.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { actAs, apiClient } from './harness.js';
import type { State } from './run.js';
import { byTestId, hashUrl, poll } from './ui.js';

type Row = Record<string, unknown> & { id: number };

interface ActivityState {
  rep: Row;
  customerId: number;
  taskTitle: string;
  countBefore: number;
  errors: string[];
}

const runs = new WeakMap<State, ActivityState>();
const runOf = (state: State) => runs.get(state)!;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** A screenshot at the desktop size, then one at the phone's, back to the desktop after. */
async function shootBoth(state: State, name: string): Promise<void> {
  await state.shot(`${name}-1440`);
  await state.page.setViewportSize(PHONE);
  try {
    await state.page.waitForTimeout(300);
    await state.shot(`${name}-390`);
  } finally {
    await state.page.setViewportSize(DESKTOP);
  }
}

/** The count the bell announces (its label: "3 items waiting for you" / "3 项待办"); a hidden badge keeps its last digits. */
async function bellCount(page: Page): Promise<number> {
  const label = (await byTestId(page, 'inbox-bell').getAttribute('aria-label')) ?? '';
  return Number(/\d+/.exec(label)?.[0] ?? Number.NaN);
}

async function inboxTotal(state: State): Promise<number> {
  const { json } = await apiClient(
    state.base,
    runOf(state).rep.id,
  )<{ approvals: number; tasks: { today: number; overdue: number } }>('/me/inbox');
  return json.approvals + json.tasks.today + json.tasks.overdue;
}

function assertNoErrors(state: State): void {
  assert.deepEqual(runOf(state).errors, [], 'no page or console errors');
}

export const activitySteps: [string, (state: State) => Promise<void>][] = [
  [
    'activities: a rep notes a call and a visit on their customer',
    async (state) => {
      const { page, base } = state;
      const reps = (
        await state.api<Row[]>(`/salespeople?filter=${encodeURIComponent(JSON.stringify({ role: 'sales_rep', status: 'active' }))}`)
      ).json;
      assert.ok(reps.length > 0, 'the demo has an active sales rep');
      const rep = reps[0]!;
      const asRep = apiClient(base, rep.id);
      const customer = await asRep<Row>('/customers', { method: 'POST', body: { name: `Activity Steel ${state.stamp}`, grade: 'B' } });
      assert.equal(customer.status, 201, JSON.stringify(customer.json));
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      runs.set(state, { rep, customerId: customer.json.id, taskTitle: `Send the offer ${state.stamp}`, countBefore: 0, errors });
      runOf(state).countBefore = await inboxTotal(state);

      await actAs(page, rep.id);
      await page.goto('about:blank');
      await page.goto(hashUrl(base, `/customers/${customer.json.id}/show`));
      const composer = byTestId(page, 'note-composer');
      await composer.waitFor({ timeout: 20_000 });
      for (const [kind, body] of [
        ['note', 'Prefers to be called after 10 am'],
        ['call', 'Called the buyer about the spring order'],
      ] as const) {
        await composer.locator(`[data-kind="${kind}"]`).click();
        await composer.locator('textarea').first().fill(body);
        await composer.locator('button[type="submit"]').click();
        await page.locator('[data-testid="timeline-entry"][data-kind="note"]', { hasText: body }).waitFor({ timeout: 15_000 });
      }
      const notes = await apiClient(
        base,
        rep.id,
      )<Row[]>(`/notes?filter=${encodeURIComponent(JSON.stringify({ resource: 'customers', record_id: customer.json.id }))}`);
      assert.deepEqual(notes.json.map((n) => n.kind).sort(), ['call', 'note']);
      assertNoErrors(state);
    },
  ],
  [
    'activities: the rep adds a task due today for themselves; the bell counts it',
    async (state) => {
      const { page } = state;
      const run = runOf(state);
      const form = byTestId(page, 'task-form');
      await form.locator('input').first().fill(run.taskTitle);
      await form.locator('button[type="submit"]').click();
      await byTestId(page, 'open-tasks').getByText(run.taskTitle).waitFor({ timeout: 15_000 });
      await page.locator('[data-testid="timeline-entry"][data-kind="task_created"]', { hasText: run.taskTitle }).waitFor();
      const [task] = (
        await apiClient(state.base, run.rep.id)<Row[]>(`/tasks?filter=${encodeURIComponent(JSON.stringify({ title: run.taskTitle }))}`)
      ).json;
      assert.equal(task?.assignee_id, run.rep.id, 'assigned to the rep');
      assert.equal(task?.due_date, new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10));
      const count = await poll(
        () => bellCount(page),
        (n) => n === run.countBefore + 1,
      );
      assert.equal(count, run.countBefore + 1, 'the bell counts the new task');
      await shootBoth(state, 'activities-hub');
      assertNoErrors(state);
    },
  ],
  [
    'activities: "My tasks" lists it under today; done, the count goes down',
    async (state) => {
      const { page } = state;
      const run = runOf(state);
      await byTestId(page, 'inbox-bell').click();
      await byTestId(page, 'inbox-menu').locator('[data-testid="inbox-tasks"]').waitFor();
      // The menu stays open while the window narrows: the phone's shot shows it placed anew.
      await shootBoth(state, 'activities-bell-menu');
      await byTestId(page, 'inbox-tasks').click();
      const today = page.locator('[data-testid="my-tasks"] [data-group="today"]');
      await today.getByText(run.taskTitle).waitFor({ timeout: 20_000 });
      await today
        .getByRole('link', { name: `Activity Steel ${state.stamp}` })
        .first()
        .waitFor();
      await shootBoth(state, 'activities-my-tasks');

      await today.locator('[data-testid="task"]', { hasText: run.taskTitle }).getByRole('checkbox').click();
      const done = page.locator('[data-testid="my-tasks"] [data-group="done"]');
      await done.getByText(run.taskTitle).waitFor({ timeout: 15_000 });
      const count = await poll(
        () => bellCount(page),
        (n) => n === run.countBefore,
      );
      assert.equal(count, run.countBefore, 'the bell no longer counts the done task');
      assert.equal(await inboxTotal(state), run.countBefore);
      await state.shot('activities-my-tasks-done');
      await actAs(page, null);
      assertNoErrors(state);
    },
  ],
];
