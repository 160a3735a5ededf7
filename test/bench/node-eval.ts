/**
 * Benchmark (prints figures, asserts nothing): node-model evaluations per second on one core, and the
 * end-to-end time of the flagship study (CLI start to files written) with 0, 1 and 2 worker threads.
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

const root = fileURLToPath(new URL('../../../', import.meta.url));
const studyPath = join(root, 'designs/flagship-study.yaml');
const { problem } = loadStudyProblem(studyPath);

// Random designs inside the study's bounds (seeded), evaluated in this thread.
const rng = createRng(1);
const designs = Array.from({ length: 20000 }, () =>
  Float64Array.from(problem.variables, (v) =>
    v.kind === 'choice' ? rng.int(v.options.length) : v.kind === 'int' ? v.lower + rng.int(v.upper - v.lower + 1) : v.lower + rng.next() * (v.upper - v.lower)),
);
for (let i = 0; i < 2000; i++) safeEvaluate(problem, designs[i]!); // warm-up
const t0 = performance.now();
let feasible = 0;
for (const x of designs) {
  const e = safeEvaluate(problem, x);
  if (e.status === 'ok' && e.g.every((g) => g <= 0)) feasible++;
}
const dt_s = (performance.now() - t0) / 1000;
console.log(`node model: ${designs.length} evaluations in ${dt_s.toFixed(3)} s → ${(designs.length / dt_s).toFixed(0)} evaluations/s on one core (${(1e6 * dt_s / designs.length).toFixed(1)} µs each; ${feasible} feasible)`);

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
