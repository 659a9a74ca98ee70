import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // DuckDB files and a browser per worker: keep the 2-core CI machine from thrashing.
    maxWorkers: 2,
  },
});
