/**
 * The back office on a phone: a second browser context at 390×844 (touch, zh-CN) on the same
 * server visits the customers list (cards), a customer, an opportunity's show, edit and create pages, the
 * board (one stage at a time: a tab, a swipe, a move through a card's menu), the dashboard and the
 * approvals inbox, then the opportunity page in English. Every page must fit the screen's width
 * (no sideways scrolling) and raise no error; each is shot on the phone and at 1440×900.
 * Screenshots go to `test-artifacts/e2e-phone/` (the phone's) and `test-artifacts/e2e-phone/desktop/`.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, screenshotter } from './harness.js';
import type { State } from './run.js';
import { byTestId, hashUrl, poll } from './ui.js';

type Row = Record<string, unknown> & { id: number };

interface Screen {
  context: BrowserContext;
  page: Page;
  /** Errors the page raised or logged since the last check. */
  errors: string[];
}

interface PhoneState {
  phone: Screen;
  desktop: Screen;
  /** Shoots both screens. */
  shot: (name: string) => Promise<string>;
  /** Shoots the phone alone (a state only the phone shows). */
  phoneShot: (name: string) => Promise<string>;
  touch: CDPSession;
  customerId?: number;
  opportunityId?: number;
}

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const phones = new WeakMap<State, PhoneState>();
const SHOTS = 'e2e-phone';

async function openScreen(browser: Browser, options: Parameters<Browser['newContext']>[0]): Promise<Screen> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return { context, page, errors };
}

/** The phone and the desktop screens of this run, opened on first use. */
async function screens(state: State): Promise<PhoneState> {
  const known = phones.get(state);
  if (known) return known;
  const browser = state.page.context().browser();
  assert.ok(browser, 'the run has a browser');
  const phone = await openScreen(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  const desktop = await openScreen(browser, { viewport: DESKTOP });
  // A folder of its own, emptied here: another run on the same checkout empties `e2e` when it starts.
  rmSync(join(ARTIFACTS, SHOTS), { recursive: true, force: true });
  const shoot = screenshotter(phone.page, SHOTS);
  const shootDesktop = screenshotter(desktop.page, join(SHOTS, 'desktop'));
  const created: PhoneState = {
    phone,
    desktop,
    shot: async (name) => {
      await shootDesktop(name);
      return shoot(name);
    },
    phoneShot: shoot,
    touch: await phone.context.newCDPSession(phone.page),
  };
  phones.set(state, created);
  return created;
}

/** On a failed step, what the phone and its desktop twin showed (nothing when no phone step has run). */
export async function phoneFailureShots(state: State, name: string): Promise<void> {
  await phones.get(state)?.shot(name);
}

/** The page is no wider than its screen: nothing scrolls sideways. */
async function fitsTheScreen(page: Page, what: string): Promise<void> {
  const { width, scrollWidth } = await page.evaluate(() => ({
    width: window.innerWidth,
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
  }));
  assert.ok(scrollWidth <= width + 1, `${what}: the page is ${scrollWidth} px wide on a ${width} px screen`);
}

function noErrors(screen: Screen, what: string): void {
  const errors = screen.errors.splice(0);
  assert.deepEqual(errors, [], `${what}: the page raised errors`);
}

/** What shows a page is there: one selector for both screens, or one each. */
type Ready = string | { phone: string; desktop: string };

/**
 * Opens `path` on both screens, waits for `ready` and checks each fits and raised no error, then
 * shoots both.
 */
async function visit(ps: PhoneState, base: string, path: string, ready: Ready, name: string): Promise<void> {
  for (const [screen, size] of [
    [ps.desktop, 'desktop'],
    [ps.phone, 'phone'],
  ] as const) {
    // A full load: the other steps change records through the API.
    await screen.page.goto('about:blank');
    await screen.page.goto(hashUrl(base, path));
    await screen.page
      .locator(typeof ready === 'string' ? ready : ready[size])
      .first()
      .waitFor({ timeout: 20_000 });
    await screen.page.waitForLoadState('networkidle');
    await fitsTheScreen(screen.page, `${name} (${size})`);
    noErrors(screen, `${name} (${size})`);
  }
  await ps.shot(name);
}

async function listOf(state: State, resource: string, filter: Record<string, unknown>, count = 1): Promise<Row[]> {
  const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(`[0,${count - 1}]`)}`;
  const { status, json } = await state.api<Row[]>(`/${resource}?${query}`);
  assert.equal(status, 200, `GET /${resource}`);
  return json;
}

interface WorkflowMove {
  to: string;
  allowed: boolean;
  approvalRoles: string[];
}

async function movesOf(state: State, id: number): Promise<WorkflowMove[]> {
  return (await state.api<{ next: WorkflowMove[] }>(`/opportunities/${id}/workflow`)).json.next;
}

/** A horizontal swipe across the middle of `element`, as a finger does it (touch events, not a mouse). */
async function swipe(ps: PhoneState, selector: string, dx: number): Promise<void> {
  const box = await ps.phone.page.locator(selector).first().boundingBox();
  assert.ok(box, `${selector} is on the screen`);
  const y = box.y + Math.min(box.height / 2, 200);
  const from = box.x + box.width / 2 - dx / 2;
  const point = (x: number) => [{ x, y }];
  await ps.touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
  await ps.touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from + dx / 2) });
  await ps.touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(from + dx) });
  await ps.touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const column = (stage: string) => `[data-testid="board-column"][data-stage="${stage}"]`;

export const phoneSteps: [string, (state: State) => Promise<void>][] = [
  [
    'phone: the customers list shows cards, the search opens across the app bar',
    async (state) => {
      const ps = await screens(state);
      const { page } = ps.phone;
      await visit(ps, state.base, '/customers', { phone: '[data-testid="phone-card"]', desktop: 'table tbody tr' }, 'customers');
      assert.equal(await page.locator('table').count(), 0, 'no table on a phone');
      const first = page.locator('[data-testid="phone-card"]').first();
      assert.ok((await first.locator('[data-field]').count()) >= 2, 'a card shows the telling list fields');

      await byTestId(page, 'search-open').click();
      const field = page.locator('[role="search"] input');
      await field.fill('上海');
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 15_000 });
      const box = await page.locator('[role="search"]').boundingBox();
      assert.ok(box && box.width >= PHONE.width - 1, `the search field spans the app bar (${box?.width} px)`);
      await fitsTheScreen(page, 'the open search');
      await ps.phoneShot('customers-search');
      await byTestId(page, 'search-close').click();

      // A tap on a card opens the customer.
      const id = Number(await first.getAttribute('data-id'));
      await first.locator('dd').first().click();
      await page.waitForURL(new RegExp(`#/customers/${id}/show`));
      ps.customerId = id;
      noErrors(ps.phone, 'customers list');
    },
  ],
  [
    'phone: a customer’s page fits, its related lists as cards',
    async (state) => {
      const ps = await screens(state);
      await visit(ps, state.base, `/customers/${ps.customerId}/show`, '[data-testid="record-hub"]', 'customer-show');
      const { page } = ps.phone;
      await page.locator('[data-testid="related-list"]').first().waitFor();
      assert.equal(await page.locator('[data-testid="related-list"] table').count(), 0, 'related lists are cards on a phone');
    },
  ],
  [
    'phone: an opportunity’s show, edit and create pages fit, with the compact stepper',
    async (state) => {
      const ps = await screens(state);
      const [record] = await listOf(state, 'opportunities', { stage: 'initiation', pipeline: 'standard' });
      assert.ok(record, 'the demo has an opportunity in project initiation');
      ps.opportunityId = record.id;
      await visit(
        ps,
        state.base,
        `/opportunities/${record.id}/show`,
        { phone: '[data-testid="compact-stages"]', desktop: '[data-testid="stage-stepper"]' },
        'opportunity-show',
      );
      const { page } = ps.phone;
      await byTestId(page, 'stage-moves-menu').click();
      await page.locator('[role="menu"] [data-testid^="move-"]').first().waitFor();
      await fitsTheScreen(page, 'the moves menu');
      // Shot once the menu has faded in.
      await page.waitForFunction(() => {
        const paper = document.querySelector('[role="menu"] [data-testid^="move-"]')?.closest('.MuiPaper-root');
        return !!paper && getComputedStyle(paper).opacity === '1';
      });
      await ps.phoneShot('opportunity-moves-menu');
      await page.keyboard.press('Escape');

      await visit(ps, state.base, `/opportunities/${record.id}`, 'form', 'opportunity-edit');
      // The form's tabs scroll instead of widening the page; every input fits.
      const inputs = await page
        .locator('form .MuiFormControl-root')
        .evaluateAll((nodes) => nodes.filter((node) => node.getBoundingClientRect().right > window.innerWidth + 1).length);
      assert.equal(inputs, 0, 'no input reaches past the screen');

      await visit(ps, state.base, '/opportunities/create', 'form input[name="name"]', 'opportunity-create');
    },
  ],
  [
    'phone: the board shows one stage; a tab, a swipe and a card’s menu work',
    async (state) => {
      const ps = await screens(state);
      const { page } = ps.phone;
      await visit(
        ps,
        state.base,
        '/board/opportunities',
        { phone: '[data-testid="board-stage-tabs"]', desktop: '[data-testid="board-column"]' },
        'board',
      );
      assert.equal(await page.locator('[data-testid="board-column"]').count(), 1, 'one column at a time');

      await page.locator('[data-testid="board-stage-tabs"] [data-stage="initiation"]').click();
      await page
        .locator(`${column('initiation')} [data-testid="board-card"]`)
        .first()
        .waitFor();
      assert.equal(await page.locator('[data-testid="board-column"]').count(), 1);

      await swipe(ps, column('initiation'), -200);
      await page.locator(column('proposal')).waitFor();
      await swipe(ps, column('proposal'), 200);
      await page.locator(column('initiation')).waitFor();

      // Move a card of the column through its menu to a stage that needs neither approval nor more fields.
      const cards = await page
        .locator(`${column('initiation')} [data-testid="board-card"]`)
        .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-id'))));
      let chosen: { id: number; to: string } | undefined;
      for (const id of cards) {
        const move = (await movesOf(state, id)).find((m) => m.allowed && m.approvalRoles.length === 0 && m.to === 'development');
        if (move) {
          chosen = { id, to: move.to };
          break;
        }
      }
      assert.ok(chosen, 'a card of the column may move back to customer development');
      const card = page.locator(`[data-testid="board-card"][data-id="${chosen.id}"]`);
      await card.locator('[data-testid="card-move-menu"]').click();
      await page.locator(`[role="menu"] [data-stage="${chosen.to}"]`).click();
      const moved = await poll(
        async () => (await state.api<Row>(`/opportunities/${chosen.id}`)).json,
        (row) => row.stage === chosen.to,
      );
      assert.equal(moved.stage, chosen.to, 'the server has the card in its new stage');
      await card.waitFor({ state: 'detached' });
      await page.locator(`[data-testid="board-stage-tabs"] [data-stage="${chosen.to}"]`).click();
      await page.locator(`${column(chosen.to)} [data-testid="board-card"][data-id="${chosen.id}"]`).waitFor();
      await fitsTheScreen(page, 'the board after the move');
      noErrors(ps.phone, 'board');
      await ps.shot('board-after-move');

      // A tap on the card opens the record.
      await page.locator(`[data-testid="board-card"][data-id="${chosen.id}"] .MuiTypography-body2`).last().click();
      await page.waitForURL(new RegExp(`#/opportunities/${chosen.id}/show`));
    },
  ],
  [
    'phone: the dashboard stacks its cards',
    async (state) => {
      const ps = await screens(state);
      await visit(ps, state.base, '/', '[data-testid="sales-dashboard"]', 'dashboard');
      const { page } = ps.phone;
      const columns = await page
        .locator('[data-testid="sales-dashboard"]')
        .evaluate((grid) => getComputedStyle(grid).gridTemplateColumns.split(' ').length);
      assert.equal(columns, 1, 'one card per row');
    },
  ],
  [
    'phone: the approvals inbox lists what waits, and approves',
    async (state) => {
      const ps = await screens(state);
      // A move that asks for an approval, requested through the API, waits in the inbox.
      const candidates = await listOf(state, 'opportunities', { stage: 'initiation', pipeline: 'standard' }, 30);
      let requested: { record: Row; to: string } | undefined;
      for (const record of candidates) {
        const move = (await movesOf(state, record.id)).find((m) => m.allowed && m.approvalRoles.length > 0);
        if (move) {
          requested = { record, to: move.to };
          break;
        }
      }
      assert.ok(requested, 'an opportunity in project initiation may ask for an approval');
      const put = await state.api<Row>(`/opportunities/${requested.record.id}`, {
        method: 'PUT',
        body: { ...requested.record, stage: requested.to },
      });
      // 202: the move is accepted as a request, waiting for its approvals.
      assert.ok([200, 202].includes(put.status), JSON.stringify(put.json));
      const filter = { resource: 'opportunities', record_id: requested.record.id, status: 'pending' };
      const [approval] = await poll(
        () => listOf(state, 'approvals', filter),
        (rows) => rows.length > 0,
      );
      assert.ok(approval, 'the move waits for an approval');

      const row = `[data-testid="pending-approval"][data-id="${approval.id}"]`;
      await visit(ps, state.base, '/approvals-inbox', row, 'approvals-inbox');
      const { page } = ps.phone;
      await page.locator(row).getByRole('button').first().click();
      const dialog = byTestId(page, 'text-prompt-dialog');
      await dialog.locator('[data-testid="text-prompt-input"]').fill('批准');
      await fitsTheScreen(page, 'the approval dialog');
      await dialog.getByRole('button').last().click();
      await page.locator(row).waitFor({ state: 'detached' });
      const decided = (await state.api<Row>(`/approvals/${approval.id}`)).json;
      assert.equal(decided.status, 'approved');
      noErrors(ps.phone, 'approvals inbox');
      await ps.shot('approvals-inbox-approved');
    },
  ],
  [
    'phone: the opportunity page in English fits, on the phone and at 1440',
    async (state) => {
      const ps = await screens(state);
      for (const screen of [ps.phone, ps.desktop]) {
        await screen.page.goto(hashUrl(state.base, `/opportunities/${ps.opportunityId}/show`));
        const switcher = screen.page.locator('header button:has-text("中文"), header button:has-text("English")').first();
        await switcher.waitFor();
        if ((await switcher.textContent())?.includes('中文')) {
          await switcher.click();
          await screen.page.getByRole('menuitem', { name: 'English' }).click();
        }
        await screen.page.locator('header button:has-text("English")').waitFor();
      }
      await visit(ps, state.base, `/opportunities/${ps.opportunityId}/show`, '[data-testid="stage-stepper"]', 'opportunity-show-en');
      await ps.phone.page.getByText('Stage history').first().waitFor();
      // Back to Chinese for whatever runs next on these screens.
      for (const screen of [ps.phone, ps.desktop]) {
        await screen.page.locator('header button:has-text("English")').click();
        await screen.page.getByRole('menuitem', { name: '中文' }).click();
        await screen.page.locator('header button:has-text("中文")').waitFor();
        noErrors(screen, 'the language switch');
      }
    },
  ],
];
