/* global module */
// Import layering of src/ and solvers/, checked by `npm run lint` (dependency-cruiser). Each layer is one folder.
// A module may import modules of its own folder and of the folders listed before it, never one listed after it
// (type-only imports count), and no import closes a cycle, type-only ones included.

/** Bottom to top: src/<name>/, but for solvers/ beside src/. */
const LAYERS = [
  ['base', 'SI constants and conversions, errors, lazy schemas, the seeded RNG, YAML/CSV input, package paths'],
  ['statistics', 'distributions, uncertain values, sampling, Sobol, root finding'],
  ['models', 'one physical or cost model per file, by subsystem: pure functions of one readonly record'],
  ['optimize', 'the Problem, Algorithm and LpSolver interfaces, Pareto kernels, indicators, benchmark problems'],
  ['solvers', 'NSGA-II/III, SMS-EGO, ParEGO, GP, operators, LP sub-solvers: see only base and optimize'],
  ['catalog', 'catalog row schemas and files (chips, arrays, launchers, ...), baselines, user rows'],
  ['node', 'the node pipeline: design file, evaluation stages, design record and metrics'],
  ['constellation', 'the constellation pipeline: design, stages (orbits, links, network, launch, ...), record'],
  ['study', 'a node or constellation study compiled into a Problem: expressions, robust objectives'],
  ['run', 'the run driver, run folders, logs, checkpoints, results, decision summary, evaluators'],
  ['chart', 'charts as SVG for the reports and the explorer: axes, ticks, formats, palettes, marks, labels (no I/O)'],
  ['report', 'what people read: budgets, plots, reports, comparisons, exports, JSON Schemas'],
  ['analysis', 'odc uncertainty and odc sensitivity'],
  ['serve', 'odc serve: the explorer server over run folders and its browser app'],
  ['entries', 'composition roots: the CLI, the worker entries and runStudy, which wire solvers/ in'],
].map(([name, comment]) => ({ name, comment, path: name === 'solvers' ? '^solvers/' : `^src/${name}/` }));
/** The library API: a composition root beside src/entries/. */
const ROOTS = '^src/(index\\.ts$|entries/)';

const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} (${layer.comment}) imports only itself${LAYERS.slice(0, i)
    .map((l) => `, ${l.name}`)
    .join('')}`,
  severity: 'error',
  from: { path: layer.path },
  to: { path: LAYERS.slice(i + 1).map((l) => l.path) },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      comment: 'No import cycle, type-only imports included: a module never depends, through others, on itself.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'solvers-through-the-registry',
      comment:
        'src/ reaches solvers/ only through the algorithm registry (solvers/index.ts), so no other layer depends on ' +
        "an algorithm's internals; the composition roots also wire in the LP sub-solvers.",
      severity: 'error',
      from: { path: '^src/', pathNot: ROOTS },
      to: { path: '^solvers/', pathNot: '^solvers/index\\.ts$' },
    },
    {
      name: 'report-only-reads',
      comment:
        'src/report renders run-folder files (answer.json, run.json, pareto.json, ...): it imports no module that ' +
        'evaluates a node or a constellation or loads a study. The run decides the answer (src/run/answer/answer.ts); ' +
        'what a report draws of a re-evaluated design is passed in by a composition root (src/entries).',
      severity: 'error',
      from: { path: '^src/report/' },
      to: {
        path: [
          '^src/node/(evaluate|evaluator)\\.ts$',
          '^src/node/stages/',
          '^src/constellation/(evaluate|evaluator)\\.ts$',
          '^src/constellation/economics/',
          '^src/study/',
          '^src/catalog/load\\.ts$',
          '^src/run/problem\\.ts$',
          '^src/run/answer/(?!schema\\.ts$|read\\.ts$|budgetRows\\.ts$)',
        ],
        pathNot: '^src/study/studySchema\\.ts$',
      },
    },
    {
      name: 'no-import-of-package-entry',
      comment: 'Nothing inside the package imports its entry src/index.ts (only the CLI, which is its user).',
      severity: 'error',
      from: { path: '^(src|solvers)/', pathNot: '^src/entries/cli/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'every-file-in-a-layer',
      comment: 'A file outside every layer: put it in the folder of its layer (LAYERS in .dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^(src|solvers)/', pathNot: [...LAYERS.map((l) => l.path), ROOTS] },
      to: {},
    },
  ],
  options: {
    includeOnly: '^(src|solvers)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
// The layer list for .ci/budgets.mjs (code lines per layer), not enumerable: dependency-cruiser refuses unknown keys.
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS });
