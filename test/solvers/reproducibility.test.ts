import { describe, expect, it } from 'vitest';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import type { Individual } from '../../solvers/types.js';
import { populationFingerprint } from '../helpers/fingerprint.js';

/** The first 24 hex digits of the population's SHA-256 (as test/bench/nsga3-large.ts prints it in full). */
const fingerprint = (list: readonly Individual[]): string => populationFingerprint(list).slice(0, 24);

/**
 * Seeded runs must not change when the optimizer is made faster. The fingerprints were recorded before the
 * NSGA-III speed-ups of the dominator-bitset sort, the radix lexicographic order, the per-front staircases,
 * the buffered random draws and the batch archive merge; they cover both non-dominated sorts (3 and 5
 * objectives), the archive's batch merge (5 objectives), a mixed-integer problem and a constrained one. They are of
 * the pymoo operators, so the runs turn the option niches off (optionQuota 0; solvers/operators/optionNiches.ts, which
 * change the mixed-integer run on purpose and have their own tests); the other problems have no choice to niche.
 */
describe('seeded runs are unchanged (fingerprints of population and archive)', () => {
  const cases: [string, string, number, number, number, string, string][] = [
    ['nsga3', 'dtlz2', 3, 400, 12, '472fda963937a85b4d5b87b2', '64612da31422834990244193'],
    ['nsga3', 'dtlz2', 5, 400, 10, '5242f417793299d9baa8105e', 'd133540d536f141dfb97f06b'],
    ['nsga2', 'zdt1', 2, 100, 30, '8130acaeb098fb7490f1fe61', '8672f9bae32130f5e50aa21c'],
    ['nsga3', 'mixed1', 2, 60, 20, '930f59a0a1c890f2d6d70a69', 'acd4445100eb159a2da997de'],
    ['nsga3', 'c2dtlz2', 3, 120, 15, '99dca389ea46cdfa1c083d52', '360be1644adf96266c708ca0'],
  ];
  for (const [name, problemName, m, population, generations, pop, archive] of cases) {
    it(`${name} on ${problemName} (${m} objectives, population ${population}, ${generations} generations, seed 7)`, () => {
      const problem = createBenchmarkProblem({ problem: problemName, objectives: m });
      const alg = createAlgorithm(name, problem, { population, seed: 7, optionQuota: 0 });
      for (let g = 0; g < generations; g++) alg.tell(alg.ask().map((x) => safeEvaluate(problem, x)));
      expect(fingerprint(alg.population())).toBe(pop);
      expect(fingerprint(alg.archive())).toBe(archive);
    });
  }
});
