import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built app works from any sub-path and offline (no CDN, fonts bundled).
// The test build (`--mode e2e`) keeps function names, so the performance benchmark can name the
// components it counts renders of (test/e2e/perfCounts.ts).
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: { output: { keepNames: mode === 'e2e' } },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
}));
