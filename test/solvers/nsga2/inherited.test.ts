/**
 * A warm start of inherited evaluations (WarmStart.inherited): the first batch is exactly the earlier designs, and the
 * algorithm's own survival picks its population among them. Hand oracle: on f = x (two objectives), NSGA-II keeps
 * the first front's members of largest crowding distance.
 */
import { describe, expect, it } from 'vitest';
import { createAlgorithm } from '../../../solvers/index.js';
import type { Evaluation, Problem } from '../../../src/optimize/types.js';

const identity: Problem = {
  name: 'identity',
  variables: [
    { kind: 'real', name: 'x1', lower: 0, upper: 1 },
    { kind: 'real', name: 'x2', lower: 0, upper: 1 },
  ],
  objectives: [
    { name: 'f1', sense: 'minimize' },
    { name: 'f2', sense: 'minimize' },
  ],
  constraints: [],
  evaluate: (x) => ({ status: 'ok', f: Float64Array.from(x), g: new Float64Array(0) }),
};

// five on the front x1 + x2 = 1, three dominated
const earlier = [
  [0.5, 0.9],
  [0, 1],
  [0.1, 0.9],
  [0.7, 0.7],
  [0.2, 0.8],
  [0.6, 0.4],
  [0.9, 0.9],
  [1, 0],
].map((x) => Float64Array.from(x));
const evaluations: Evaluation[] = earlier.map((x) => ({
  status: 'ok',
  f: Float64Array.from(x),
  g: new Float64Array(0),
}));
const key = (x: ArrayLike<number>): string => Array.from(x).join(',');

describe('inherited warm start', () => {
  it('nsga2: the first batch is the earlier designs exactly; survival keeps the most crowding-distant of the front', () => {
    const ga = createAlgorithm('nsga2', identity, {
      seed: 1,
      population: 4,
      initial: { designs: earlier, inherited: evaluations },
    });
    const batch = ga.ask();
    expect(batch.map(key)).toEqual(earlier.map(key));
    ga.tell(evaluations);
    // front by f1: 0, 0.1, 0.2, 0.6, 1; crowding (f1 gap + f2 gap, range 1 each): 0.1 → 0.2 + 0.2 = 0.4,
    // 0.2 → 0.5 + 0.5 = 1.0, 0.6 → 0.8 + 0.8 = 1.6, the ends infinite: (0.1, 0.9) is the one left out
    expect(new Set(ga.population().map((i) => key(i.x)))).toEqual(new Set(['0,1', '0.2,0.8', '0.6,0.4', '1,0']));
    expect(new Set(ga.archive().map((i) => key(i.x)))).toEqual(
      new Set(['0,1', '0.1,0.9', '0.2,0.8', '0.6,0.4', '1,0']),
    );
    expect(ga.progress()).toEqual({ generation: 1, evaluations: 8 });
    // the next batch is bred from that population: a full population of offspring
    expect(ga.ask()).toHaveLength(4);
  });

  it('nsga3 and parego: the first batch is exactly the earlier designs, whatever their number', () => {
    for (const name of ['nsga3', 'parego'] as const) {
      const alg = createAlgorithm(name, identity, {
        seed: 2,
        population: 4,
        evaluations: 40,
        initial: { designs: earlier, inherited: evaluations },
      });
      expect(alg.ask().map(key)).toEqual(earlier.map(key));
      alg.tell(evaluations);
      expect(alg.archive()).toHaveLength(5);
      if (name === 'nsga3') expect(alg.population()).toHaveLength(4);
    }
  });

  it('without inherited evaluations the warm designs are only the head of a full random population', () => {
    const ga = createAlgorithm('nsga2', identity, { seed: 1, population: 4, initial: { designs: earlier } });
    const batch = ga.ask();
    expect(batch).toHaveLength(4);
    expect(batch.map(key)).toEqual(earlier.slice(0, 4).map(key));
  });
});
