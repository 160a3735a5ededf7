// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information, so
// `npm run lint` stays fast on two cores) plus the project's own rules. Prettier formats
// (`npm run format`; `npm run lint` checks it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'results/**',
      'test-artifacts/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Files a reader can hold: split along their parts past this (generated tables are exempt below).
      'max-lines': ['error', { max: 600 }],
      'max-len': [
        'error',
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
  {
    // The optimizer and the models must draw randomness from the seeded RNG (src/core/rng.ts) only.
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded Rng (src/core/rng.ts): runs must be reproducible for a seed.',
        },
      ],
    },
  },
  {
    // Layering (all of it in .dependency-cruiser.cjs, run by `npm run lint`); repeated here so an editor flags it:
    // solvers/ imports from src/ only the shared kernels in src/core/, src/pareto/, src/indicators/ and the interfaces
    // src/problem/{types,algorithm,lp}.ts.
    files: ['solvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(\\.\\./)+src/(?!(core|pareto)/[^/]+\\.js$|indicators/(?!hypervolumeParallel\\.)[^/]+\\.js$|problem/(types|algorithm|lp)\\.js$)',
              message:
                'solvers/ may import from src/ only src/core/*, src/pareto/*, src/indicators/* (not ' +
                'hypervolumeParallel, which starts threads) and src/problem/{types,algorithm,lp}.',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions a reader can hold: split a longer one along its steps, each named after what it does.
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    ignores: ['src/**/*.data.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Generated data tables (npm run gen:decay-table) are data, not code to read.
    files: ['src/**/*.data.ts'],
    rules: { 'max-lines': 'off' },
  },
);
