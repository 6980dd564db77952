import { defineConfig } from 'vitest/config';

// One runner for the whole monorepo: `npm test` runs every package's tests and the browser tests.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/test/**/*.test.tsx', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
