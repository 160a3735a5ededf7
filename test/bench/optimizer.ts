/**
 * Optimizer benchmark (a script, not a vitest test): `npm run bench` compiles it to
 * dist/test/bench/optimizer.js and runs it. Seeds 1..5, pymoo defaults, 200 generations; the
 * hypervolume of the current feasible non-dominated front is computed every generation (as the
 * run driver does) and included in the wall time. Final HV and IGD+ are those of the final
 * population's non-dominated front against the analytic fronts (ZDT: 1000 points; DTLZ2: 861 =
 * Das–Dennis 40 partitions). Reference numbers: docs/sources.md §13
 * (pymoo 0.6.2 on the same machine class). One unrecorded warm-up run per case precedes the seeds.
 */
import { performance } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { safeEvaluate, type Problem } from '../../src/problem/types.js';
import { createBenchmarkProblem, paretoFront } from '../../src/problem/benchmarks.js';
import { hypervolume } from '../../src/indicators/hypervolume.js';
import { igdPlus } from '../../src/indicators/igd.js';
import { nonDominatedIndices } from '../../src/core/dominance.js';
import { createAlgorithm } from '../../solvers/index.js';
import type { Individual } from '../../solvers/types.js';

interface Case {
  readonly label: string;
  readonly problem: string;
  readonly objectives?: number;
  readonly variables?: number;
  readonly algorithm: 'nsga2' | 'nsga3';
  readonly population: number;
  readonly partitions?: number;
  readonly reference: readonly number[];
  readonly frontPoints: number;
  readonly pymoo?: { readonly hv: number; readonly igdPlus: number; readonly wall_s: number };
  readonly target?: { readonly hv: number; readonly igdPlus?: number; readonly speedup: number };
}

const GENERATIONS = 200;
const SEEDS = [1, 2, 3, 4, 5];

const CASES: readonly Case[] = [
  {
    label: 'ZDT1 NSGA-II',
    problem: 'zdt1',
    variables: 30,
    algorithm: 'nsga2',
    population: 100,
    reference: [1.1, 1.1],
    frontPoints: 1000,
    pymoo: { hv: 0.86796, igdPlus: 0.00458, wall_s: 0.92 },
    target: { hv: 0.866, igdPlus: 0.006, speedup: 10 },
  },
  {
    label: 'DTLZ2 NSGA-II',
    problem: 'dtlz2',
    objectives: 3,
    variables: 12,
    algorithm: 'nsga2',
    population: 100,
    reference: [1.1, 1.1, 1.1],
    frontPoints: 861,
    pymoo: { hv: 0.70869, igdPlus: 0.0346, wall_s: 0.93 },
    target: { hv: 0.69, speedup: 10 },
  },
  {
    label: 'DTLZ2 NSGA-III',
    problem: 'dtlz2',
    objectives: 3,
    variables: 12,
    algorithm: 'nsga3',
    population: 92,
    partitions: 12,
    reference: [1.1, 1.1, 1.1],
    frontPoints: 861,
    pymoo: { hv: 0.74326, igdPlus: 0.023, wall_s: 1.04 },
    target: { hv: 0.74, speedup: 10 },
  },
  { label: 'ZDT2 NSGA-II', problem: 'zdt2', variables: 30, algorithm: 'nsga2', population: 100, reference: [1.1, 1.1], frontPoints: 1000 },
  { label: 'ZDT3 NSGA-II', problem: 'zdt3', variables: 30, algorithm: 'nsga2', population: 100, reference: [1.1, 1.1], frontPoints: 1000 },
  {
    label: 'DTLZ1 NSGA-III',
    problem: 'dtlz1',
    objectives: 3,
    algorithm: 'nsga3',
    population: 92,
    partitions: 12,
    reference: [1.1, 1.1, 1.1],
    frontPoints: 861,
  },
];

function feasibleFront(pop: readonly Individual[], m: number): Float64Array[] {
  const feas = pop.filter((p) => p.cv <= 0);
  const F = new Float64Array(feas.length * m);
  feas.forEach((p, i) => F.set(p.f, i * m));
  return Array.from(nonDominatedIndices(F, feas.length, m), (i) => feas[i]!.f);
}

interface RunResult {
  readonly hv: number;
  readonly igdPlus: number;
  readonly wall_s: number;
  /** Process CPU time (user + system, all threads) during the run. */
  readonly cpu_s: number;
  readonly evaluations: number;
  readonly archive: number;
}

function runOnce(c: Case, problem: Problem, front: readonly Float64Array[], seed: number): RunResult {
  const m = problem.objectives.length;
  const options = c.partitions !== undefined ? { population: c.population, seed, partitions: c.partitions } : { population: c.population, seed };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const algo = createAlgorithm(c.algorithm, problem, options);
  let hvSum = 0;
  for (let gen = 0; gen < GENERATIONS; gen++) {
    const X = algo.ask();
    algo.tell(X.map((x) => safeEvaluate(problem, x)));
    hvSum += hypervolume(feasibleFront(algo.population(), m), c.reference);
  }
  const wall_s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpu_s = (cpu.user + cpu.system) / 1e6;
  const fin = feasibleFront(algo.population(), m);
  if (!Number.isFinite(hvSum)) throw new Error('non-finite hypervolume');
  return {
    hv: hypervolume(fin, c.reference),
    igdPlus: igdPlus(fin, front),
    wall_s,
    cpu_s,
    evaluations: algo.progress().evaluations,
    archive: algo.archive().length,
  };
}

function median(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function main(): void {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const c of CASES) {
    const spec = c.objectives !== undefined ? { problem: c.problem, objectives: c.objectives } : { problem: c.problem };
    const problem = createBenchmarkProblem(c.variables !== undefined ? { ...spec, variables: c.variables } : spec);
    const front = paretoFront(c.problem, problem.objectives.length, c.frontPoints);
    runOnce(c, problem, front, 0); // warm-up (JIT), not recorded
    const results = SEEDS.map((seed) => runOnce(c, problem, front, seed));
    const hv = median(results.map((r) => r.hv));
    const igp = median(results.map((r) => r.igdPlus));
    const wall = median(results.map((r) => r.wall_s));
    const cpu = median(results.map((r) => r.cpu_s));
    const hvMin = Math.min(...results.map((r) => r.hv));
    const hvMax = Math.max(...results.map((r) => r.hv));
    const speedup = c.pymoo !== undefined ? c.pymoo.wall_s / wall : NaN;
    rows.push([
      c.label,
      String(results[0]!.evaluations),
      `${hv.toFixed(5)} (${hvMin.toFixed(5)}-${hvMax.toFixed(5)})`,
      c.pymoo ? c.pymoo.hv.toFixed(5) : '-',
      igp.toFixed(5),
      c.pymoo ? c.pymoo.igdPlus.toFixed(5) : '-',
      wall.toFixed(4),
      cpu.toFixed(4),
      c.pymoo ? c.pymoo.wall_s.toFixed(2) : '-',
      Number.isNaN(speedup) ? '-' : `${speedup.toFixed(1)}x`,
      String(median(results.map((r) => r.archive))),
    ]);
    if (c.target !== undefined) {
      const checks: string[] = [];
      let pass = true;
      const check = (ok: boolean, text: string): void => {
        pass &&= ok;
        checks.push(`${text} ${ok ? 'ok' : 'FAIL'}`);
      };
      check(hv >= c.target.hv, `HV ${hv.toFixed(5)} >= ${c.target.hv}`);
      if (c.target.igdPlus !== undefined) check(igp <= c.target.igdPlus, `IGD+ ${igp.toFixed(5)} <= ${c.target.igdPlus}`);
      check(speedup >= c.target.speedup, `speed-up ${speedup.toFixed(1)}x >= ${c.target.speedup}x`);
      verdicts.push(`${pass ? 'PASS' : 'FAIL'} ${c.label}: ${checks.join('; ')}`);
    }
  }
  const header = ['case', 'evals', 'median HV (range)', 'pymoo HV', 'median IGD+', 'pymoo IGD+', 'median wall s', 'median CPU s', 'pymoo s', 'speed-up', 'archive'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((v, i) => pad(v, widths[i]!)).join(' | ')} |`;
  console.log(`Optimizer benchmark: seeds ${SEEDS.join(',')}, ${GENERATIONS} generations, HV of the feasible front every generation (included in wall time)`);
  console.log(`Speed-up = pymoo wall time / our median wall time (load average at start: ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores; CPU time is shown because wall time is inflated when the cores are shared)`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  for (const v of verdicts) console.log(v);
}

main();
