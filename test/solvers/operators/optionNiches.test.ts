import { describe, expect, it } from 'vitest';
import { safeEvaluate, type Problem } from '../../../src/optimize/types.js';
import { createAlgorithm } from '../../../solvers/index.js';
import { compileLayout } from '../../../solvers/operators/layout.js';
import {
  optionQuota,
  optionReplacements,
  optionVariables,
  rareOptionCarriers,
  representativeOrder,
} from '../../../solvers/operators/optionNiches.js';
import type { Individual } from '../../../solvers/types.js';

/**
 * A choice whose best option is rarely found: five ordinary options are feasible everywhere, the sixth only in a band
 * of width 0.01 of y (1 % of its range), where it is better by 0.5 in f2 at every x. Minimize f1 = x and
 * f2 = 1 - sqrt(x) (+ 0.5 for an ordinary option). Analytic front: the special option, y in [0.695, 0.705],
 * f2 = 1 - sqrt(f1). The smallest f1 + f2 on it is at d/dx (x + 1 - sqrt x) = 0, x = 1/4: 0.75; an ordinary option's
 * smallest is 1.25. A random design carries the special option and lies in the band with probability 1/6 x 0.01.
 */
const SPECIAL = 5;
const rareOption: Problem = {
  name: 'rare-option',
  variables: [
    { kind: 'choice', name: 'c', options: ['a', 'b', 'c', 'd', 'e', 'special'] },
    { kind: 'real', name: 'x', lower: 0, upper: 1 },
    { kind: 'real', name: 'y', lower: 0, upper: 1 },
  ],
  objectives: [
    { name: 'f1', sense: 'minimize' },
    { name: 'f2', sense: 'minimize' },
  ],
  constraints: [{ name: '|y - 0.7| <= 0.005 for the special option' }],
  evaluate(v) {
    const [c, x, y] = [v[0]!, v[1]!, v[2]!];
    const special = c === SPECIAL;
    return {
      status: 'ok',
      f: Float64Array.of(x, 1 - Math.sqrt(x) + (special ? 0 : 0.5)),
      g: Float64Array.of(special ? Math.abs(y - 0.7) - 0.005 : 0),
    };
  },
};
const SPECIAL_BEST = 0.75;
const ORDINARY_BEST = 1.25;
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);

/** The smallest f1 + f2 in the archive after 80 generations of 20 designs. */
function bestSum(name: string, seed: number, optionQuota?: number): number {
  const options = { population: 20, seed, ...(optionQuota !== undefined ? { optionQuota } : {}) };
  const a = createAlgorithm(name, rareOption, options);
  for (let g = 0; g < 80; g++) a.tell(a.ask().map((x) => safeEvaluate(rareOption, x)));
  return Math.min(...a.archive().map((i) => i.f[0]! + i.f[1]!));
}

describe.each([['nsga2'], ['nsga3']])('%s on a choice whose best option is rare', (name) => {
  it('finds the rare option on every seed of ten, near the analytic optimum', () => {
    // the front is within 0.1 of the special option's analytic minimum on every seed, far below any ordinary design
    for (const seed of SEEDS) expect(bestSum(name, seed), `seed ${seed}`).toBeLessThan(SPECIAL_BEST + 0.1);
  });

  it('without option niches, some seeds lose the rare option', () => {
    // the plain pymoo operators (optionQuota 0): the special carriers are infeasible, die in the first survivals, and
    // the seed decides whether a mutation lands in the band afterwards
    const lost = SEEDS.filter((seed) => bestSum(name, seed, 0) >= ORDINARY_BEST - 1e-9);
    expect(lost.length).toBeGreaterThan(0);
  });
});

function member(c: number, f: readonly number[], cv: number, evalIndex: number): Individual {
  const failed = cv === Infinity;
  return {
    x: Float64Array.of(c, 0.5),
    f: failed ? new Float64Array(0) : Float64Array.from(f),
    g: new Float64Array(0),
    cv,
    evalIndex,
  };
}

describe('option niches', () => {
  const layout = compileLayout([
    { kind: 'choice', name: 'c', options: ['p', 'q', 'r'] },
    { kind: 'real', name: 'x', lower: 0, upper: 1 },
  ]);
  const vars = optionVariables(layout);

  it('gives niches to choices and to integers of at most 16 values only', () => {
    const l = compileLayout([
      { kind: 'real', name: 'r', lower: 0, upper: 1 },
      { kind: 'int', name: 'shells', lower: 1, upper: 16 },
      { kind: 'int', name: 'chips', lower: 20, upper: 200 },
      { kind: 'choice', name: 'chip', options: ['h100', 'gb300'] },
      { kind: 'choice', name: 'one', options: ['only'] },
    ]);
    expect(Array.from(optionVariables(l))).toEqual([1, 3]);
  });

  it('keeps max(2, ceil(2 % of the population)) per option', () => {
    // 2 % of 200 = 4; of 20 = 0.4, raised to the floor of 2
    expect([optionQuota(20), optionQuota(200), optionQuota(1000)]).toEqual([2, 4, 20]);
  });

  it('orders carriers: feasible by rank then crowding, then infeasible by cv, failed last', () => {
    const dominated = member(1, [2, 2], 0, 0);
    const a = member(1, [1, 1.5], 0, 1);
    const b = member(1, [1.5, 1], 0, 2);
    const far = member(1, [1.2, 1.2], 0, 3); // between a and b: finite crowding, after the two extremes
    const worse = member(1, [], 0.5, 4);
    const better = member(1, [], 0.1, 5);
    const failed = member(1, [], Infinity, 6);
    const order = representativeOrder([failed, worse, dominated, far, better, b, a], 2, 4);
    expect(order.map((i) => i.evalIndex)).toEqual([2, 1, 3, 0, 5, 4, 6]);
  });

  it('brings each carried option to its quota, replacing from the end of the survival order', () => {
    const pop = [0, 1, 2, 3, 4, 5].map((i) => member(0, [i, 5 - i], 0, i));
    const q1 = member(1, [9, 9], 0, 10);
    const q1Infeasible = member(1, [], 0.3, 11);
    const r = member(2, [], Infinity, 12);
    const out = optionReplacements(layout, vars, 2, [...pop, r, q1Infeasible, q1], pop, 2);
    // option q: its two carriers, feasible first, into the last two places; option r: its only carrier, next place up
    expect(out.map((o) => [o.position, o.individual.evalIndex])).toEqual([
      [5, 10],
      [4, 11],
      [3, 12],
    ]);
  });

  it('never takes a survivor its own option needs to stay at quota', () => {
    // four survivors of option p and a quota of 2: after two replacements p is at quota and gives no third place
    const pop = [0, 1, 2, 3].map((i) => member(0, [i, 3 - i], 0, i));
    const merged = [...pop, member(1, [9, 9], 0, 10), member(1, [9, 8], 0, 11), member(2, [8, 9], 0, 12)];
    const out = optionReplacements(layout, vars, 2, merged, pop, 2);
    expect(out.map((o) => o.position)).toEqual([3, 2]);
    expect(out.map((o) => o.individual.x[0])).toEqual([1, 1]);
  });

  it('lists the carriers of options held by 1..quota members as rare', () => {
    const pop = [member(0, [0, 1], 0, 0), member(0, [1, 0], 0, 1), member(0, [2, 2], 0, 2), member(2, [3, 3], 0, 3)];
    // option p has 3 carriers (> quota 2), q none, r one (at index 3)
    expect(rareOptionCarriers(layout, vars, 2, pop).map((c) => Array.from(c))).toEqual([[3]]);
  });
});
