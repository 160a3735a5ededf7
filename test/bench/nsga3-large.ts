/**
 * NSGA-III at population 6,400 (a script, not a vitest test): `npm run build`, then
 * `node dist/test/bench/nsga3-large.js [--objectives 3,5] [--generations 10] [--steady 20] [--seed 1]`.
 *
 * DTLZ2 (m objectives, m + 9 variables) with the default Das–Dennis directions for the population
 * (3 objectives: 111 partitions, 6,328 directions; 5 objectives: 17 partitions, 5,985 directions).
 * Prints the CPU and wall time of each generation (ask + evaluate + tell) after the initial one, and
 * the niche association alone on the last generation's merged population (parents and offspring,
 * 12,800 points; the lattice search against the O(N·H) brute force, which must agree exactly) and the non-dominated
 * sort of that population (median CPU of 9). The SHA-256 of the final population (x, f and
 * evaluation index of every member, in order) is printed so runs before and after a change can be
 * compared byte for byte. Then `--steady 20` more generations are timed (median, and mean with the archive's merges
 * and a last read of it): the figures past the first generations' compilation and many fronts. Last, the first
 * generations again with a new instance (same seed) in the same process, where V8 has compiled the code: the first
 * figure less this one is compilation (optimizing compiles run on other threads, so it shows in CPU more than in wall).
 */
import { cpus, loadavg } from 'node:os';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import { nonDominatedSort } from '../../src/optimize/pareto/dominance.js';
import { populationFingerprint } from '../helpers/fingerprint.js';
import { associateToNiches, associateToNichesBrute, unitDirectionsTransposed } from '../../solvers/nsga3/niching.js';
import { HyperplaneNormalization } from '../../solvers/nsga3/normalization.js';
import { defaultPartitions, referenceDirections } from '../../solvers/nsga3/referenceDirections.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const OBJECTIVES = arg('objectives', '3,5').split(',').map(Number);
const GENERATIONS = Number(arg('generations', '10'));
const SEED = Number(arg('seed', '1'));
/**
 * Generations measured after the first ones (and after the fingerprint, which stays that of generation GENERATIONS).
 */
const STEADY = Number(arg('steady', '20'));
const POPULATION = 6400;

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function cpuMs<T>(f: () => T): { value: T; cpu_ms: number; wall_ms: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, cpu_ms: (c.user + c.system) / 1000, wall_ms: performance.now() - t0 };
}

/** CPU and wall ms of `count` generations (ask, evaluate, tell) of `alg`, one entry per generation. */
function timeGenerations(
  alg: ReturnType<typeof createAlgorithm>,
  problem: ReturnType<typeof createBenchmarkProblem>,
  count: number,
): { cpu: number[]; wall: number[] } {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let g = 0; g < count; g++) {
    const r = cpuMs(() => alg.tell(alg.ask().map((x) => safeEvaluate(problem, x))));
    cpu.push(r.cpu_ms);
    wall.push(r.wall_ms);
  }
  return { cpu, wall };
}

console.log(
  `NSGA-III, population ${POPULATION}, DTLZ2, seed ${SEED}: ` +
    `${cpus()[0]?.model ?? 'cpu'} x ${cpus().length}, node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
);
for (const m of OBJECTIVES) {
  const problem = createBenchmarkProblem({ problem: 'dtlz2', objectives: m, variables: m + 9 });
  const alg = createAlgorithm('nsga3', problem, { population: POPULATION, seed: SEED });
  const partitions = defaultPartitions(m, POPULATION);
  const { dirs, count: H } = referenceDirections(m, partitions);
  const first = cpuMs(() => alg.tell(alg.ask().map((x) => safeEvaluate(problem, x))));
  const cpu: number[] = [];
  const wall: number[] = [];
  // the last survival's merged population: the parents and the offspring of the last generation
  let merged: Float64Array[] = [];
  for (let g = 0; g < GENERATIONS; g++) {
    const parents = alg.population().map((p) => p.f);
    const r = cpuMs(() => {
      const evals = alg.ask().map((x) => safeEvaluate(problem, x));
      alg.tell(evals);
      return evals;
    });
    cpu.push(r.cpu_ms);
    wall.push(r.wall_ms);
    merged = [...parents, ...r.value.flatMap((e) => (e.status === 'ok' ? [e.f] : []))];
  }
  const F = Float64Array.from(merged.flatMap((f) => Array.from(f)));
  const n = merged.length;
  const norm = new HyperplaneNormalization(m);
  norm.update(
    F,
    n,
    Int32Array.from({ length: n }, (_, i) => i),
  );
  const UT = unitDirectionsTransposed(dirs, H, m);
  associateToNiches(F, n, m, UT, H, norm.ideal, norm.nadir); // recognizes and caches the lattice
  const fastRuns: number[] = [];
  let fast = cpuMs(() => associateToNiches(F, n, m, UT, H, norm.ideal, norm.nadir));
  for (let r = 0; r < 9; r++) {
    fast = cpuMs(() => associateToNiches(F, n, m, UT, H, norm.ideal, norm.nadir));
    fastRuns.push(fast.cpu_ms);
  }
  const brute = cpuMs(() => associateToNichesBrute(F, n, m, UT, H, norm.ideal, norm.nadir));
  let same = true;
  for (let i = 0; i < n; i++) {
    if (fast.value.niche[i] !== brute.value.niche[i] || !Object.is(fast.value.distance[i], brute.value.distance[i]))
      same = false;
  }
  console.log(`\n${m} objectives: ${partitions} partitions, ${H} directions`);
  console.log(`  initial generation: ${first.cpu_ms.toFixed(0)} ms CPU`);
  console.log(`  per generation (${GENERATIONS}): CPU ms ${cpu.map((c) => c.toFixed(0)).join(' ')}`);
  console.log(`  per generation: median ${median(cpu).toFixed(1)} ms CPU, ${median(wall).toFixed(1)} ms wall`);
  console.log(
    `  association of ${n} points: lattice search ${median(fastRuns).toFixed(1)} ms (median of 9), brute force ${brute.cpu_ms.toFixed(1)} ms (${(brute.cpu_ms / median(fastRuns)).toFixed(0)}x), ${same ? 'identical' : 'DIFFERENT'}`,
  );
  const sortCpu: number[] = [];
  let nFronts = 0;
  for (let r = 0; r < 9; r++) {
    const s = cpuMs(() => nonDominatedSort(F, n, m));
    sortCpu.push(s.cpu_ms);
    nFronts = s.value.fronts.length;
  }
  console.log(`  non-dominated sort of ${n} points: ${median(sortCpu).toFixed(1)} ms CPU (${nFronts} fronts)`);
  console.log(`  final population sha256 ${populationFingerprint(alg.population())}`);
  if (STEADY > 0) {
    // Past the first generations (compilation, populations of many fronts): STEADY more, each with its share of the
    // unbounded archive's merges, which come in spikes; the mean includes them and a last read of the archive.
    const { cpu: steadyCpu, wall: steadyWall } = timeGenerations(alg, problem, STEADY);
    const read = cpuMs(() => alg.archive().length);
    const mean = (v: readonly number[], extra: number): number => (v.reduce((a, b) => a + b, 0) + extra) / v.length;
    console.log(
      `  generations ${GENERATIONS + 1}-${GENERATIONS + STEADY}: median ${median(steadyCpu).toFixed(1)} ms CPU, ${median(steadyWall).toFixed(1)} ms wall; ` +
        `mean with the archive's merges and last read (${read.value} designs, ${read.wall_ms.toFixed(0)} ms) ${mean(steadyCpu, read.cpu_ms).toFixed(1)} ms CPU, ` +
        `${mean(steadyWall, read.wall_ms).toFixed(1)} ms wall`,
    );
  }
  const again = createAlgorithm('nsga3', problem, { population: POPULATION, seed: SEED });
  again.tell(again.ask().map((x) => safeEvaluate(problem, x)));
  const { cpu: warmCpu, wall: warmWall } = timeGenerations(again, problem, GENERATIONS);
  console.log(
    `  the first ${GENERATIONS} again, a new run in this process (V8's code compiled): median ${median(warmCpu).toFixed(1)} ms CPU, ${median(warmWall).toFixed(1)} ms wall`,
  );
}
