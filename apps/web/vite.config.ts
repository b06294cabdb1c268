import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // The manifest lets scripts/bundle-budget.mjs walk each route's chunks (npm test checks the sizes).
  build: { target: 'es2022', sourcemap: false, manifest: true },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:8080' },
  },
});
