/**
 * A simple serial driver for tests and benchmarks: ask, evaluate each design with `safeEvaluate`,
 * tell (recording the hypervolume of the current feasible front when a reference point is given), repeat until
 * the budget of generations or evaluations is spent. The CLI's real driver (src/run) uses ask/tell with a pool.
 * It lives with the tests, not in solvers/, because it composes the solvers with an indicator
 * (src/optimize/indicators/hypervolume), which solvers/ may not import (see the README's layout table).
 */
import { safeEvaluate, type Evaluation, type Problem } from '../../src/optimize/types.js';
import { hypervolume } from '../../src/optimize/indicators/hypervolume.js';
import type { Algorithm, AlgorithmSnapshot, Individual } from '../../solvers/types.js';
import type { AlgorithmOptions } from '../../solvers/index.js';
import { createAlgorithm } from '../../solvers/index.js';

export interface MinimizeOptions extends AlgorithmOptions {
  /** Reference point for the per-generation hypervolume (history). */
  readonly hvReference?: readonly number[];
  /** Resume from this snapshot instead of starting afresh. */
  readonly snapshot?: AlgorithmSnapshot;
  /** Called after every generation. */
  readonly onGeneration?: (algorithm: Algorithm) => void;
}

export interface MinimizeResult {
  readonly algorithm: Algorithm;
  readonly archive: readonly Individual[];
  readonly population: readonly Individual[];
  readonly generations: number;
  readonly evaluations: number;
  /** Per generation: evaluations so far and hypervolume of the feasible population front (if a reference was given). */
  readonly history: readonly { readonly evaluations: number; readonly hypervolume?: number }[];
}

/** Hypervolume of the feasible members of a population (dominated ones contribute nothing). */
export function populationHypervolume(pop: readonly Individual[], reference: readonly number[]): number {
  const pts: Float64Array[] = [];
  for (const ind of pop) if (ind.cv <= 0 && ind.f.length === reference.length) pts.push(ind.f);
  return hypervolume(pts, reference);
}

export function minimize(
  problem: Problem,
  algorithmName: string,
  options: MinimizeOptions,
  budget: { readonly generations: number } | { readonly evaluations: number },
): MinimizeResult {
  const algorithm = createAlgorithm(algorithmName, problem, options, options.snapshot);
  const history: { evaluations: number; hypervolume?: number }[] = [];
  const done = () => {
    const p = algorithm.progress();
    return 'generations' in budget ? p.generation >= budget.generations : p.evaluations >= budget.evaluations;
  };
  while (!done()) {
    const X = algorithm.ask();
    const evals: Evaluation[] = X.map((x) => safeEvaluate(problem, x));
    algorithm.tell(evals);
    const p = algorithm.progress();
    if (options.hvReference !== undefined) {
      const hv = populationHypervolume(algorithm.population(), options.hvReference);
      history.push({ evaluations: p.evaluations, hypervolume: hv });
    } else history.push({ evaluations: p.evaluations });
    options.onGeneration?.(algorithm);
  }
  const p = algorithm.progress();
  return {
    algorithm,
    archive: algorithm.archive(),
    population: algorithm.population(),
    generations: p.generation,
    evaluations: p.evaluations,
    history,
  };
}
