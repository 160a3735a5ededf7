/** Driving a solver in the solver tests: ask, evaluate, tell until a budget; a run cut, snapshotted, resumed. */
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import type { Algorithm, AlgorithmSnapshot } from '../../solvers/types.js';
import type { AlgorithmOptions } from '../../solvers/index.js';

/** Asks and tells until `budget` evaluations, each batch of proposals copied into `batches`. */
export function drive(a: Algorithm, p: Problem, budget: number, batches: Float64Array[][] = []): Algorithm {
  while (a.progress().evaluations < budget) {
    const xs = a.ask();
    batches.push(xs.map((x) => Float64Array.from(x)));
    a.tell(xs.map((x) => safeEvaluate(p, x)));
  }
  return a;
}

/** Batches of proposals as plain arrays. */
export const plain = (batches: Float64Array[][]): number[][][] => batches.map((b) => b.map((x) => Array.from(x)));

/** Every proposal, in order, as plain arrays. */
export const flat = (batches: Float64Array[][]): number[][] => batches.flat().map((x) => Array.from(x));

/** The batches of proposals of a fresh run of `name` on `p` to `budget` evaluations. */
export function proposals(name: string, p: Problem, options: AlgorithmOptions, budget: number): Float64Array[][] {
  const batches: Float64Array[][] = [];
  drive(createAlgorithm(name, p, options), p, budget, batches);
  return batches;
}

/**
 * A run of `name` to `budget` evaluations uninterrupted (`whole`, `full`), and the same run stopped at `cut`
 * (`first`, `part`), its snapshot (`takeSnapshot`, then a JSON round trip) resumed (`resumed`, after `beforeResume`)
 * to the budget (`rest`).
 */
export function resumedRun(
  name: string,
  p: Problem,
  options: AlgorithmOptions,
  cut: number,
  budget: number,
  takeSnapshot = (a: Algorithm): AlgorithmSnapshot => a.snapshot(),
  beforeResume: (resumed: Algorithm, part: Algorithm) => void = () => {},
) {
  const whole: Float64Array[][] = [];
  const full = drive(createAlgorithm(name, p, options), p, budget, whole);
  const first: Float64Array[][] = [];
  const part = drive(createAlgorithm(name, p, options), p, cut, first);
  const snap = JSON.parse(JSON.stringify(takeSnapshot(part))) as AlgorithmSnapshot;
  const resumed = createAlgorithm(name, p, options, snap);
  beforeResume(resumed, part);
  const rest: Float64Array[][] = [];
  drive(resumed, p, budget, rest);
  return { whole, full, first, part, snap, resumed, rest };
}
