import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built to static files that admin-api serves at `/` (hashed names under /assets are cached for a year).
// `npm run dev -w @app/admin-console` proxies the API to an admin-api on its contract port.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: { proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } } },
});
