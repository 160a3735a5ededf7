// Mutation testing with StrykerJS: `npm run mutation` mutates the model, constellation, analysis, statistics and report
// sources and runs the unit tests of vitest.mutation.config.ts against each mutant. Scope a run to one folder with
// `npm run mutation -- --mutate 'src/statistics/**/*.ts'`. Scores and how to read them: docs/mutation.md.
//
// One test process (concurrency 1) and per-test coverage: the reference machine has two shared cores, and
// perTest coverage runs only the tests that reach a mutant. Incremental mode reuses earlier results for mutants
// whose source and covering tests did not change; its file lives in reports/ (git-ignored) because it is keyed
// by file path and content, changes on every run and would conflict on every merge.

/**
 * Name of a scoped run (ODC_MUTATION_RUN, e.g. `analysis`): its incremental file and reports get their own names,
 * so folder-by-folder runs (see docs/mutation.md) neither overwrite nor forget each other's results.
 */
const run = process.env['ODC_MUTATION_RUN'] ?? 'all';

/** Source folders under mutation, as globs so a moved folder is one line to update. */
const MUTATED_FOLDERS = ['src/statistics', 'src/analysis', 'src/models', 'src/constellation', 'src/report'];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  concurrency: 1,
  mutate: [
    ...MUTATED_FOLDERS.map((folder) => `${folder}/**/*.ts`),
    // generated lookup tables and the worker-thread entry (reached only through dist/) are not unit-tested code
    '!src/**/*.data.ts',
    '!src/entries/workers/uncertainty.ts',
  ],
  ignorePatterns: ['dist', 'results', 'reports', 'coverage', 'test-artifacts'],
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${run}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  thresholds: { high: 90, low: 80, break: null },
  timeoutMS: 60_000,
  // the first run of every covering test, with coverage, on a loaded two-core machine
  dryRunTimeoutMinutes: 60,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
