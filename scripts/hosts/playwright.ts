// playwright-core is a dev dependency of packages/ui only: its types come from there by path, the
// same copy packages/ui/e2e/harness.ts launches Chromium with.
export type { Browser, ConsoleMessage, Page } from '../../packages/ui/node_modules/playwright-core/index.js';
