/**
 * Child process of the node-evaluation bench (node-eval.ts, "warm-up"): one cold run, in a fresh V8, of what `odc run`
 * does on the flagship study, NSGA-II with population 200 for 100 generations, timing only the evaluations (CPU time of
 * this process, user + system, so the compiler threads count). It prints one JSON line:
 * - firstGeneration_us: µs per evaluation of the first 200 (first calls: lazy tables, bytecode compilation);
 * - first10k_us: µs per evaluation of the first 10,000 of the run; rest_us: of the next 10,000, inside the same run;
 * - warmFirst10k_us, warmRest_us: the same two design sets evaluated again afterwards (fastest of 3 passes), so the
 *   cold-minus-warm difference on the same designs is the warm-up penalty, not a different design mix.
 * The parent passes V8 flags (e.g. --maglev) on the command line; the flags it ran under are printed back.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStudyProblem } from '../../src/run/problem.js';
import { safeEvaluate } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cpu_us = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const { problem } = loadStudyProblem(join(root, 'designs/flagship-study.yaml'));
const optimizer = createAlgorithm('nsga2', problem, { population: 200, seed: 1 });
const designs: Float64Array[] = [];
const spent: number[] = [];
for (let g = 0; g < 100; g++) {
  const xs = optimizer.ask();
  const t0 = cpu_us();
  const evaluations = xs.map((x) => safeEvaluate(problem, x));
  spent.push(cpu_us() - t0);
  designs.push(...xs);
  optimizer.tell(evaluations);
}
const perEvaluation = (from: number, to: number): number => {
  let us = 0;
  let n = 0;
  for (let g = 0, at = 0; g < spent.length; at += 200, g++) {
    if (at >= from && at < to) {
      us += spent[g]!;
      n += 200;
    }
  }
  return us / n;
};
const pass = (xs: readonly Float64Array[]): number => {
  const t0 = cpu_us();
  for (const x of xs) safeEvaluate(problem, x);
  return (cpu_us() - t0) / xs.length;
};
const warm = (xs: readonly Float64Array[]): number => Math.min(pass(xs), pass(xs), pass(xs));
console.log(
  JSON.stringify({
    flags: process.execArgv.join(' '),
    firstGeneration_us: perEvaluation(0, 200),
    first10k_us: perEvaluation(0, 10000),
    rest_us: perEvaluation(10000, 20000),
    warmFirst10k_us: warm(designs.slice(0, 10000)),
    warmRest_us: warm(designs.slice(10000, 20000)),
  }),
);
