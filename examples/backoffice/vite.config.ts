import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = resolve(import.meta.dirname, '../..');
// SALES_DOMAIN builds the app over another generated folder (a company's overlay), e.g.
// examples/company-oa/generated; ADMIN_DIR is where that build goes. Both as the server reads them.
const domain = process.env.SALES_DOMAIN;

/** In development the sales API runs beside Vite (`pnpm start` serves dist/ and /api from one origin). */
export default defineConfig({
  plugins: [react()],
  resolve: domain ? { alias: { '@ra-sales/domain': resolve(repo, domain, 'index.ts') } } : {},
  server: { proxy: { '/api': process.env.SALES_API ?? 'http://localhost:3000' } },
  build: { outDir: process.env.ADMIN_DIR ? resolve(repo, process.env.ADMIN_DIR) : 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
