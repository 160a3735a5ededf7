/**
 * Many-objective kernels against their simple paths on a documented user scale (a script, not a vitest test):
 * `npm run bench:kernels` (`npm run build`, then `node dist/test/bench/kernels-m4.js [--repeat 5]`).
 *
 * The scale: NSGA-III on DTLZ2 in 4 and 5 objectives, population 212, 95 generations (20,140 evaluations): the
 * 5-objective study of `npm run bench -- --e2e` and the README's table, the largest many-objective study the project
 * documents; every shipped study (node, constellation, robust, designs/benchmarks) has 2 or 3 objectives and at most
 * 200 members. The run is recorded once (each generation's merged parents and offspring, every design offered to the
 * archive), then each kernel and its simple path run on the same inputs in one process, interleaved, best CPU of
 * --repeat:
 * - the survival's non-dominated sort (nonDominatedSort, with the cut at the population as the survival asks)
 *   against ENS-BS over the same rows (Zhang et al., IEEE TEVC 19(2), 2015);
 * - the archive (src/optimize/pareto/paretoArchive.ts), read every generation as `odc run` does, against the
 * linear-scan
 *   archive (test/optimize/pareto/legacyParetoArchive.ts); both must hold the same designs in the same order.
 */
import { cpus, loadavg } from 'node:os';
import { nonDominatedSort, rowDominates } from '../../src/optimize/pareto/dominance.js';
import { lexicographicOrder } from '../../src/optimize/pareto/lexicographicOrder.js';
import { ParetoArchive } from '../../src/optimize/pareto/paretoArchive.js';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { constraintViolation, safeEvaluate } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import { LegacyParetoArchive } from '../optimize/pareto/legacyParetoArchive.js';
import { cpuMs } from './cpu.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1]! : fallback;
}
const REPEAT = Number(arg('repeat', '5'));
const POPULATION = 212;
const GENERATIONS = 95;

interface Offer {
  readonly f: Float64Array;
  readonly cv: number;
  readonly evalIndex: number;
}

/** The recorded run: each generation's merged population (flat rows) and the designs offered, per generation. */
function record(m: number): { merged: Float64Array[]; offers: Offer[][] } {
  const problem = createBenchmarkProblem({ problem: 'dtlz2', objectives: m, variables: m + 9 });
  const alg = createAlgorithm('nsga3', problem, { population: POPULATION, seed: 1, partitions: m === 5 ? 6 : 8 });
  const merged: Float64Array[] = [];
  const offers: Offer[][] = [];
  let next = 0;
  for (let g = 0; g < GENERATIONS; g++) {
    const parents = g === 0 ? [] : alg.population().map((p) => p.f);
    const evals = alg.ask().map((x) => safeEvaluate(problem, x));
    alg.tell(evals);
    const gen: Offer[] = evals.map((e) => ({
      f: e.status === 'ok' ? e.f : new Float64Array(m),
      cv: constraintViolation(e),
      evalIndex: next++,
    }));
    offers.push(gen);
    if (g > 0) merged.push(Float64Array.from([...parents, ...gen.map((o) => o.f)].flatMap((f) => Array.from(f))));
  }
  return { merged, offers };
}

/** ENS-BS ranks (every front), the simple path of the sort. */
function ensBs(F: Float64Array, n: number, m: number): Int32Array {
  const ranks = new Int32Array(n);
  const order = lexicographicOrder(F, n, m);
  const members: number[][] = [];
  for (let t = 0; t < n; t++) {
    const i = order[t]!;
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const front = members[mid]!;
      let dominated = false;
      for (let q = front.length - 1; q >= 0 && !dominated; q--) dominated = rowDominates(F, m, front[q]!, i);
      if (dominated) lo = mid + 1;
      else hi = mid;
    }
    if (lo === members.length) members.push([]);
    members[lo]!.push(i);
    ranks[i] = lo;
  }
  return ranks;
}

console.log(
  `kernels vs simple paths, NSGA-III DTLZ2, population ${POPULATION}, ${GENERATIONS} generations, best CPU of ${REPEAT}`,
);
console.log(
  `${cpus()[0]?.model ?? 'cpu'} x ${cpus().length}, node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
);
for (const m of [4, 5]) {
  const { merged, offers } = record(m);
  // the sort: every generation's merged population, the survival's cut at the population
  let sortKernel = Infinity;
  let sortSimple = Infinity;
  let sameRanks = true;
  for (let r = 0; r < REPEAT + 1; r++) {
    const k = cpuMs(() => {
      for (const F of merged) nonDominatedSort(F, F.length / m, m, POPULATION);
    });
    const s = cpuMs(() => {
      for (const F of merged) ensBs(F, F.length / m, m);
    });
    if (r > 0) {
      sortKernel = Math.min(sortKernel, k);
      sortSimple = Math.min(sortSimple, s);
    }
  }
  for (const F of merged) {
    const n = F.length / m;
    const a = nonDominatedSort(F, n, m).ranks;
    const b = ensBs(F, n, m);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) sameRanks = false;
  }
  // the archive, read every generation
  let archKernel = Infinity;
  let archSimple = Infinity;
  let kernelItems: Offer[] = [];
  let simpleItems: Offer[] = [];
  for (let r = 0; r < REPEAT + 1; r++) {
    const k = cpuMs(() => {
      const a = new ParetoArchive<Offer>(m);
      for (const gen of offers) {
        for (const o of gen) a.add(o);
        kernelItems = a.items();
      }
    });
    const s = cpuMs(() => {
      const a = new LegacyParetoArchive<Offer>(m);
      for (const gen of offers) {
        for (const o of gen) a.add(o);
        simpleItems = a.items();
      }
    });
    if (r > 0) {
      archKernel = Math.min(archKernel, k);
      archSimple = Math.min(archSimple, s);
    }
  }
  const sameItems = kernelItems.length === simpleItems.length && kernelItems.every((x, i) => x === simpleItems[i]);
  const merges = merged.length;
  console.log(
    `\n${m} objectives: ${merges} sorts of ${merged[0]!.length / m} points; archive of ${kernelItems.length} designs at the end`,
  );
  console.log(
    `  sort: dominator bitsets ${sortKernel.toFixed(1)} ms, ENS-BS ${sortSimple.toFixed(1)} ms (ratio ${(sortSimple / sortKernel).toFixed(2)}), ranks ${sameRanks ? 'identical' : 'DIFFERENT'}`,
  );
  console.log(
    `  archive: batch merges (bitsets) ${archKernel.toFixed(1)} ms, linear scan ${archSimple.toFixed(1)} ms (ratio ${(archSimple / archKernel).toFixed(2)}), items ${sameItems ? 'identical' : 'DIFFERENT'}`,
  );
}
