import { defineConfig } from 'vitest/config';

/**
 * The unit tests Stryker runs against each mutant (`npm run mutation`, stryker.config.mjs). Only the test
 * folders of the mutated source folders, without the tests that run compiled JavaScript from dist/ (the CLI in a
 * child process, the worker pool): a mutant lives in the TypeScript source only, so those tests would either miss
 * it or "kill" it by comparing mutated serial output with unmutated pooled output. The report tests that open a
 * browser or run whole studies stay out too (REPORT_STUDY_TESTS): a study per mutant would take hours, and the
 * report's writers and sections have unit tests of their own. Tests that compare a pooled
 * run with a serial one skip themselves when ODC_MUTATION is set.
 *
 * ODC_MUTATION_TESTS (comma-separated globs) narrows the tests, e.g. `test/statistics/**` while mutating
 * src/statistics: the folder's own unit tests then have to kill its mutants, and the slow end-to-end tests stay out of
 * the run.
 */

/** Report tests that open a browser or run whole studies (runStudy, tinyRun) before they check anything. */
const REPORT_STUDY_TESTS = [
  'test/report/**/*.browser.test.ts',
  'test/report/browser.test.ts',
  'test/report/report.test.ts',
  'test/report/document/formats.test.ts',
  'test/run/export/export.test.ts',
  'test/report/decision/robust.test.ts',
  'test/run/answer/robustness.test.ts',
  'test/report/compare/compareStats.test.ts',
];
const narrowed = process.env['ODC_MUTATION_TESTS']?.split(',').filter((g) => g !== '');
export default defineConfig({
  test: {
    include:
      narrowed !== undefined && narrowed.length > 0
        ? narrowed
        : ['test/{models,constellation,analysis,statistics,report}/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'test/entries/cli/analysisCommands.test.ts', ...REPORT_STUDY_TESTS],
    globalSetup: ['test/helpers/mutationSetup.ts'],
    setupFiles: ['test/helpers/matchers.ts'],
    env: { ODC_MUTATION: '1' },
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
