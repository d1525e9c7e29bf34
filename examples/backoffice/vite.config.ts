import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '../..');

/**
 * `SALES_DOMAIN` (as for the server, e.g. `examples/company-oa/generated`) builds the screens
 * from that generated domain instead of `packages/domain`, so the UI matches the API it talks to.
 * In development the sales API runs beside Vite; `pnpm start` serves dist/ and /api from one origin.
 */
export default defineConfig({
  plugins: [react()],
  resolve: process.env.SALES_DOMAIN
    ? { alias: [{ find: /^@ra-sales\/domain\/client$/, replacement: resolve(repo, process.env.SALES_DOMAIN, 'client.js') }] }
    : {},
  server: { proxy: { '/api': process.env.SALES_API ?? 'http://localhost:3000' } },
  // `ADMIN_DIR` (relative to the repository, as the server reads it) builds where the server serves from.
  build: { outDir: process.env.ADMIN_DIR ? resolve(repo, process.env.ADMIN_DIR) : 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
