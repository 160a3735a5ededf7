import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Rebuilds dist/ when a source is newer (pool, SIGKILL tests run compiled JS) and owns the run's temp root.
    globalSetup: ['test/helpers/globalSetup.ts'],
    // Two cores on the reference machine: keep the pool small so pool/worker tests are not starved.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
