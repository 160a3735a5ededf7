import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Rebuilds dist/ when a source is newer (pool, SIGKILL tests run compiled JS) and owns the run's temp root.
    globalSetup: ['test/helpers/globalSetup.ts'],
    // Shared matchers (toBeWithinRelative) for every test file.
    setupFiles: ['test/helpers/matchers.ts'],
    // Two cores on the reference machine: keep the pool small so pool/worker tests are not starved.
    pool: 'forks',
    maxWorkers: 2,
    // Each fork loads the project's modules once and runs its files one after another in them, instead of a fresh
    // module graph per file: loading src/ took more CPU than most files' tests. Test files share no state through
    // those modules (caches are keyed by their inputs, test hooks are reset after each test).
    isolate: false,
    // Hang guards, not speed checks: long enough for the slowest test on a 2-core machine shared with other jobs
    // (no test asserts on wall time). The scale tests (`npm run test:scale`, ODC_TEST_SCALE=full) take longer.
    testTimeout: process.env['ODC_TEST_SCALE'] === 'full' ? 1_800_000 : 600_000,
    hookTimeout: 600_000,
    // Worker-pool tests run every worker they ask for, whatever the load (src/run/evaluators/pool.ts localStatus).
    env: { ODC_USEFUL_WORKERS: '64' },
  },
});
