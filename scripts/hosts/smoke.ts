import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './paths.js';
import { launchBrowser } from '../../packages/ui/e2e/harness.js';
import type { Browser, ConsoleMessage, Page } from './playwright.js';
import type { HostProfile } from './profiles.js';
import { SMOKE_CHECKS, type SmokeContext } from './smokeChecks.js';
import { skip, step, StepFailure } from './steps.js';

/**
 * The smoke checks in Chromium against the host's running server, each a step, each failing on
 * any console error or page error since the previous one, and on any page or link outside the
 * admin. Screenshots go to test-artifacts/hosts/<host>/.
 */
export async function smokeTest(profile: HostProfile, base: string, dir: string): Promise<void> {
  const { name: host, routing } = profile;
  const shotsDir = join(ARTIFACTS, host);
  rmSync(shotsDir, { recursive: true, force: true });
  mkdirSync(shotsDir, { recursive: true });

  let browser: Browser | undefined;
  /** Console errors and page errors; the expected refusal's 4xx is let through by `expectFailure`. */
  const problems: string[] = [];
  let expectedFailure: RegExp | undefined;
  const outside: string[] = [];
  const visited: string[] = [];
  let shot = 0;

  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    if (expectedFailure && /^Failed to load resource/.test(message.text()) && expectedFailure.test(where)) return;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  };
  /** Same-origin links of the page that lead outside the admin. */
  const linksOutside = async (page: Page) => {
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    return [...new Set(hrefs)].filter((href) => {
      const target = new URL(href);
      return target.origin === new URL(base).origin && !target.pathname.startsWith('/api/') && !routing.inside(target);
    });
  };
  const outsideReasons = () => outside.splice(0).map((at) => `visited ${at}, not ${routing.insideText}`);
  const screenshot = async (page: Page, name: string) => {
    shot += 1;
    await page.screenshot({ path: join(shotsDir, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true }).catch(() => undefined);
  };
  const context: SmokeContext = {
    base,
    dir,
    home: `${base}${routing.home}`,
    url: (path) => `${base}${routing.route(path)}`,
    screenshot,
    expectFailure: (pattern) => {
      expectedFailure = pattern;
    },
  };

  try {
    browser = await step(host, 'launch Chromium', launchBrowser);
    if (!browser) return;
    const browserContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'fr-FR' });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', onConsole);
    page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || frame.url() === 'about:blank') return;
      visited.push(frame.url());
      if (!routing.inside(new URL(frame.url()))) outside.push(frame.url());
    });

    let failed = false;
    for (const check of SMOKE_CHECKS) {
      if (failed) {
        skip(host, check.name, 'the app did not open');
        continue;
      }
      const ok = await step(host, check.name, async () => {
        try {
          await check.run(page, context);
        } catch (error) {
          if (error instanceof StepFailure) throw error;
          // A timeout waiting for the page: say what the page showed.
          const text = (
            await page
              .locator('body')
              .innerText()
              .catch(() => '')
          )
            .replace(/\s+/g, ' ')
            .slice(0, 600);
          const seen = [...problems.splice(0), ...outsideReasons()];
          throw new StepFailure(
            `${(error as Error).message.split('\n')[0]}\n  at ${page.url()}\n  page text: ${text}${seen.length ? `\n  ${seen.join('\n  ')}` : ''}`,
          );
        }
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
        await screenshot(page, check.name.replace(/\W+/g, '-').replace(/^-|-$/g, '').toLowerCase());
        const links = await linksOutside(page);
        // Everything since the previous step's check counts (errors between steps too).
        const reasons = [
          ...problems.splice(0),
          ...outsideReasons(),
          ...links.map((href) => `a link to ${href}, not ${routing.insideText}`),
        ];
        if (reasons.length) throw new StepFailure(`${reasons.join('\n')}\n  at ${page.url()}`);
        return true;
      });
      if (!ok) {
        failed = check === SMOKE_CHECKS[0];
        await screenshot(page, 'FAILED');
      }
    }
    if (!failed) {
      await page.waitForTimeout(500);
      await step(host, 'no console error after the last step', async () => {
        if (problems.length) throw new StepFailure(problems.splice(0).join('\n'));
      });
    }
    console.log(`[${host}]   pages visited: ${[...new Set(visited.map((v) => v.replace(base, '')))].join('  ')}`);
  } finally {
    await browser?.close().catch(() => undefined);
  }
}
