import { describe, expect, it } from 'vitest';
import {
  createBenchmarkProblem,
  BENCHMARK_NAMES,
  dasDennis,
  paretoFront,
} from '../../src/optimize/benchmarks/benchmarks.js';
import { dominates } from '../../src/optimize/pareto/dominance.js';

function evalF(problem: ReturnType<typeof createBenchmarkProblem>, x: number[]): number[] {
  const e = problem.evaluate(Float64Array.from(x));
  if (e.status !== 'ok') throw new Error('failed');
  return Array.from(e.f);
}

describe('benchmark problems', () => {
  it('createBenchmarkProblem rejects unknown names and lists the valid ones', () => {
    expect(() => createBenchmarkProblem({ problem: 'zdt9' })).toThrow(RangeError);
    expect(() => createBenchmarkProblem({ problem: 'zdt9' })).toThrow(/zdt1, zdt2, zdt3, zdt4, zdt6, dtlz1/);
    expect(() => createBenchmarkProblem({ problem: 'zdt1', objectives: 3 })).toThrow(RangeError);
  });

  it('uses the default sizes and objective names', () => {
    expect(createBenchmarkProblem({ problem: 'zdt1' }).variables).toHaveLength(30);
    expect(createBenchmarkProblem({ problem: 'zdt4' }).variables).toHaveLength(10);
    expect(createBenchmarkProblem({ problem: 'zdt6' }).variables).toHaveLength(10);
    expect(createBenchmarkProblem({ problem: 'dtlz1' }).variables).toHaveLength(7);
    expect(createBenchmarkProblem({ problem: 'dtlz2' }).variables).toHaveLength(12);
    expect(createBenchmarkProblem({ problem: 'dtlz7' }).variables).toHaveLength(22);
    const p = createBenchmarkProblem({ problem: 'dtlz2', objectives: 5 });
    expect(p.objectives.map((o) => o.name)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(p.constraints).toHaveLength(0);
    for (const name of BENCHMARK_NAMES) expect(createBenchmarkProblem({ problem: name }).name).toBe(name);
  });

  it('Pareto-optimal designs land on the analytic fronts', () => {
    const zdt1 = createBenchmarkProblem({ problem: 'zdt1' });
    const [f1, f2] = evalF(zdt1, [0.25, ...new Array<number>(29).fill(0)]);
    expect(f2!).toBeCloseTo(1 - Math.sqrt(f1!), 14);
    const zdt4 = createBenchmarkProblem({ problem: 'zdt4' });
    expect(evalF(zdt4, [0.36, ...new Array<number>(9).fill(0)])[1]).toBeCloseTo(0.4, 12);
    const dtlz2 = createBenchmarkProblem({ problem: 'dtlz2' });
    const f = evalF(dtlz2, [0.3, 0.7, ...new Array<number>(10).fill(0.5)]);
    expect(f.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 14);
    const dtlz1 = createBenchmarkProblem({ problem: 'dtlz1' });
    expect(evalF(dtlz1, [0.3, 0.7, 0.5, 0.5, 0.5, 0.5, 0.5]).reduce((s, v) => s + v, 0)).toBeCloseTo(0.5, 14);
    const dtlz7 = createBenchmarkProblem({ problem: 'dtlz7' });
    const g7 = evalF(dtlz7, [0.1, 0.7, ...new Array<number>(20).fill(0)]);
    const front7 = 6 - [0.1, 0.7].reduce((s, v) => s + v * (1 + Math.sin(3 * Math.PI * v)), 0);
    expect(g7[2]).toBeCloseTo(front7, 12);
  });

  it('analytic fronts have the documented sizes and are mutually non-dominated', () => {
    expect(paretoFront('zdt1', 2, 1000)).toHaveLength(1000);
    expect(paretoFront('dtlz2', 3, 861)).toHaveLength(861);
    expect(dasDennis(3, 12)).toHaveLength(91);
    const dominatedPairs = (front: readonly Float64Array[]): number => {
      let c = 0;
      for (const a of front) for (const b of front) if (dominates(a, b)) c++;
      return c;
    };
    for (const name of ['zdt3', 'dtlz7']) {
      const front = paretoFront(name, 2, 200);
      expect(front.length).toBeGreaterThan(190);
      expect(dominatedPairs(front)).toBe(0);
    }
    const f3 = paretoFront('dtlz7', 3);
    expect(f3.length).toBeGreaterThan(900);
    expect(dominatedPairs(f3)).toBe(0);
    expect(() => paretoFront('nope')).toThrow(RangeError);
  });
});
