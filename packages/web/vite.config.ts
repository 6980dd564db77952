import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server serves dist/ in production; in development Vite proxies the API to a local `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // The rules engine is pure (no side effects at import), so modules the app does not use (the zod case-file
    // schemas, bulk audit helpers) are dropped from the browser bundle.
    rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !id.includes('/packages/rules/') } },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
