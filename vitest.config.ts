import { defineConfig } from 'vitest/config';

// Each package keeps its own vitest.config.ts; this runs them all as projects.
export default defineConfig({
  test: { projects: ['packages/*/vitest.config.ts'] },
});
