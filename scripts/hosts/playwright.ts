import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './paths.js';
// playwright-core is a dev dependency of packages/ui only: its types come from there by path, the
// same copy as the require below loads.
import type * as Playwright from '../../packages/ui/node_modules/playwright-core/index.js';

export type { Browser, ConsoleMessage, Page } from '../../packages/ui/node_modules/playwright-core/index.js';

export function loadChromium(): typeof Playwright.chromium {
  return (createRequire(join(REPO, 'packages/ui/package.json'))('playwright-core') as typeof Playwright).chromium;
}
