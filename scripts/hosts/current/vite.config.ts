import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build --mode without-sales` builds the app as it was before the sales screens came
// (without-sales.html), to measure what they add.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  build:
    mode === 'without-sales'
      ? { outDir: 'dist-without-sales', rolldownOptions: { input: 'without-sales.html' } }
      : { chunkSizeWarningLimit: 4000 },
}));
