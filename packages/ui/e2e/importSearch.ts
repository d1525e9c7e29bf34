/**
 * Import and search as a user meets them: a CSV of customers through the list's Import button
 * (a refused row shown with its row and column, then a clean file checked and imported), and the
 * app bar's search finding a record by part of its Chinese name and opening it. Shot at
 * 1440×900 and 390×844.
 */
import assert from 'node:assert/strict';
import type { State } from './run.js';
import { byTestId, hashUrl, poll } from './ui.js';

type Row = Record<string, unknown> & { id: number };

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function bothViewports(state: State, name: string): Promise<void> {
  await state.shot(`${name}-1440`);
  await state.page.setViewportSize(PHONE);
  await state.shot(`${name}-390`);
  await state.page.setViewportSize(DESKTOP);
}

const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((row) => row.join(',')).join('\r\n')}\r\n`, 'utf8');

async function chooseFile(state: State, name: string, content: Buffer): Promise<void> {
  const { page, base } = state;
  await page.goto(hashUrl(base, '/customers'));
  await byTestId(page, 'import-button').waitFor({ timeout: 15_000 });
  await byTestId(page, 'import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: content });
  await byTestId(page, 'import-dialog').waitFor({ timeout: 15_000 });
}

export const importSearchSteps: [string, (state: State) => Promise<void>][] = [
  [
    'import: a CSV of customers with a bad row is refused row by row; a clean one is checked, then imported',
    async (state) => {
      const { page, stamp } = state;
      const names = [`导入测试甲公司${stamp}`, `导入测试乙公司${stamp}`];
      await chooseFile(
        state,
        '客户.csv',
        csv([
          ['name', 'grade'],
          [names[0]!, 'A'],
          [names[1]!, 'Z'],
        ]),
      );
      const errors = byTestId(page, 'import-errors');
      await errors.waitFor({ timeout: 15_000 });
      assert.match((await errors.textContent()) ?? '', /3/, 'the refused row is named by its line in the file');
      await bothViewports(state, 'import-refused');
      await page.getByRole('button', { name: /取消|Cancel/ }).click();
      const before = await state.api<Row[]>(`/customers?filter=${encodeURIComponent(JSON.stringify({ q: `导入测试` }))}`);
      assert.equal(before.json.length, 0, 'a refused import creates nothing');

      await chooseFile(
        state,
        '客户.csv',
        csv([
          ['name', 'grade'],
          [names[0]!, 'A'],
          [names[1]!, 'B'],
        ]),
      );
      const confirm = byTestId(page, 'import-confirm');
      await confirm.waitFor({ timeout: 15_000 });
      await bothViewports(state, 'import-ready');
      await confirm.click();
      const created = await poll(
        async () => (await state.api<Row[]>(`/customers?filter=${encodeURIComponent(JSON.stringify({ q: `导入测试` }))}`)).json,
        (rows) => rows.length === 2,
      );
      assert.deepEqual(created.map((row) => row.name).sort(), [...names].sort());
      await bothViewports(state, 'import-done');
    },
  ],
  [
    'search: the app bar finds a customer by part of its Chinese name and opens it',
    async (state) => {
      const { page, base, stamp } = state;
      await page.goto(hashUrl(base, '/opportunities'));
      const field = page.locator('[role="search"] input');
      await field.waitFor({ timeout: 15_000 });
      await field.fill(`乙公司${stamp}`);
      const option = page.locator('[role="listbox"] [role="option"]').first();
      await option.waitFor({ timeout: 15_000 });
      assert.match((await option.textContent()) ?? '', new RegExp(`导入测试乙公司${stamp}`));
      // On a phone the search is an icon that opens a field of its own (the phone steps search there).
      await state.shot('search-results-1440');
      await option.click();
      await page.waitForURL(/#\/customers\/\d+\/show/, { timeout: 15_000 });
      await page.locator('[data-testid="record-hub"]').waitFor({ timeout: 15_000 });
      await bothViewports(state, 'search-opened');
    },
  ],
];
