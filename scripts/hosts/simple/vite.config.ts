import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app is served under /admin. `vite build --mode without-sales` builds the same app as it was
// before the sales screens came (without-sales.html), to measure what they add.
export default defineConfig(({ mode }) => ({
  base: '/admin/',
  plugins: [react()],
  build:
    mode === 'without-sales'
      ? { outDir: 'dist-without-sales', rollupOptions: { input: 'without-sales.html' } }
      : { chunkSizeWarningLimit: 4000 },
}));
