import type { Page } from './playwright.js';
import { api, refusedOpportunity, type Row } from './salesApi.js';
import { StepFailure } from './steps.js';

/** What a check gets besides the page. */
export interface SmokeContext {
  base: string;
  /** The host's installed folder. */
  dir: string;
  /** The admin's home, a full URL. */
  home: string;
  /** The full URL of an admin route (`/posts`). */
  url: (path: string) => string;
  screenshot: (page: Page, name: string) => Promise<void>;
  /** A failed request to a URL matching `pattern` is expected: its console error is let through (undefined: none is). */
  expectFailure: (pattern: RegExp | undefined) => void;
}

export interface SmokeCheck {
  name: string;
  run: (page: Page, context: SmokeContext) => Promise<void>;
}

/** In order; each opens its own URL. The first opens the app: when it fails, the others are skipped. */
export const SMOKE_CHECKS: SmokeCheck[] = [
  {
    name: 'open the app',
    run: async (page, { home }) => {
      await page.goto(home);
      await page.locator('.RaLayout-appFrame').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: "the host's own list (posts): its rows, its French labels",
    run: async (page, { url }) => {
      await page.goto(url('/posts'));
      await page.getByText('Accusantium qui nihil voluptatum').waitFor({ timeout: 20_000 });
      // Column header, page title and menu entry in the host's own French words.
      await page.locator('thead').getByText('Titre', { exact: true }).waitFor({ timeout: 10_000 });
      await page.locator('thead').getByText('Publié le', { exact: true }).waitFor({ timeout: 10_000 });
      await page.getByText('Articles', { exact: true }).first().waitFor({ timeout: 10_000 });
      // react-admin's own strings in French too (ra-language-french), not the library's English or Chinese.
      await page
        .getByText(/^(Exporter|Créer)$/)
        .first()
        .waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'a sales list (customers) shows rows',
    run: async (page, { base, url }) => {
      const total = Number((await fetch(`${base}/api/sales/customers?range=${encodeURIComponent('[0,0]')}`)).headers.get('x-total-count'));
      if (!(total > 0)) throw new StepFailure(`the API has no customers (X-Total-Count ${total})`);
      await page.goto(url('/customers'));
      await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });
      const rows = await page.locator('tbody tr').count();
      if (rows < 2) throw new StepFailure(`the customers list shows ${rows} row(s) for ${total} customers`);
    },
  },
  {
    name: 'an early opportunity moved on without its gate fields is refused',
    run: async (page, { base, dir, url, screenshot, expectFailure }) => {
      const target = await refusedOpportunity(base, dir);
      console.log(`      opportunity ${target.id} in ${target.stage} → ${target.to}, gate misses ${target.fields.join(', ')}`);
      expectFailure(new RegExp(`/api/sales/opportunities/${target.id}(/|\\?|$)`));
      await page.goto(url(`/opportunities/${target.id}/show`));
      const button = page.locator(`[data-testid="move-${target.to}"]`);
      await button.waitFor({ timeout: 30_000 });
      await button.click();
      const dialog = page.locator('[data-testid="refusal-dialog"]');
      await dialog.waitFor({ timeout: 15_000 });
      const named = await dialog.locator('[data-field]').evaluateAll((items) => items.map((item) => item.getAttribute('data-field')));
      if (!named.length) throw new StepFailure(`the refusal dialog names no field: ${await dialog.innerText()}`);
      const unexpected = named.filter((field) => !target.fields.includes(String(field)));
      if (unexpected.length)
        throw new StepFailure(`the refusal names ${unexpected.join(', ')}; the gate misses ${target.fields.join(', ')}`);
      await screenshot(page, 'refusal');
      const wording = (await dialog.innerText()).replace(/\s+/g, ' ');
      // Closed without filling the inputs the dialog offers for the missing fields.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      const after = await api<Row>(base, `/opportunities/${target.id}`);
      if (after.stage !== target.stage) throw new StepFailure(`the refused opportunity moved to ${String(after.stage)}`);
      await page.waitForTimeout(300);
      expectFailure(undefined);
      // The app speaks French, which the library does not ship: its texts are English then, never Chinese.
      if (/[\u3400-\u9fff]/.test(wording)) {
        throw new StepFailure(`the refusal is shown, but partly in Chinese while the app is in French (Accept-Language: fr): "${wording}"`);
      }
    },
  },
  {
    name: 'the workflow board (opportunities) shows cards',
    run: async (page, { url }) => {
      await page.goto(url('/board/opportunities'));
      await page.locator('[data-testid="board-column"]').first().waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="board-card"]').first().waitFor({ timeout: 30_000 });
    },
  },
];
