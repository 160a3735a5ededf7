/**
 * The registry (names, default sizes, bad names and sizes refused; ZDT and DTLZ optima land on their fronts);
 * short optimizations on three constrained benchmarks (well under a second each), with IGD+ and HV thresholds
 * measured against the analytic fronts; and the shipped study files (designs/benchmarks/).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_NAMES,
  benchmarkNormalization,
  createBenchmarkProblem,
  paretoFront,
} from '../../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate, type Problem } from '../../../src/optimize/types.js';
import { hypervolume } from '../../../src/optimize/indicators/hypervolume.js';
import { igdPlus } from '../../../src/optimize/indicators/igd.js';
import { createAlgorithm } from '../../../solvers/index.js';
import { loadStudyProblem } from '../../../src/run/problem.js';
import { benchmarkStudySchema } from '../../../src/study/studySchema.js';
import { P, run } from './problems.js';

/** Runs `generations` generations and returns the archive's objectives normalized by benchmarkNormalization. */
function optimize(
  name: string,
  problem: Problem,
  algorithm: string,
  population: number,
  generations: number,
  seed: number,
  extra: { optionQuota?: number } = {},
): number[][] {
  const alg = createAlgorithm(algorithm, problem, {
    population,
    seed,
    ...extra,
    ...(algorithm === 'nsga3' ? { partitions: 12 } : {}),
  });
  for (let g = 0; g < generations; g++) alg.tell(alg.ask().map((x) => safeEvaluate(problem, x)));
  return normalized(
    name,
    problem.objectives.length,
    alg.archive().map((ind) => ind.f),
  );
}

/** Objective vectors mapped by benchmarkNormalization (ideal to 0, nadir to 1); as they are without one. */
function normalized(name: string, m: number, points: readonly ArrayLike<number>[]): number[][] {
  const b = benchmarkNormalization(name, m) ?? {
    ideal: new Array<number>(m).fill(0),
    nadir: new Array<number>(m).fill(1),
  };
  return points.map((p) => Array.from(p, (v, i) => (v - b.ideal[i]!) / (b.nadir[i]! - b.ideal[i]!)));
}

function normalizedFront(name: string, m: number): number[][] {
  return normalized(name, m, paretoFront(name, m));
}

describe('registry: ZDT and DTLZ', () => {
  it('createBenchmarkProblem rejects unknown names and lists the valid ones', () => {
    expect(() => P('zdt9')).toThrow(RangeError);
    expect(() => P('zdt9')).toThrow(/zdt1, zdt2, zdt3, zdt4, zdt6, dtlz1/);
    expect(() => P('zdt1', 3)).toThrow(RangeError);
  });

  it('uses the default sizes and objective names', () => {
    expect(P('zdt1').variables).toHaveLength(30);
    expect(P('zdt4').variables).toHaveLength(10);
    expect(P('zdt6').variables).toHaveLength(10);
    expect(P('dtlz1').variables).toHaveLength(7);
    expect(P('dtlz2').variables).toHaveLength(12);
    expect(P('dtlz7').variables).toHaveLength(22);
    const p = P('dtlz2', 5);
    expect(p.objectives.map((o) => o.name)).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
    expect(p.constraints).toHaveLength(0);
    for (const name of BENCHMARK_NAMES) expect(createBenchmarkProblem({ problem: name }).name).toBe(name);
  });

  it('Pareto-optimal designs land on the analytic fronts', () => {
    const zdt1 = P('zdt1');
    const [f1, f2] = run(zdt1, [0.25, ...new Array<number>(29).fill(0)]).f;
    expect(f2!).toBeCloseTo(1 - Math.sqrt(f1!), 14);
    const zdt4 = P('zdt4');
    expect(run(zdt4, [0.36, ...new Array<number>(9).fill(0)]).f[1]).toBeCloseTo(0.4, 12);
    const dtlz2 = P('dtlz2');
    const f = run(dtlz2, [0.3, 0.7, ...new Array<number>(10).fill(0.5)]).f;
    expect(f.reduce((s, v) => s + v * v, 0)).toBeCloseTo(1, 14);
    const dtlz1 = P('dtlz1');
    expect(run(dtlz1, [0.3, 0.7, 0.5, 0.5, 0.5, 0.5, 0.5]).f.reduce((s, v) => s + v, 0)).toBeCloseTo(0.5, 14);
    const dtlz7 = P('dtlz7');
    const g7 = run(dtlz7, [0.1, 0.7, ...new Array<number>(20).fill(0)]).f;
    const front7 = 6 - [0.1, 0.7].reduce((s, v) => s + v * (1 + Math.sin(3 * Math.PI * v)), 0);
    expect(g7[2]).toBeCloseTo(front7, 12);
  });
});

describe('registry', () => {
  it('builds every listed problem with its default sizes, and rejects bad names and sizes', () => {
    for (const name of BENCHMARK_NAMES) {
      const p = P(name);
      expect(p.name).toBe(name);
      const x = Float64Array.from(p.variables, (v) =>
        v.kind === 'choice' ? 0 : v.kind === 'int' ? v.lower : (v.lower + v.upper) / 2,
      );
      const e = p.evaluate(x);
      expect(e.status).toBe('ok');
      if (e.status === 'ok') {
        expect(e.f).toHaveLength(p.objectives.length);
        expect(e.g).toHaveLength(p.constraints.length);
      }
    }
    expect(() => P('wfg10')).toThrow(/valid names: .*mixed1/);
    expect(() => P('bnh', 3)).toThrow(RangeError);
    expect(() => P('osy', 2, 5)).toThrow(RangeError);
    expect(() => P('mw1', 3)).toThrow(RangeError);
    expect(() => P('wfg2', 3, 23)).toThrow(/even/); // k = 4, l = 19
    expect(() => P('wfg4', 3, 4)).toThrow(RangeError); // needs n > k = 4
    expect(() => P('c2dtlz2', 3, 2)).toThrow(RangeError);
  });

  it('uses the documented default sizes', () => {
    const sizes: Record<string, [number, number, number]> = {
      // name: [variables, objectives, constraints]
      c1dtlz1: [7, 3, 1],
      c2dtlz2: [12, 3, 1],
      c3dtlz4: [7, 3, 3],
      idtlz1: [7, 3, 0],
      sdtlz1: [7, 3, 0],
      sdtlz2: [12, 3, 0],
      dtlz5: [12, 3, 0],
      dtlz6: [12, 3, 0],
      mw1: [15, 2, 1],
      mw2: [15, 2, 1],
      mw3: [15, 2, 2],
      bnh: [2, 2, 2],
      osy: [6, 2, 6],
      tnk: [2, 2, 2],
      srn: [2, 2, 2],
      ctp1: [2, 2, 2],
      mixed1: [5, 2, 3],
      wfg1: [24, 3, 0],
      wfg9: [24, 3, 0],
    };
    for (const [name, [n, m, c]] of Object.entries(sizes)) {
      const p = P(name);
      expect([p.variables.length, p.objectives.length, p.constraints.length], name).toEqual([n, m, c]);
    }
    expect(P('wfg1', 2).variables).toHaveLength(24); // k = 4, l = 20
    expect(P('wfg1', 5).variables).toHaveLength(28); // k = 2(5 - 1) = 8, l = 20
    const w = P('wfg3');
    expect(w.variables.map((v) => (v.kind === 'real' ? v.upper : NaN)).slice(0, 3)).toEqual([2, 4, 6]); // z_i ∈ [0, 2i]
  });
});

describe('short optimizations reach the analytic fronts', () => {
  it('mixed1 (real + int + choice, ~1/3 feasible): NSGA-II, 40 × 50 generations', () => {
    // Thresholds: seeds 1–3 reached IGD+ 0.0022–0.0024 and HV 0.8265–0.8269 against the front's 0.8308
    // (normalized by (1, 1.1), reference 1.1²). IGD+ < 0.004 needs all three pieces, i.e. the choice and the
    // integer solved: a run stuck on the linear shape (the best curve without the convex option) scores
    // IGD+ > 0.03, one stuck on n = 2 (never n = 3 above x = 0.5) 0.0053, as checked first.
    const front = normalizedFront('mixed1', 2);
    // the failure modes, as sets on their own best curves (normalized by 1.1 in f2)
    const xs = Array.from({ length: 401 }, (_, i) => i / 400);
    const linearOnly = xs.map((x) => [x, ((x < 0.5 ? 1.1 : 1) * (1 - x)) / 1.1]);
    const nTwoOnly = xs.map((x) => [x, (1.1 * (x < 0.25 ? 1 - x : 1 - Math.sqrt(x))) / 1.1]);
    expect(igdPlus(linearOnly, front)).toBeGreaterThan(0.03);
    expect(igdPlus(nTwoOnly, front)).toBeGreaterThan(0.005);
    // the plain pymoo operators (optionQuota 0): option niches spend matings on rare options and converge slower on
    // this small budget (seeds 1–5 at 40 × 50: IGD+ 0.0036–0.0076 with niches, 0.0021–0.0052 without;
    // docs/algorithms.md)
    const A = optimize('mixed1', createBenchmarkProblem({ problem: 'mixed1' }), 'nsga2', 40, 50, 1, { optionQuota: 0 });
    expect(igdPlus(A, front)).toBeLessThan(0.004);
    expect(hypervolume(A, [1.1, 1.1])).toBeGreaterThan(0.825);
  });

  it('OSY (six constraints, five front segments): NSGA-II, 60 × 100 generations', () => {
    // Seeds 1–3 reached IGD+ 0.007–0.011 and HV 0.942–0.955 (front 0.9688; normalized by the front's ideal
    // (-274, 4) and nadir (-42, 76)). IGD+ forgives a lost segment little: without CD (f2 from 18.9 to 28) the
    // front itself scores IGD+ 0.016 and HV 0.937, without AB and BC (the x1 = 5 vertex, f2 above 28) 0.026 and
    // 0.911; IGD+ < 0.015 with HV > 0.94 rules those out.
    const front = normalizedFront('osy', 2);
    const without = (lo: number, hi: number): number[][] =>
      front.filter((p) => p[1]! * 72 + 4 < lo - 1e-9 || p[1]! * 72 + 4 > hi + 1e-9);
    for (const [lo, hi] of [
      [18.93, 28],
      [28, 76],
    ] as const) {
      const A = without(lo, hi);
      expect(igdPlus(A, front) > 0.015 || hypervolume(A, [1.1, 1.1]) < 0.94).toBe(true);
    }
    const A = optimize('osy', createBenchmarkProblem({ problem: 'osy' }), 'nsga2', 60, 100, 1);
    expect(igdPlus(A, front)).toBeLessThan(0.015);
    expect(hypervolume(A, [1.1, 1.1])).toBeGreaterThan(0.94);
  });

  it('C2-DTLZ2 (four feasible caps, 3 objectives): NSGA-III, 92 × 60 generations', () => {
    // Seeds 1–3 reached IGD+ 0.015–0.024 and HV 0.660–0.684 (a 20,000-point sample of the caps has 0.726,
    // reference 1.1³). IGD+ < 0.05 and a point in each of the four caps: the front without its centre cap
    // already scores IGD+ > 0.05 (checked first).
    const front = normalizedFront('c2dtlz2', 3);
    const withoutCentre = front.filter((f) => f.reduce((s, v) => s + (v - 1 / Math.sqrt(3)) ** 2, 0) > 0.16);
    expect(igdPlus(withoutCentre, front)).toBeGreaterThan(0.05);
    const A = optimize('c2dtlz2', createBenchmarkProblem({ problem: 'c2dtlz2' }), 'nsga3', 92, 60, 1);
    expect(igdPlus(A, front)).toBeLessThan(0.05);
    expect(hypervolume(A, [1.1, 1.1, 1.1])).toBeGreaterThan(0.64);
    const r2 = 0.16;
    const within = (c: readonly number[]): boolean =>
      A.some((f) => f.reduce((s, v, i) => s + (v - c[i]!) ** 2, 0) <= r2 + 1e-9);
    const a = 1 / Math.sqrt(3);
    for (const c of [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
      [a, a, a],
    ])
      expect(within(c), `cap around ${c}`).toBe(true);
  });
});

describe('study files (designs/benchmarks/)', () => {
  const dir = 'designs/benchmarks';
  it('every benchmark has a study file with a header comment, loading as that problem', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    for (const name of BENCHMARK_NAMES) {
      if (['zdt4', 'zdt6', 'dtlz3', 'dtlz4', 'dtlz7'].includes(name)) continue; // the original set ships without these
      const file = `${name}.yaml`;
      expect(files, name).toContain(file);
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      expect(text.startsWith('# '), `${file} starts with its header comment`).toBe(true);
      expect(text, `${file} states what a run reaches`).toMatch(/HV/);
      const s = loadStudyProblem(`${dir}/${file}`);
      expect(s.kind).toBe('benchmark');
      expect(s.benchmark?.problem).toBe(name);
      expect(s.problem.name).toBe(name);
      expect(s.algorithm.generations).toBeGreaterThan(0);
      if (s.problem.objectives.length >= 3) expect(s.algorithm.name).toMatch(/nsga[23]/);
    }
  });

  it('the study schema lists every benchmark name', () => {
    const described = benchmarkStudySchema().shape.problem.description ?? '';
    for (const name of BENCHMARK_NAMES) expect(described.split(/[\s|:]+/), name).toContain(name);
  });
});
