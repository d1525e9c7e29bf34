import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** In development the sales API runs beside Vite (`pnpm start` serves dist/ and /api from one origin). */
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': process.env.SALES_API ?? 'http://localhost:3000' } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 4000 },
});
