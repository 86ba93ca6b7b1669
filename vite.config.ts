import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built app works from any sub-path and offline (no CDN, fonts bundled).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
