/**
 * Shadow prices (src/run/decision/relaxation.ts): what relaxing each binding constraint of the knee by 10 % buys, from
 * a short warm-started re-optimization, on problems whose answer is known analytically.
 */
import { describe, expect, it } from 'vitest';
import { createAlgorithm, type AlgorithmOptions } from '../../../solvers/index.js';
import {
  objectiveGains,
  RELAXATION,
  relaxationGenerations,
  relaxationView,
  relaxedProblem,
  shadowPrices,
  type ReoptimizeSource,
} from '../../../src/run/decision/relaxation.js';
import type { Problem } from '../../../src/optimize/types.js';
import type { ParetoDesign } from '../../../src/run/paretoFile.js';

const ok = (f: number[], g: number[]) => ({ status: 'ok' as const, f: Float64Array.from(f), g: Float64Array.from(g) });

/** The run's algorithm as the run makes it: NSGA-II, 20 designs, seed 1, warm-started. */
const sourceOf = (problem: Problem, population: number[][], runEvaluations = 2000): ReoptimizeSource => ({
  problem,
  create: (p, initial) => createAlgorithm('nsga2', p, { seed: 1, population: 20, initial } as AlgorithmOptions),
  population: population.map((x) => Float64Array.from(x)),
  runEvaluations,
});

describe('objectiveGains: best per objective no worse than the knee elsewhere', () => {
  // cost = 1/x (minimized), capacity = x (maximized); knee x = 10. Candidates x = 9 … 12 except x = 11: capacity
  // is best at x = 12 (+2, and its cost 1/12 is no worse), cost is best there too (1/12 − 1/10).
  const objectives = [
    { name: 'cost', sense: 'minimize' as const, unit: 'USD' },
    { name: 'capacity', sense: 'maximize' as const, unit: 'W' },
  ];
  const knee = { cost: 0.1, capacity: 10 };
  it('gives each objective its analytic change', () => {
    const cands = [9, 10, 10.5, 12].map((x) => [1 / x, -x]);
    const [cost, capacity] = objectiveGains(objectives, knee, cands);
    expect(cost!.change).toBeCloseTo(1 / 12 - 1 / 10, 14);
    expect(capacity!.change).toBe(2);
    expect(capacity!.best).toBe(12);
  });
  it('a design better in one objective but worse in another does not count', () => {
    // x = 9 is worse in capacity, so it cannot lower… cost = 1/9 is worse anyway; x = 11 with cost 0.2 (> 0.1)
    const cands = [
      [1 / 9, -9],
      [0.2, -11],
    ];
    const [cost, capacity] = objectiveGains(objectives, knee, cands);
    expect(cost!.change).toBe(0);
    expect(capacity!.change).toBe(0);
  });
});

describe('relaxedProblem and the budget', () => {
  it('moves only the named constraints by RELAXATION of |limit| (g − 0.1) and adds the knee cone f ≤ knee', () => {
    const p: Problem = {
      name: 't',
      variables: [{ kind: 'real', name: 'x', lower: 0, upper: 1 }],
      objectives: [{ name: 'x', sense: 'minimize' }],
      constraints: [{ name: 'a' }, { name: 'b' }],
      evaluate: (x) => ok([x[0]!], [0.05, 0.05]),
    };
    // knee at −2 (a maximized 2, negated): f = 0.5 lies (0.5 + 2)/2 = 1.25 past it
    const r = relaxedProblem(p, new Set([1]), [-2]);
    const e = r.evaluate(Float64Array.of(0.5));
    expect(e.status === 'ok' && [...e.g]).toEqual([0.05, 0.05 - 0.1, 1.25]);
    expect(r.constraints.map((c) => c.name)).toEqual(['a', 'b', 'x no worse than the knee']);
    expect(RELAXATION).toBe(0.1);
  });
  it('splits 20 % of the run over the relaxations, 2 to 10 generations each', () => {
    // flagship: 50,000 evaluations, 200 designs, 4 binding constraints: 10,000 / 800 = 12.5 → the cap 10
    expect(relaxationGenerations(50000, 200, 4)).toBe(10);
    // 4,000 evaluations, 100 designs, 2 constraints: 800 / 200 = 4
    expect(relaxationGenerations(4000, 100, 2)).toBe(4);
    expect(relaxationGenerations(200, 100, 3)).toBe(2);
  });
});

/**
 * min (x, y) subject to x + y ≥ 2 (scaled: g = (2 − x − y)/2), x, y ∈ [0, 4]: the front is x + y = 2 and, being
 * straight, every design is a knee; the knee given is (1, 1). Relaxed by 10 % the limit is 1.8: holding y ≤ 1, x can
 * fall to 0.8 — the shadow price is −0.2 in each objective, and no search can find more.
 */
describe('a continuous limit: min (x, y) s.t. x + y ≥ 2', () => {
  const problem: Problem = {
    name: 'sum',
    variables: [
      { kind: 'real', name: 'x', lower: 0, upper: 4 },
      { kind: 'real', name: 'y', lower: 0, upper: 4 },
    ],
    objectives: [
      { name: 'x', sense: 'minimize' },
      { name: 'y', sense: 'minimize' },
    ],
    constraints: [{ name: 'x + y >= 2' }, { name: 'x <= 4' }],
    evaluate: (v) => ok([v[0]!, v[1]!], [(2 - v[0]! - v[1]!) / 2, (v[0]! - 4) / 4]),
  };
  const pareto = {
    objectives: [
      { name: 'x', sense: 'minimize' as const, unit: 'm' },
      { name: 'y', sense: 'minimize' as const, unit: 'm' },
    ],
  };
  const knee: ParetoDesign = {
    index: 7,
    variables: { x: 1, y: 1 },
    objectives: { x: 1, y: 1 },
    constraints: { 'x + y >= 2': 0, 'x <= 4': -0.75 },
    record: null,
  };
  // the run's final population: the front x + y = 2 (and some designs off it)
  const population = Array.from({ length: 20 }, (_, k) => [(2 * k) / 19, 2 - (2 * k) / 19 + (k % 3) * 0.1]);
  const binding = [{ name: 'x + y >= 2', margin: 0 }];

  it('buys most of the analytic −0.2 in each objective, never more', () => {
    const r = shadowPrices(sourceOf(problem, population), pareto, knee, binding)!;
    expect(r.relaxation).toBe(0.1);
    expect(r.gains).toHaveLength(1);
    expect(r.gains[0]!.constraint).toBe('x + y >= 2');
    for (const o of r.gains[0]!.objectives) {
      expect(o.knee).toBe(1);
      expect(o.change).toBeGreaterThanOrEqual(-0.2 - 1e-12);
      expect(o.change).toBeLessThan(-0.1); // at least half the analytic price in 10 generations of 20
    }
    // designs past the stated limit (x + y < 2) on the relaxed front
    expect(r.gains[0]!.pastLimit).toBeGreaterThan(0);
    // generations from the budget: 20 % of 2000 over one relaxation and the control of 20 designs = 10, the cap
    expect(r.generations).toBe(10);
    expect(r.evaluations).toBe(400);
  });

  it('is deterministic: the same run gives the same prices', () => {
    const a = shadowPrices(sourceOf(problem, population), pareto, knee, binding);
    const b = shadowPrices(sourceOf(problem, population), pareto, knee, binding);
    expect(b).toEqual(a);
  });

  it('a constraint the problem lacks is left out; nothing binding gives null', () => {
    const src = sourceOf(problem, population);
    expect(shadowPrices(src, pareto, knee, [{ name: 'absent', margin: 0 }])).toBeNull();
    expect(shadowPrices(src, pareto, knee, [])).toBeNull();
  });

  it('shows a table row per paying constraint with the change and its percentage', () => {
    const r = shadowPrices(sourceOf(problem, population), pareto, knee, binding)!;
    const v = relaxationView(r);
    expect(v.table!.headers).toEqual(['limit relaxed by 10 %', 'x [m]', 'y [m]']);
    expect(v.table!.rows[0]![0]).toBe('x + y >= 2');
    // e.g. "-0.19 (-19.0 %)": a loss of about a fifth of the knee's value
    expect(v.table!.rows[0]![1]).toMatch(/^-0\.1\d+ \(-1\d\.\d %\)$/);
    expect(v.note).toContain('10-generation re-optimization');
  });
});

/**
 * A stepped requirement: capacity = 100 × n Gbps with n ∈ 0..8 whole terminals, capacity ≥ 400 (g = (400 − c)/400),
 * cost = n + y and mass = 1 − y + n/10, y ∈ [0, 1]. The knee has n = 4, the fewest that meet 400. Relaxed to 360, n = 3
 * (300 Gbps) still fails: no design lies between the limits and the relaxation buys nothing.
 */
describe('a limit met in whole steps: 4 × 100 Gbps ≥ 400', () => {
  const problem: Problem = {
    name: 'steps',
    variables: [
      { kind: 'int', name: 'n', lower: 0, upper: 8 },
      { kind: 'real', name: 'y', lower: 0, upper: 1 },
    ],
    objectives: [
      { name: 'cost', sense: 'minimize' },
      { name: 'mass', sense: 'minimize' },
    ],
    constraints: [{ name: 'capacity >= 400' }],
    evaluate: (v) => ok([v[0]! + v[1]!, 1 - v[1]! + v[0]! / 10], [(400 - 100 * v[0]!) / 400]),
  };
  const pareto = {
    objectives: [
      { name: 'cost', sense: 'minimize' as const, unit: 'USD' },
      { name: 'mass', sense: 'minimize' as const, unit: 'kg' },
    ],
  };
  const knee: ParetoDesign = {
    index: 3,
    variables: { n: 4, y: 0.5 },
    objectives: { cost: 4.5, mass: 0.9 },
    constraints: { 'capacity >= 400': 0 },
    record: null,
  };
  const population = Array.from({ length: 20 }, (_, k) => [4 + (k % 3), k / 19]);

  it('buys nothing, finds no design between the limits and says so in one sentence', () => {
    const r = shadowPrices(sourceOf(problem, population), pareto, knee, [{ name: 'capacity >= 400', margin: 0 }])!;
    expect(r.gains[0]!.pastLimit).toBe(0);
    for (const o of r.gains[0]!.objectives) expect(o.change).toBe(0);
    const v = relaxationView(r);
    expect(v.table).toBeNull();
    expect(v.note).toMatch(
      /^No binding limit moves the answer: relaxing it by 10 % buys nothing beyond what .* finds with none relaxed.*: capacity >= 400 \(no design as good as the knee past the stated limit\)\.$/,
    );
  });
});
