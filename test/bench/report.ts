/**
 * Report benchmark (a script, not a vitest test): `npx tsc -p . && node dist/test/bench/report.js`.
 * Builds a synthetic DTLZ2 run folder (3 objectives, 12 variables) with a 10,000-design Pareto archive
 * and 50,000 logged evaluations over 200 generations, then times renderReport (target < 2 s) and a
 * knee export. Figures only; no assertions on wall time.
 */
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportDesign, renderReport } from '../../src/index.js';
import type { ParetoDesign, ParetoFile } from '../../src/run/paretoFile.js';
import { packageVersions, ODC_VERSION, PROJECT_ROOT } from '../../src/run/versions.js';
import type { RunMeta } from '../../src/run/schemas.js';

const DESIGNS = 10_000;
const GENERATIONS = 200;
const PER_GENERATION = 250;
const N_VAR = 12;
const M = 3;

/** Deterministic xorshift32 in [0, 1): the bench needs no seeded-stream machinery. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** DTLZ2 objectives of x (first M-1 variables position, the rest distance). */
function dtlz2(x: readonly number[]): number[] {
  let g = 0;
  for (let i = M - 1; i < x.length; i++) g += (x[i]! - 0.5) ** 2;
  const f: number[] = [];
  for (let j = 0; j < M; j++) {
    let v = 1 + g;
    for (let k = 0; k < M - 1 - j; k++) v *= Math.cos((x[k]! * Math.PI) / 2);
    if (j > 0) v *= Math.sin((x[M - 1 - j]! * Math.PI) / 2);
    f.push(v);
  }
  return f;
}

function buildRun(dir: string): void {
  const r = rng(12345);
  const names = Array.from({ length: N_VAR }, (_, i) => `x${i + 1}`);
  const objNames = Array.from({ length: M }, (_, j) => `f${j + 1}`);
  const designs: ParetoDesign[] = [];
  for (let i = 0; i < DESIGNS; i++) {
    const x = names.map((_, k) => (k < M - 1 ? r() : 0.5));
    const f = dtlz2(x);
    designs.push({
      index: 40_000 + i,
      variables: Object.fromEntries(names.map((n, k) => [n, x[k]!])),
      objectives: Object.fromEntries(objNames.map((n, j) => [n, f[j]!])),
      constraints: {},
      record: null,
    });
  }
  const pareto: ParetoFile = {
    formatVersion: 1,
    study: 'dtlz2-synthetic',
    kind: 'benchmark',
    objectives: objNames.map((name) => ({ name, sense: 'minimize' as const, unit: '-' })),
    variables: names.map((name) => ({ kind: 'real' as const, name, lower: 0, upper: 1 })),
    designs,
  };
  const lines = [['eval', 'generation', 'status', ...names, ...objNames, 'violation', 'reason'].join(',')];
  let e = 0;
  for (let g = 0; g < GENERATIONS; g++) {
    for (let k = 0; k < PER_GENERATION; k++, e++) {
      const spread = 1 - g / GENERATIONS;
      const x = names.map((_, i) => (i < M - 1 ? r() : 0.5 + (r() - 0.5) * spread));
      lines.push([e, g, 'feasible', ...x, ...dtlz2(x), 0, ''].join(','));
    }
  }
  const history = Array.from({ length: GENERATIONS }, (_, g) => ({
    generation: g,
    evaluations: (g + 1) * PER_GENERATION,
    feasibleShare: 1,
    failures: 0,
    frontSize: Math.min(DESIGNS, 50 * (g + 1)),
    hypervolume: 0.74 * (1 - Math.exp(-g / 30)),
  }));
  const meta: RunMeta = {
    formatVersion: 1,
    odcVersion: ODC_VERSION,
    status: 'complete',
    study: { name: 'dtlz2-synthetic', kind: 'benchmark', file: 'designs/benchmarks/dtlz2.yaml', hash: '0'.repeat(64) },
    algorithm: {
      name: 'nsga3',
      population: PER_GENERATION,
      generations: GENERATIONS,
      seed: 1,
      partitions: 12,
      checkpointEvery: 10,
    },
    workers: 0,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    packageVersions: packageVersions(),
    result: {
      generations: GENERATIONS,
      evaluations: e,
      failures: 0,
      feasible: e,
      paretoSize: DESIGNS,
      stopReason: `reached ${GENERATIONS} generations`,
      failureReasons: [],
      leastInfeasible: [],
    },
    timings: { wall_s: 60, evaluate_s: 50 },
    normalization: { ideal: [0, 0, 0], nadir: [1, 1, 1], reference: [1.1, 1.1, 1.1] },
    history,
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'study.yaml'),
    readFileSync(join(PROJECT_ROOT, 'designs', 'benchmarks', 'dtlz2.yaml'), 'utf8').replace(
      /^name:.*$/m,
      'name: dtlz2-synthetic',
    ),
  );
  writeFileSync(join(dir, 'pareto.json'), `${JSON.stringify(pareto, null, 1)}\n`);
  writeFileSync(join(dir, 'evaluations.csv'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'run.json'), `${JSON.stringify(meta, null, 2)}\n`);
}

const dir = join(mkdtempSync(join(tmpdir(), 'odc-bench-report-')), 'run');
let t = performance.now();
buildRun(dir);
console.log(
  `synthetic run: ${DESIGNS} Pareto designs, ${GENERATIONS * PER_GENERATION} evaluations in ${dir} (built in ${((performance.now() - t) / 1000).toFixed(2)} s)`,
);
const times: number[] = [];
let paths: Awaited<ReturnType<typeof renderReport>> | undefined;
for (let k = 0; k < 3; k++) {
  t = performance.now();
  paths = await renderReport(dir);
  times.push((performance.now() - t) / 1000);
}
const mb = (p: string): string => `${(statSync(p).size / 1e6).toFixed(2)} MB`;
console.log(`renderReport: ${times.map((s) => `${s.toFixed(2)} s`).join(', ')} (first is cold; target < 2 s)`);
console.log(
  `  report.html ${mb(paths!.htmlPath)}, report.md ${mb(paths!.mdPath)}, ${paths!.svgPaths.map((p) => `${p.slice(p.lastIndexOf('/') + 1)} ${mb(p)}`).join(', ')}`,
);
t = performance.now();
const ex = exportDesign(dir, { design: 'knee', format: 'json' });
console.log(`exportDesign knee (json): design ${ex.design.index} in ${((performance.now() - t) / 1000).toFixed(2)} s`);
