/**
 * A finished benchmark run folder written directly (study.yaml, evaluations.csv, pareto.json, run.json), its
 * objectives evaluated by odc's own DTLZ2 (src/optimize/benchmarks/benchmarks.ts) at designs drawn here: the position
 * variables x1..x(M−1) uniform on [0, 1], the distance variables 0.5 ± spread/2, so that `spread` sets how much the
 * distance variables matter (0: not at all, every design on the front). For the explorer's tests and benchmark, where
 * a run's size and which variables matter must be known.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../src/base/rng.js';
import { nonDominatedIndices } from '../../src/optimize/pareto/dominance.js';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { packageVersions, ODC_VERSION } from '../../src/run/versions.js';

export interface SyntheticRun {
  readonly evaluations: number;
  readonly objectives: number;
  readonly variables: number;
  /** Width of the distance variables' interval around 0.5. */
  readonly spread: number;
  readonly seed: number;
}

/** Writes the run into `dir`; returns each evaluation's objectives (log order). */
export function writeDtlz2Run(dir: string, s: SyntheticRun): number[][] {
  const problem = createBenchmarkProblem({ problem: 'dtlz2', objectives: s.objectives, variables: s.variables });
  const rng = createRng(s.seed);
  const names = Array.from({ length: s.variables }, (_, i) => `x${i + 1}`);
  const objNames = Array.from({ length: s.objectives }, (_, j) => `f${j + 1}`);
  const perGeneration = 100;
  const lines = [['eval', 'generation', 'status', ...names, ...objNames, 'violation', 'reason'].join(',')];
  const all: number[][] = [];
  const xs: number[][] = [];
  for (let e = 0; e < s.evaluations; e++) {
    const x = names.map((_, i) => (i < s.objectives - 1 ? rng.next() : 0.5 + (rng.next() - 0.5) * s.spread));
    const r = problem.evaluate(Float64Array.from(x));
    if (r.status !== 'ok') throw new Error(`DTLZ2 failed at ${x.join(', ')}`);
    all.push(Array.from(r.f));
    xs.push(x);
    lines.push([e, Math.floor(e / perGeneration), 'feasible', ...x, ...r.f, 0, ''].join(','));
  }
  const F = Float64Array.from(all.flat());
  const designs = Array.from(nonDominatedIndices(F, all.length, s.objectives), (index) => ({
    index,
    variables: Object.fromEntries(names.map((n, i) => [n, xs[index]![i]!])),
    objectives: Object.fromEntries(objNames.map((n, j) => [n, all[index]![j]!])),
    constraints: {},
    record: null,
  }));
  writeDtlz2Folder(dir, {
    name: 'dtlz2-synthetic',
    variables: names,
    objectives: objNames,
    perGeneration,
    lines,
    designs,
  });
  return all;
}

/** A finished DTLZ2 run folder around its log lines: study.yaml, evaluations.csv, and the pareto.json and run.json the
 * readers require (src/run/paretoFile.ts, src/run/schemas.ts). The one writer of that format for tests and benches. */
export function writeDtlz2Folder(
  dir: string,
  run: {
    readonly name: string;
    readonly variables: readonly string[];
    readonly objectives: readonly string[];
    readonly perGeneration: number;
    /** evaluations.csv: its header, then one line per evaluation. */
    readonly lines: readonly string[];
    readonly designs: readonly { readonly index: number }[];
  },
): void {
  const generations = Math.max(1, Math.ceil((run.lines.length - 1) / run.perGeneration));
  const algorithm = { name: 'nsga3', population: run.perGeneration, generations, seed: 1 };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'study.yaml'),
    `name: ${run.name}\nkind: benchmark\nproblem: dtlz2\nvariables: ${run.variables.length}\n` +
      `objectives: ${run.objectives.length}\n` +
      `algorithm: { name: nsga3, population: ${run.perGeneration}, generations: ${generations}, seed: 1 }\n`,
  );
  writeFileSync(join(dir, 'evaluations.csv'), `${run.lines.join('\n')}\n`);
  const pareto = {
    formatVersion: 1,
    study: run.name,
    kind: 'benchmark',
    objectives: run.objectives.map((name) => ({ name, sense: 'minimize', unit: '-' })),
    variables: run.variables.map((name) => ({ kind: 'real', name, lower: 0, upper: 1 })),
    designs: run.designs,
  };
  writeFileSync(join(dir, 'pareto.json'), JSON.stringify(pareto));
  writeFileSync(
    join(dir, 'run.json'),
    JSON.stringify({
      formatVersion: 1,
      odcVersion: ODC_VERSION,
      status: 'complete',
      study: { name: run.name, kind: 'benchmark', file: 'study.yaml', hash: '0'.repeat(64) },
      algorithm,
      workers: 0,
      startedAt: '2026-01-01T00:00:00.000Z',
      packageVersions: packageVersions(),
    }),
  );
}
