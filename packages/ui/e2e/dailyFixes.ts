/**
 * The smaller daily fixes through the screens: the dashboard's headline figures and labelled
 * charts (one pipeline at a time), the user menu acting as another salesperson in the demo, a
 * customer created from the opportunity form's picker, and a refused move completed in the
 * refusal dialog. Each shown at 1440×900 and 390×844.
 */
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { apiClient } from './harness.js';
import type { State } from './run.js';
import { byTestId, fieldInput, hashUrl, poll, save, waitForRecordUrl } from './ui.js';

type Row = Record<string, unknown> & { id: number };

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** The first stage of the main pipeline, in either UI language. */
const FIRST_STAGE = /^(客户开发|Customer development) \(\d+\)$/;

/** A screenshot at the desktop size, then at the phone size; back to the desktop size after. */
async function shootBoth(state: State, name: string): Promise<void> {
  await state.shot(`${name}-desktop`);
  await state.page.setViewportSize(PHONE);
  try {
    await state.page.waitForTimeout(300);
    await state.shot(`${name}-phone`);
  } finally {
    await state.page.setViewportSize(DESKTOP);
  }
}

/** A chart's category labels, each whole (a cut one carries its whole name in its tooltip). */
async function categories(chart: Locator): Promise<string[]> {
  return chart
    .locator('[data-testid="chart-category"]')
    .evaluateAll((labels) =>
      labels.map((label) => label.parentElement?.querySelector(':scope > title')?.textContent ?? label.textContent ?? ''),
    );
}

/** The total of a list page, as its pagination says it (`1-25 of 37`). */
async function listTotal(state: State, resource: string): Promise<number> {
  const { page, base } = state;
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `/${resource}`));
  const shown = page.locator('.MuiTablePagination-displayedRows').first();
  await shown.waitFor({ timeout: 20_000 });
  const text = (await shown.textContent()) ?? '';
  return Number(/(\d+)\D*$/.exec(text.replace(/[\s,]/g, ''))?.[1]);
}

/** The number of records of a resource a demo user may read, as the API counts them. */
async function apiTotal(state: State, resource: string, user?: number): Promise<number> {
  const { headers } = await apiClient(state.base, user)(`/${resource}?range=[0,0]`);
  return Number(/\/(\d+)$/.exec(headers.get('content-range') ?? '')?.[1]);
}

async function openUserMenu(state: State): Promise<void> {
  await byTestId(state.page, 'sales-user-menu').locator('button').first().click();
  await byTestId(state.page, 'user-menu-identity').waitFor({ timeout: 10_000 });
}

export const dailyFixSteps: [string, (state: State) => Promise<void>][] = [
  [
    'daily: dashboard headline figures and labelled charts, one pipeline at a time',
    async (state) => {
      const { page, base } = state;
      await page.goto(hashUrl(base, '/'));
      const tiles = byTestId(page, 'headline-figure');
      await byTestId(page, 'headline-figure-value').first().waitFor({ timeout: 20_000 });
      const values = await byTestId(page, 'headline-figure-value').allTextContents();
      assert.ok(values.length >= 4, `headline figures shown: ${values.join(' | ')}`);
      assert.ok(
        values.every((value) => /\d/.test(value)),
        `every figure is a number: ${values.join(' | ')}`,
      );
      assert.equal(await tiles.count(), values.length);

      const funnel = byTestId(page, 'report-stage-totals');
      await funnel.locator('[data-testid="chart-category"]').first().waitFor({ timeout: 20_000 });
      const main = await categories(funnel);
      assert.match(main[0]!, FIRST_STAGE, 'the stage chart names its stages under the bars');
      assert.ok(main.length <= 12, `one pipeline's stages, not every pipeline's: ${main.length}`);
      assert.ok(((await funnel.locator('[data-testid="chart-y-title"]').textContent()) ?? '').length > 0, 'the value axis has a title');
      const quota = byTestId(page, 'report-quota-attainment');
      await quota.locator('[data-testid="chart-category"]').first().waitFor({ timeout: 20_000 });
      const people = await categories(quota);
      assert.ok(
        people.every((name) => name && !name.startsWith('#')),
        `the quota chart names whose quota: ${people.join(', ')}`,
      );
      await funnel.scrollIntoViewIfNeeded();
      await shootBoth(state, 'daily-dashboard');

      await funnel.locator('[role="combobox"]').first().click();
      const options = page.locator('[role="listbox"] [data-pipeline]');
      assert.ok((await options.count()) > 1, 'the opportunity workflow has several pipelines');
      await options.nth(1).click();
      const other = await poll(
        () => categories(funnel),
        (labels) => labels.length > 0 && !FIRST_STAGE.test(labels[0]!),
      );
      assert.notDeepEqual(other, main, 'another pipeline, other stages');
      await funnel.scrollIntoViewIfNeeded();
      await shootBoth(state, 'daily-dashboard-other-pipeline');
    },
  ],
  [
    'daily: the user menu acts as another salesperson in the demo, and back',
    async (state) => {
      const { page } = state;
      const reps = (
        await state.api<Row[]>(
          `/salespeople?filter=${encodeURIComponent(JSON.stringify({ role: 'sales_rep', status: 'active' }))}&range=[0,49]`,
        )
      ).json;
      // A rep owning some opportunities, not all of them.
      const everyone = await apiTotal(state, 'opportunities');
      let rep: Row | undefined;
      let own = 0;
      for (const candidate of reps) {
        own = await apiTotal(state, 'opportunities', candidate.id);
        if (own > 0 && own < everyone) {
          rep = candidate;
          break;
        }
      }
      assert.ok(rep, 'the demo has a rep owning some opportunities');
      assert.equal(await listTotal(state, 'opportunities'), everyone, 'the demo administrator lists every opportunity');

      await openUserMenu(state);
      await shootBoth(state, 'daily-user-menu');
      await byTestId(page, 'act-as-open').click();
      const dialog = byTestId(page, 'act-as-dialog');
      await dialog.locator('input').fill(String(rep.name));
      await page.locator(`[data-testid="act-as-option"][data-id="${rep.id}"]`).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });

      assert.equal(await listTotal(state, 'opportunities'), own, `acting as ${rep.name}, the list shows their opportunities only`);
      await openUserMenu(state);
      assert.equal(await byTestId(page, 'user-menu-identity').getAttribute('data-user'), String(rep.id));
      await shootBoth(state, 'daily-acting-as-rep');
      await byTestId(page, 'act-as-back').click();
      assert.equal(await listTotal(state, 'opportunities'), everyone, 'back as the demo administrator');
    },
  ],
  [
    'daily: quick-create a customer from the opportunity form, and save the opportunity with it',
    async (state) => {
      const { page, base } = state;
      const name = `E2E 速建客户 ${state.stamp}`;
      await page.goto('about:blank');
      await page.goto(hashUrl(base, '/opportunities/create'));
      const picker = await fieldInput(page, 'customer_id');
      await picker.click();
      await picker.fill(name);
      const create = page.locator('[role="listbox"] [role="option"]').filter({ hasText: name }).last();
      await create.click();
      const dialog = byTestId(page, 'quick-create-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      assert.equal(await dialog.locator('input[name="name"]').inputValue(), name, 'the typed text is the new record’s name');
      await dialog.locator('.ra-input-grade [role="combobox"]').click();
      await page.locator('[role="listbox"] [data-value="B"]').click();
      await shootBoth(state, 'daily-quick-create');
      await byTestId(dialog, 'fields-dialog-submit').click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      // The picker names the new record once it has read it back.
      await page.keyboard.press('Escape');
      const shown = await poll(
        () => picker.inputValue(),
        (value) => value === name,
      );
      assert.equal(shown, name, 'the new customer is selected');

      const nameInput = await fieldInput(page, 'name');
      await nameInput.fill(`E2E quick-created customer deal ${state.stamp}`);
      await save(page);
      const id = await waitForRecordUrl(page, 'opportunities');
      const opportunity = (await state.api<Row>(`/opportunities/${id}`)).json;
      const customer = (await state.api<Row>(`/customers/${opportunity.customer_id}`)).json;
      assert.equal(customer.name, name);
      assert.equal(customer.grade, 'B');
      await shootBoth(state, 'daily-quick-created-saved');
    },
  ],
  [
    'daily: refused at a gate, fill the missing fields in the refusal dialog, save and move',
    async (state) => {
      const { page, base, api } = state;
      const customers = (await api<Row[]>('/customers?range=[0,0]')).json;
      const created = await api<Row>('/opportunities', {
        method: 'POST',
        body: { name: `E2E refusal fix ${state.stamp}`, customer_id: customers[0]!.id },
      });
      assert.equal(created.status, 201);
      const id = created.json.id;
      await page.goto('about:blank');
      await page.goto(hashUrl(base, `/opportunities/${id}`));
      // An unsaved value on the edit page: the move is judged on it, and it is saved with the dialog's.
      const need = await fieldInput(page, 'need');
      await need.fill('Cold-chain tracking for 40 trucks');
      await byTestId(page, 'move-initiation').click();
      const dialog = byTestId(page, 'refusal-dialog');
      await dialog.waitFor({ timeout: 15_000 });
      const missing = await dialog.locator('[data-field]').evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));
      assert.ok(!missing.includes('need'), 'the unsaved value counts');
      assert.ok(missing.includes('budget'), `the budget is missing: ${missing.join(', ')}`);
      const form = byTestId(dialog, 'fields-dialog-form');
      // Only the budget first: the move is refused again, the dialog shows what still lacks.
      await form.locator('input[name="budget"]').fill('560000');
      await byTestId(dialog, 'fields-dialog-submit').click();
      await poll(
        async () => (await api<Row>(`/opportunities/${id}`)).json,
        (record) => Number(record.budget) === 560000,
      );
      await dialog.locator('[data-field="budget"]').waitFor({ state: 'detached', timeout: 15_000 });
      assert.equal((await api<Row>(`/opportunities/${id}`)).json.stage, 'development');
      const inputs = {
        expected_sign_date: '2027-06-30',
        competitors: 'Two regional integrators',
        decision_process: 'Logistics director, then the board',
      } as Record<string, string>;
      for (const [field, value] of Object.entries(inputs)) {
        const input = form.locator(`input[name="${field}"], textarea[name="${field}"]:not([aria-hidden="true"])`).first();
        if (await input.count()) await input.fill(value);
      }
      await shootBoth(state, 'daily-refusal-fill');
      await byTestId(dialog, 'fields-dialog-submit').click();
      const record = await poll(
        async () => (await api<Row>(`/opportunities/${id}`)).json,
        (r) => r.stage === 'initiation',
        15_000,
      );
      assert.equal(record.stage, 'initiation', 'the stage advanced');
      assert.equal(record.need, 'Cold-chain tracking for 40 trucks', 'the unsaved value was saved with the move');
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      await shootBoth(state, 'daily-refusal-moved');
    },
  ],
];
