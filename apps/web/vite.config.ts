// Vite 8 (Rolldown) build for the Grid Console web app.
// Dev: `vite` on :5173 proxies the API to the server on :3000. Build: apps/web/dist, served by the server.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = 'http://127.0.0.1:3000';

/** Vendor chunks: large libraries change rarely, so they get their own long-lived files. */
const vendorGroups = [
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'vendor-mantine', test: /node_modules[\\/]@mantine[\\/]/ },
  { name: 'vendor-data', test: /node_modules[\\/](@tanstack|@trpc)[\\/]/ },
  { name: 'vendor-charts', test: /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor)[\\/]/ },
  { name: 'vendor', test: /node_modules[\\/]/ },
];

export default defineConfig({
  plugins: [react()],
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  server: {
    proxy: {
      '/trpc-ws': { target: apiTarget, ws: true },
      '/trpc': { target: apiTarget },
      '/healthz': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
    },
  },
});
