/** Page helpers for react-admin screens, by `source` names and test ids (locale-independent). */
import type { Locator, Page } from 'playwright-core';

export const hashUrl = (base: string, path: string) => `${base}/#${path}`;

/** The input of `source`, on whichever form tab holds it (tabs are clicked until it shows). */
export async function fieldInput(page: Page, source: string): Promise<Locator> {
  const selector = [
    `input[name="${source}"]:not([aria-hidden="true"])`,
    `textarea[name="${source}"]:not([aria-hidden="true"])`,
    `.ra-input-${source} [role="combobox"]`,
  ].join(', ');
  const visible = page.locator(selector).filter({ visible: true }).first();
  await page.locator('form').first().waitFor();
  if (await visible.isVisible().catch(() => false)) return visible;
  for (const tab of await page.locator('form [role="tab"]').all()) {
    await tab.click();
    try {
      await visible.waitFor({ state: 'visible', timeout: 1000 });
      return visible;
    } catch {
      /* not on this tab */
    }
  }
  return visible;
}

export async function fill(page: Page, source: string, value: string | number | boolean): Promise<void> {
  const input = await fieldInput(page, source);
  const role = await input.getAttribute('role');
  const type = await input.getAttribute('type');
  if (role === 'combobox' && (await input.evaluate((el) => el.tagName)) !== 'INPUT') {
    await input.click();
    await page.locator(`[role="listbox"] [data-value="${String(value)}"]`).click();
    return;
  }
  if (type === 'checkbox') {
    if ((await input.isChecked()) !== value) await input.click();
    return;
  }
  await input.fill(String(value));
}

export async function save(page: Page): Promise<void> {
  await page.locator('form button[type="submit"]').first().click();
}

/** The record id in the current hash URL (`#/<resource>/<id>[/show]`). */
export async function waitForRecordUrl(page: Page, resource: string): Promise<number> {
  await page.waitForURL(new RegExp(`#/${resource}/\\d+`), { timeout: 20_000 });
  return Number(new RegExp(`#/${resource}/(\\d+)`).exec(page.url())![1]);
}

export const byTestId = (page: Page | Locator, id: string) => page.locator(`[data-testid="${id}"]`);

export async function poll<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  let value = await probe();
  while (!ok(value) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await probe();
  }
  return value;
}

/** Approves the given pending approvals from the approvals inbox, as the page's current user. */
export async function approveInInbox(
  page: Page,
  base: string,
  ids: number[],
  comment: string,
  shot?: (name: string) => Promise<string>,
): Promise<void> {
  // A full load, so that the app asks /api/me again and filters the inbox by the user's roles.
  await page.goto('about:blank');
  await page.goto(hashUrl(base, '/approvals-inbox'));
  for (const id of ids) {
    const row = page.locator(`[data-testid="pending-approval"][data-id="${id}"]`);
    await row.waitFor({ timeout: 15_000 });
    if (shot) await shot('inbox');
    await row.getByRole('button').first().click();
    const dialog = byTestId(page, 'text-prompt-dialog');
    await dialog.locator('[data-testid="text-prompt-input"]').fill(comment);
    await dialog.getByRole('button').last().click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
  }
}
