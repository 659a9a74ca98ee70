import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The dashboard lives in web/ and builds to web/dist, which the Hono server serves (server/serve.ts).
// `npm run dev` proxies /api to a server started with `npm start` on its default port.
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The manifest lets the size check (test/browser) add up exactly what the first page load fetches.
    manifest: true,
    target: 'es2022',
    // The ECharts chunk (~580 kB, ~200 kB gzipped) loads only with the first chart page, never up front.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
