import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repo = resolve(import.meta.dirname, '../..');

/**
 * `<link rel="modulepreload">` in the built index.html for the chunks named (and those they
 * import, but the entry and what the page already names), so that the browser fetches them
 * alongside the entry script instead of once it has run.
 */
function preloadChunks(names: string[]): Plugin {
  return {
    name: 'preload-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const files = new Set<string>();
        const add = (fileName: string) => {
          const chunk = bundle?.[fileName];
          if (chunk?.type !== 'chunk' || chunk.isEntry || files.has(fileName) || html.includes(fileName)) return;
          files.add(fileName);
          chunk.imports.forEach(add);
        };
        for (const chunk of Object.values(bundle ?? {})) if (chunk.type === 'chunk' && names.includes(chunk.name)) add(chunk.fileName);
        return [...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' }));
      },
    },
  };
}

/**
 * `SALES_DOMAIN` (as for the server, e.g. `examples/company-oa/generated`) builds the screens
 * from that generated domain instead of `packages/domain`, so the UI matches the API it talks to.
 * In development the sales API runs beside Vite; `pnpm start` serves dist/ and /api from one origin.
 */
export default defineConfig({
  // The list, show, edit and create screens: most first visits open one of them.
  plugins: [react(), preloadChunks(['lazyScreens'])],
  resolve: process.env.SALES_DOMAIN
    ? { alias: [{ find: /^@ra-sales\/domain\/client$/, replacement: resolve(repo, process.env.SALES_DOMAIN, 'client.js') }] }
    : {},
  server: { proxy: { '/api': process.env.SALES_API ?? 'http://localhost:3000' } },
  // `ADMIN_DIR` (relative to the repository, as the server reads it) builds where the server serves from.
  build: { outDir: process.env.ADMIN_DIR ? resolve(repo, process.env.ADMIN_DIR) : 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
