/**
 * Benchmark (prints figures, asserts nothing): node-model evaluations per second on one core (random designs in
 * the flagship's bounds, and the designs NSGA-II evaluates on it), and the end-to-end time of the flagship study
 * (CLI start to files written) with 0, 1 and 2 worker threads.
 * Run with `npm run bench:node` (builds first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStudyProblem } from '../../src/run/problem.js';
import { createRng } from '../../src/core/rng.js';
import { safeEvaluate } from '../../src/problem/types.js';
import { createAlgorithm } from '../../solvers/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const studyPath = join(root, 'designs/flagship-study.yaml');
const { problem } = loadStudyProblem(studyPath);

/** Evaluates the designs in this thread after a warm-up on the first 2,000; prints the rate and how many were feasible. */
function timeEvaluations(label: string, designs: readonly Float64Array[]): void {
  for (let i = 0; i < Math.min(2000, designs.length); i++) safeEvaluate(problem, designs[i]!);
  const t0 = performance.now();
  let feasible = 0;
  for (const x of designs) {
    const e = safeEvaluate(problem, x);
    if (e.status === 'ok' && e.g.every((g) => g <= 0)) feasible++;
  }
  const dt_s = (performance.now() - t0) / 1000;
  console.log(`node model, ${label}: ${designs.length} evaluations in ${dt_s.toFixed(3)} s → ${(designs.length / dt_s).toFixed(0)} evaluations/s on one core (${(1e6 * dt_s / designs.length).toFixed(1)} µs each; ${feasible} feasible)`);
}

// Random designs inside the study's bounds (seeded): almost none is feasible, so this mix leans on the models'
// infeasible corners.
const rng = createRng(1);
timeEvaluations('random designs in the bounds', Array.from({ length: 20000 }, () =>
  Float64Array.from(problem.variables, (v) =>
    v.kind === 'choice' ? rng.int(v.options.length) : v.kind === 'int' ? v.lower + rng.int(v.upper - v.lower + 1) : v.lower + rng.next() * (v.upper - v.lower)),
));

// The designs NSGA-II evaluates on the flagship (population 200, seed 1, the first 100 generations): the mix a run
// evaluates, converging on the feasible region.
const optimizer = createAlgorithm('nsga2', problem, { population: 200, seed: 1 });
const visited: Float64Array[] = [];
for (let g = 0; g < 100; g++) {
  const xs = optimizer.ask();
  visited.push(...xs);
  optimizer.tell(xs.map((x) => safeEvaluate(problem, x)));
}
timeEvaluations('the designs NSGA-II evaluates (100 generations of 200)', visited);

const bin = join(root, 'dist/src/cli/bin.js');
console.log('\nflagship study end to end (population 200 × 250 generations = 50,000 evaluations; CLI start to files written):');
for (const workers of [0, 1, 2]) {
  const out = mkdtempSync(join(tmpdir(), 'odc-bench-'));
  const t = performance.now();
  const r = spawnSync(process.execPath, [bin, 'run', studyPath, '--out', join(out, 'run'), '--workers', String(workers), '--quiet'], { encoding: 'utf8' });
  const wall_s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`odc run failed: ${r.stderr}`);
  console.log(`  workers ${workers}: ${wall_s.toFixed(2)} s`);
  rmSync(out, { recursive: true, force: true });
}
