/**
 * Files on a record through the screens: the demo's sales rep opens one of their contracts,
 * uploads a scanned PDF with a Chinese name, sees it listed and in the activity, downloads it
 * (the same bytes, the same name), is refused a file too large and a PDF named as a picture, and
 * deletes the scan. Each state is shot at 1440×900 and 390×844; the page logs no error meanwhile.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { actAs, apiClient, ARTIFACTS } from './harness.js';
import type { State } from './run.js';
import { byTestId, hashUrl, poll } from './ui.js';

type Row = Record<string, unknown> & { id: number };

interface AttachmentState {
  rep: Row;
  contractId: number;
  errors: string[];
  listen: (message: ConsoleMessage) => void;
}

const runs = new WeakMap<State, AttachmentState>();
const runOf = (state: State) => runs.get(state)!;

const SCAN_NAME = '销售合同扫描件（盖章）.pdf';
/** A small but real PDF: one empty page. */
const SCAN = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** At the desk and on a phone, the whole page from its top (a fixed app bar drawn mid-page otherwise). */
async function shootBoth(state: State, name: string): Promise<void> {
  const top = () => state.page.evaluate(() => window.scrollTo(0, 0));
  await top();
  await state.shot(`${name}-1440`);
  await state.page.setViewportSize({ width: 390, height: 844 });
  await top();
  await state.shot(`${name}-390`);
  await state.page.setViewportSize({ width: 1440, height: 900 });
}

const attachmentsOf = async (state: State) =>
  (await apiClient(state.base, runOf(state).rep.id)<{ attachments: Row[] }>(`/contracts/${runOf(state).contractId}/attachments`)).json
    .attachments;

async function openContract(state: State): Promise<void> {
  const { page, base } = state;
  await page.goto('about:blank');
  await page.goto(hashUrl(base, `/contracts/${runOf(state).contractId}/show`));
  await byTestId(page, 'attachments-panel').waitFor({ timeout: 20_000 });
}

export const attachmentSteps: [string, (state: State) => Promise<void>][] = [
  [
    'attachments: a sales rep uploads a contract scan with a Chinese name to their contract',
    async (state) => {
      const reps = (
        await state.api<Row[]>(
          `/salespeople?filter=${encodeURIComponent(JSON.stringify({ role: 'sales_rep', status: 'active' }))}&range=[0,49]`,
        )
      ).json;
      let found: { rep: Row; contract: Row } | undefined;
      for (const rep of reps) {
        const contracts = (
          await state.api<Row[]>(`/contracts?filter=${encodeURIComponent(JSON.stringify({ owner_id: rep.id }))}&range=[0,0]`)
        ).json;
        if (contracts[0]) {
          found = { rep, contract: contracts[0] };
          break;
        }
      }
      assert.ok(found, 'the demo has a sales rep owning a contract');
      const errors: string[] = [];
      const listen = (message: ConsoleMessage) => {
        if (message.type() === 'error') errors.push(message.text());
      };
      runs.set(state, { rep: found.rep, contractId: found.contract.id, errors, listen });
      state.page.on('console', listen);
      await actAs(state.page, found.rep.id);
      await openContract(state);

      const { page } = state;
      await byTestId(page, 'attachments-input').setInputFiles({ name: SCAN_NAME, mimeType: 'application/pdf', buffer: SCAN });
      const row = page.locator('[data-testid="attachment"]', { hasText: SCAN_NAME });
      await row.waitFor({ timeout: 15_000 });
      const [stored] = await attachmentsOf(state);
      assert.equal(stored?.file_name, SCAN_NAME);
      assert.equal(stored?.size, SCAN.length);
      assert.deepEqual(stored?.uploaded_by, { id: found.rep.id, name: found.rep.name });
      await page.locator('[data-testid="timeline-entry"][data-kind="attached"]', { hasText: SCAN_NAME }).waitFor({ timeout: 15_000 });
      await shootBoth(state, 'attachment-uploaded');
    },
  ],
  [
    'attachments: the download holds the same bytes under the same name',
    async (state) => {
      const { page } = state;
      const button = page.locator('[data-testid="attachment"]', { hasText: SCAN_NAME }).getByRole('button').first();
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(download.suggestedFilename(), SCAN_NAME);
      const file = join(ARTIFACTS, 'e2e', 'attachment-download.pdf');
      await download.saveAs(file);
      assert.ok(readFileSync(file).equals(SCAN), 'the downloaded bytes are the uploaded ones');
    },
  ],
  [
    'attachments: a file too large and a PDF named as a picture are refused, and nothing is kept',
    async (state) => {
      const { page } = state;
      const before = (await attachmentsOf(state)).length;
      const refusal = byTestId(page, 'attachments-refusal');
      await byTestId(page, 'attachments-input').setInputFiles({
        name: '整本投标文件.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 32),
      });
      await refusal.filter({ hasText: '整本投标文件.pdf' }).waitFor({ timeout: 30_000 });
      await shootBoth(state, 'attachment-too-large');
      await byTestId(page, 'attachments-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: SCAN });
      // Judged by its bytes on the server: the refusal comes back in the UI's language.
      await refusal.filter({ hasText: '现场照片.png' }).waitFor({ timeout: 30_000 });
      await shootBoth(state, 'attachment-wrong-type');
      assert.equal((await attachmentsOf(state)).length, before);
    },
  ],
  [
    'attachments: the rep deletes the scan after confirming',
    async (state) => {
      const { page } = state;
      const row = page.locator('[data-testid="attachment"]', { hasText: SCAN_NAME });
      await row.getByRole('button').last().click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ timeout: 10_000 });
      await shootBoth(state, 'attachment-delete-confirm');
      await dialog.getByRole('button').last().click();
      await row.waitFor({ state: 'detached', timeout: 15_000 });
      await poll(
        () => attachmentsOf(state),
        (rows) => rows.length === 0,
      );
      await shootBoth(state, 'attachment-deleted');
      const { errors, listen } = runOf(state);
      page.off('console', listen);
      await actAs(page, null);
      // The refusals answered 4xx on purpose; Chromium logs each failed request as an error, nothing else may appear.
      const unexpected = errors.filter((text) => !/Failed to load resource: the server responded with a status of 415/.test(text));
      assert.deepEqual(unexpected, [], 'no console errors');
    },
  ],
];
