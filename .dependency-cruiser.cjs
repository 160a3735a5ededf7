/* global module */
// Import layering of src/ and solvers/, checked by `npm run lint` (dependency-cruiser).
// A module may import modules of its own layer and of the layers listed before it, never one listed after it
// (type-only imports count), and no import closes a cycle (type-only ones neither, but for TYPE_CYCLES below).
// The composition roots at the top wire everything together. A folder that holds two layers names its lower files.

/** Bottom to top. */
const LAYERS = [
  { name: 'units', path: '^src/units/', comment: 'SI constants and unit conversions at the user boundary' },
  { name: 'core', path: '^src/core/', comment: 'errors, names, lazy schemas, the seeded RNG, the satellite.js handle' },
  {
    name: 'io',
    path: '^src/io/',
    comment: 'YAML input files with located errors, CSV cells, numbers as text: for every layer',
  },
  {
    name: 'data',
    path: '^src/data/',
    comment: 'tabulated physical data (the radiation dose table) with its provenance',
  },
  {
    name: 'models',
    path: '^src/models/',
    comment: 'one physical model per file: pure functions of one readonly record',
  },
  {
    name: 'pareto',
    path: '^src/pareto/',
    comment: 'optimizer kernels: dominance, non-dominated sorting, Pareto archive, simplex lattice',
  },
  {
    name: 'indicators',
    path: '^src/indicators/(?!hypervolumeParallel\\.ts$)',
    comment: 'hypervolume, IGD, IGD+: pure functions of an objective matrix (solvers use them too)',
  },
  {
    name: 'problem',
    path: '^src/problem/',
    comment: 'the Problem, ask/tell Algorithm and LpSolver interfaces, benchmark problems',
  },
  {
    name: 'solvers',
    path: '^solvers/',
    comment:
      'NSGA-II/III, surrogates, operators, archive, LP sub-solvers: see only core, pareto, indicators, interfaces',
  },
  {
    name: 'statistics',
    path: '^src/statistics/',
    comment: 'distributions, uncertain-value entries, sampling, statistics, Sobol, root finding',
  },
  {
    name: 'parallel',
    path: '^src/parallel/(?!(worker|redisWorker)\\.ts$)',
    comment: 'serial, worker-pool and Redis evaluators',
  },
  {
    name: 'indicators-parallel',
    path: '^src/indicators/hypervolumeParallel\\.ts$',
    comment: 'the exact hypervolume of a large front swept on worker threads',
  },
  {
    name: 'catalog',
    path: '^src/catalog/',
    comment: 'catalog row schemas and files (chips, arrays, launchers, ...), baselines, user rows',
  },
  { name: 'design', path: '^src/design/', comment: 'the node design and study file: its schema and loader' },
  {
    name: 'node',
    path: '^src/node/',
    comment: 'a node design evaluated: models composed into the design record, metrics, sizing',
  },
  {
    name: 'uncertain-inputs',
    path: '^src/uncertainty/(inputs|targets)\\.ts$',
    comment: 'the uncertain inputs of a design and where they apply: used by robust studies and the analyses',
  },
  { name: 'study', path: '^src/study/', comment: 'a study compiled into a Problem: expressions, robust objectives' },
  {
    name: 'constellation',
    path: '^src/constellation/',
    comment: 'constellation files, orbits, links, network, launch, economics, record',
  },
  {
    name: 'run',
    path: '^src/run/',
    comment: 'the run driver, run folders, logs, results and the decision summary of a front',
  },
  {
    name: 'report',
    path: '^src/report/',
    comment: 'what people read: budgets, reports, plots, comparisons, exports, JSON Schemas',
  },
  {
    name: 'uncertainty',
    path: '^src/uncertainty/(?!(inputs|targets|worker)\\.ts$)',
    comment: 'odc uncertainty and odc sensitivity',
  },
  {
    name: 'serve',
    path: '^src/serve/',
    comment: 'odc serve: the explorer server over run folders and its browser app',
  },
  {
    name: 'roots',
    path: '^src/(index\\.ts|runStudy\\.ts|cli/|parallel/(worker|redisWorker)\\.ts|uncertainty/worker\\.ts)',
    comment:
      'composition roots: the library API, the run (runStudy.ts), the CLI, the worker entries (SOLVER_ROOTS wire in solvers/)',
  },
];

/** The roots that wire solvers/ in: the library API, the run's root and the two worker entries. */
const SOLVER_ROOTS = '^src/(index|runStudy|parallel/worker|uncertainty/worker)\\.ts$';
/**
 * The modules of the one import cycle that runs through type-only imports and remains: the link graph's types
 * are declared in network.ts, which calls the traffic LPs and checks that take them. No other cycle is allowed.
 */
// Type-only cycles still to untangle: the link-graph types shared by the network files, and the node sizing types
// (nodeRecord.ts) that the token and parity stages both use and feed.
const TYPE_CYCLES =
  '^src/(constellation/network/(network|networkTraffic|networkCheck)|node/(nodeRecord|tokens|parity))\\.ts$';
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
      comment: 'No import cycle at run time: a module never depends, through others, on itself.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-circular-types',
      comment: 'No import cycle through type-only imports either, but for the modules of TYPE_CYCLES.',
      severity: 'error',
      from: { pathNot: TYPE_CYCLES },
      to: { circular: true },
    },
    {
      name: 'solvers-see-interfaces-only',
      comment:
        'Algorithms see only the Problem/Algorithm/LpSolver interfaces, the core kernels and the indicators of src/ ' +
        '(not the threaded hypervolume).',
      severity: 'error',
      from: { path: '^solvers/' },
      to: {
        path: '^src/',
        pathNot:
          '^src/((core|pareto)/[^/]+|indicators/(?!hypervolumeParallel\\.)[^/]+|problem/(types|algorithm|lp))\\.ts$',
      },
    },
    {
      name: 'solvers-from-roots-only',
      comment: 'src/ reaches solvers/ only through SOLVER_ROOTS, so every other layer stays algorithm-agnostic.',
      severity: 'error',
      from: { path: '^src/', pathNot: SOLVER_ROOTS },
      to: { path: '^solvers/' },
    },
    {
      name: 'no-import-of-package-entry',
      comment: 'Nothing inside the package imports its entry src/index.ts (only the CLI, which is its user).',
      severity: 'error',
      from: { path: '^(src|solvers)/', pathNot: '^src/cli/' },
      to: { path: '^src/index\\.ts$' },
    },
    {
      name: 'every-file-in-a-layer',
      comment: 'A file outside every layer: add its folder to LAYERS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^(src|solvers)/', pathNot: LAYERS.map((l) => l.path) },
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
