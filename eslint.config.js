// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information, so
// `npm run lint` stays fast on two cores) plus the project's own rules. Prettier formats
// (`npm run format`; `npm run lint` checks it).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Header lines a source file may open with: the method, its source, validity and assumptions (DEVELOPERS.md). */
export const MAX_HEADER_LINES = 20;

// Every file of src/ and solvers/ opens with a header comment of at most MAX_HEADER_LINES lines; the derivations,
// evidence and costs behind it live in docs/ (docs/developing.md, "Architecture in one picture", last paragraph).
export const fileHeader = {
  meta: { type: 'suggestion', schema: [] },
  create(context) {
    return {
      Program(program) {
        const comments = context.sourceCode.getAllComments();
        const shebang = comments[0]?.type === 'Shebang' ? 1 : 0;
        const first = comments[shebang];
        if (first === undefined || first.loc.start.line !== 1 + shebang) {
          context.report({
            node: program,
            loc: { line: 1, column: 0 },
            message: 'Open the file with a header comment.',
          });
          return;
        }
        const lines = first.loc.end.line - first.loc.start.line + 1;
        if (lines > MAX_HEADER_LINES) {
          context.report({
            loc: first.loc,
            message: `Header of ${lines} lines: keep it to ${MAX_HEADER_LINES} (method, source, validity, assumptions); move derivations and evidence to docs/.`,
          });
        }
      },
    };
  },
};

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
    // Output goes through the CLI's writers (src/entries/cli), never a stray console call: stdout may be --json.
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The optimizer and the models must draw randomness from the seeded RNG (src/base/rng.ts) only.
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded Rng (src/base/rng.ts): runs must be reproducible for a seed.',
        },
      ],
    },
  },
  {
    // A list spread into a call's arguments goes on the stack: past ~120,000 elements (a front, a log, a satellite
    // list) the call throws "Maximum call stack size exceeded". minOf, maxOf, hypotOf and pushAll (src/base/arrays.ts)
    // loop instead.
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max|hypot)$/] > SpreadElement",
          message: 'Use minOf/maxOf/hypotOf (src/base/arrays.ts): a spread list of unbounded size overflows the stack.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
          message: 'Use pushAll (src/base/arrays.ts) or a loop: a spread list of unbounded size overflows the stack.',
        },
        {
          selector:
            "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(har)?Code(Point)?$/] > SpreadElement",
          message: 'Build the string in pieces: a spread list of unbounded size overflows the stack.',
        },
      ],
    },
  },
  {
    // Layering (all of it in .dependency-cruiser.cjs, run by `npm run lint`); repeated here so an editor flags it:
    // solvers/ imports from src/ only the two layers below it, src/base/ and src/optimize/.
    files: ['solvers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!(base|optimize)/)',
              message: 'solvers/ may import from src/ only src/base/ and src/optimize/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'solvers/**/*.ts'],
    plugins: { odc: { rules: { 'file-header': fileHeader } } },
    rules: { 'odc/file-header': 'error' },
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
