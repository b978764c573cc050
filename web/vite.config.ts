import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Paths the Counterflow server answers itself; the dev server (`vite web`) forwards them to `counterflow start` on its default port. */
const API_PATHS = ['/match', '/search', '/entities', '/compare', '/lists', '/vet', '/trace', '/exposure', '/decisions', '/audit', '/jobs', '/health', '/ready', '/dashboard', '/cases', '/reports', '/export', '/openapi.json'];

// `vite build web` writes web/dist, which the server serves at `/`. Heavy libraries (cytoscape, elkjs,
// echarts) are only reached through dynamic imports, so each lands in its own chunk loaded by the pages
// that draw a graph or a chart.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2500, sourcemap: false },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((p) => [p, { target: 'http://127.0.0.1:8000' }])),
  },
});
