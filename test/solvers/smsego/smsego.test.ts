/**
 * SMS-EGO: its building blocks against hand calculations (the indicators' hypervolume of a few points, exclusive
 * contributions, the confidence-bound gain, the categorical encoding, the criterion's penalty) and the algorithm's
 * contract (same seed same proposals, resume from a snapshot, warm-start designs first, no design proposed twice).
 */
import { describe, expect, it } from 'vitest';
import { createBenchmarkProblem } from '../../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate, type Problem } from '../../../src/optimize/types.js';
import { createAlgorithm } from '../../../solvers/index.js';
import type { Algorithm } from '../../../solvers/types.js';
import type { AlgorithmOptions } from '../../../solvers/index.js';
import { compileLayout } from '../../../solvers/operators/layout.js';
import { hypervolume } from '../../../src/optimize/indicators/hypervolume.js';
import {
  additiveEpsilon,
  constrainedValue,
  hypervolumeContribution,
  lcbGain,
  logNormalCdf,
  smsValue,
} from '../../../solvers/smsego/criterion.js';
import { compileEncoding, encode } from '../../../solvers/smsego/encoding.js';
import { REFIT_EVERY } from '../../../solvers/smsego/models.js';
import { normalCdf } from '../../../solvers/parego/infill.js';
import { createRng } from '../../../src/base/rng.js';
import { drive, flat, plain, proposals, resumedRun } from '../drive.js';
import { type AlgorithmSnapshot } from '../../../solvers/types.js';
import { DuplicateFilter } from '../../../solvers/operators/duplicates.js';
import { maximizeCriterion, type Scored } from '../../../solvers/surrogate/criterionSearch.js';
import {
  bestByChebyshev,
  failureStreak,
  halfWidths,
  improved,
  initialLength,
  INITIAL_TRUST,
  regionStartSize,
  TRUST,
  TrustBoxes,
  trustRegionOn,
  updateTrust,
  type TrustState,
} from '../../../solvers/smsego/trustRegion.js';

const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

describe('SMS-EGO building blocks', () => {
  it("the indicators' hypervolume SMS-EGO uses, by hand: 2-D staircase and 3-D boxes", () => {
    // 2-D, r = (1, 1): (0, 0.5) and (0.5, 0) → 0.5 + 0.5 − 0.25 = 0.75; a dominated point adds nothing
    expect(hypervolume([f64(0, 0.5), f64(0.5, 0), f64(0.6, 0.6)], f64(1, 1))).toBeCloseTo(0.75, 14);
    // 3-D, r = (1, 1, 1): boxes [0.5,1]×[0,1]×[0,1] (0.5) and [0,1]×[0.5,1]×[0,1] (0.5), overlap 0.25 → 0.75;
    // plus (0, 0, 0.5): [0,1]²×[0.5,1] = 0.5, of which [0.5,1]×[0,1]×[0.5,1] ∪ [0,1]×[0.5,1]×[0.5,1] (0.375) is counted
    expect(hypervolume([f64(0.5, 0, 0), f64(0, 0.5, 0)], f64(1, 1, 1))).toBeCloseTo(0.75, 14);
    expect(hypervolume([f64(0.5, 0, 0), f64(0, 0.5, 0), f64(0, 0, 0.5)], f64(1, 1, 1))).toBeCloseTo(0.875, 14);
    // 4-D by slicing: one point at the origin fills the unit box; a point outside the box counts nothing
    expect(hypervolume([f64(0, 0, 0, 0), f64(2, 0, 0, 0)], f64(1, 1, 1, 1))).toBeCloseTo(1, 14);
  });

  it('exclusive contribution = HV(front ∪ p) − HV(front); 0 for a dominated point', () => {
    const front = [f64(0.5, 0, 0), f64(0, 0.5, 0)];
    const r = f64(1, 1, 1);
    const p = f64(0, 0, 0.5);
    expect(hypervolumeContribution(p, front, r, 3)).toBeCloseTo(0.875 - 0.75, 14);
    expect(hypervolumeContribution(f64(0.6, 0.1, 0.1), front, r, 3)).toBe(0);
    // 2-D, r = (1, 1), front (0.2, 0.6), (0.6, 0.2): p = (0.4, 0.4) adds the square [0.4, 0.6)² = 0.04;
    // a point on the reference's edge, or NaN, adds nothing
    const front2 = [f64(0.2, 0.6), f64(0.6, 0.2)];
    expect(hypervolumeContribution(f64(0.4, 0.4), front2, f64(1, 1), 2)).toBeCloseTo(0.04, 14);
    expect(hypervolumeContribution(f64(0.1, 0.1), [], f64(1, 1), 2)).toBeCloseTo(0.81, 14);
    expect(hypervolumeContribution(f64(1, 0), front2, f64(1, 1), 2)).toBe(0);
    expect(hypervolumeContribution(f64(NaN, 0), front2, f64(1, 1), 2)).toBe(0);
  });

  it('gain α: (1 − 2Φ(−α))^m = ½ — the quartile 0.6745 for one objective, 1.0518 for two', () => {
    expect(lcbGain(1)).toBeCloseTo(0.6745, 3);
    expect(lcbGain(2)).toBeCloseTo(1.0518, 3);
    const a3 = lcbGain(3);
    expect((1 - 2 * normalCdf(-a3)) ** 3).toBeCloseTo(0.5, 6);
  });

  it('log Φ against tabulated values (A&S table 26.1) and finite far out', () => {
    expect(logNormalCdf(-1)).toBeCloseTo(Math.log(0.158655254), 6);
    expect(logNormalCdf(-6)).toBeCloseTo(Math.log(9.8658765e-10), 5);
    expect(logNormalCdf(0)).toBeCloseTo(Math.log(0.5), 6);
    expect(logNormalCdf(-40)).toBeLessThan(-800);
    expect(Number.isFinite(logNormalCdf(-40))).toBe(true);
  });

  it('log Φ is exactly 0 above z = 9, as log of the rounded Φ; below it, log Φ(8) = log(1 − 6.2e-16)', () => {
    // Φ(9) = 1 − 1.1e-19 (A&S 26.2.12's tail bound φ(z)/z): below half an ulp of 1, so the double is 1 and its log 0
    for (let z = 9.0001; z < 40; z += 0.37) {
      expect(Math.log(normalCdf(z))).toBe(0);
      expect(logNormalCdf(z)).toBe(0);
    }
    expect(logNormalCdf(Infinity)).toBe(0);
    // 1 − Φ(8) = 6.2e-16 (A&S table 26.1): more than half an ulp below 1, so log Φ(8) is not 0 (about −6e-16)
    expect(logNormalCdf(8)).toBeLessThan(0);
    expect(logNormalCdf(8)).toBeGreaterThan(-2e-15);
  });

  it('penalty when ε-dominated: −(Π(1 + max(0, ŷ − a)) − 1), by hand', () => {
    const front = [f64(0, 0)];
    const ctx = { front, m: 2, gain: 1, epsilon: additiveEpsilon(front, 2, 0) };
    // one front point: span 1 by convention, ε = 1 / 1 = 1; ŷ = (0.5, 0.2) is dominated: −((1.5)(1.2) − 1) = −0.8
    expect(smsValue(f64(0.5, 0.2), ctx)).toBeCloseTo(-0.8, 14);
    const two = [f64(0, 1), f64(1, 0)];
    const ctx2 = { front: two, m: 2, gain: 1, epsilon: additiveEpsilon(two, 2, 98) };
    // ε = 1 / (2 + 0.75 × 98) ≈ 0.0132; ŷ = (0.5, 0.5) is not ε-dominated; r = 1.1: its box 0.6² less the front's
    // part of it, (0.5, 1) and (1, 0.5) clipped: 0.6 × 0.1 + 0.1 × 0.6 − 0.1 × 0.1 → 0.36 − 0.11 = 0.25
    expect(smsValue(f64(0.5, 0.5), ctx2)).toBeCloseTo(0.25, 12);
    // constraints: a positive score scaled by PoF, a penalty lowered by 1 − PoF
    expect(constrainedValue(0.4, Math.log(0.25), true)).toBeCloseTo(0.1, 14);
    expect(constrainedValue(-0.2, Math.log(0.25), true)).toBeCloseTo(-0.95, 14);
    expect(constrainedValue(0.4, -3, false)).toBe(-3);
  });

  it('a choice is one-hot: any two options at squared distance 1, like the two ends of a real range', () => {
    const layout = compileLayout([
      { name: 'a', kind: 'real', lower: 10, upper: 20 },
      { name: 'c', kind: 'choice', options: ['x', 'y', 'z'] },
    ]);
    const enc = compileEncoding(layout);
    expect(enc.d).toBe(4);
    const u = (x: number[]): Float64Array => {
      const out = new Float64Array(enc.d);
      encode(layout, enc, Float64Array.from(x), out);
      return out;
    };
    const d2 = (a: Float64Array, b: Float64Array): number => a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0);
    expect(d2(u([10, 0]), u([10, 1]))).toBeCloseTo(1, 14);
    expect(d2(u([10, 0]), u([10, 2]))).toBeCloseTo(1, 14);
    expect(d2(u([10, 0]), u([20, 0]))).toBeCloseTo(1, 14);
    expect(Array.from(u([15, 2]))).toEqual([0.5, 0, 0, Math.SQRT1_2]);
  });
});

describe('SMS-EGO', () => {
  const small = (): Problem => createBenchmarkProblem({ problem: 'dtlz2', objectives: 3, variables: 4 });
  const opts = (seed: number, extra: Partial<AlgorithmOptions> = {}): AlgorithmOptions => ({
    population: 10,
    seed,
    evaluations: 24,
    batch: 3,
    ...extra,
  });

  it('same seed, same proposals; another seed, others; no design proposed twice', () => {
    const [a, b, c] = [4, 4, 5].map((seed) => flat(proposals('smsego', small(), opts(seed), 24)));
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    const keys = a!.map((x) => x.join(','));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a snapshot taken mid-run (JSON round trip) continues identically', () => {
    const { whole, first, rest } = resumedRun('smsego', small(), opts(9), 15, 24);
    expect(plain(first.concat(rest))).toEqual(plain(whole));
  });

  it('hyperparameters are refitted at batches 1, 4, 7 … and reused in between (REFIT_EVERY = 3)', () => {
    expect(REFIT_EVERY).toBe(3);
    const p = small();
    const a = createAlgorithm('smsego', p, opts(2, { evaluations: 8 + 3 * 7 }));
    const hyper = (): string => JSON.stringify(a.snapshot()['objectiveHyper']);
    a.tell(a.ask().map((x) => safeEvaluate(p, x))); // the start (d + 1 = 5 designs: the region is on), no model yet
    const seen: string[] = [];
    for (let batch = 1; batch <= 7; batch++) {
      a.tell(a.ask().map((x) => safeEvaluate(p, x)));
      seen.push(hyper());
    }
    expect(seen[0]).not.toBe('[]');
    // batches 2, 3 reuse batch 1's fit; 4 refits (more data: other optimum); 5, 6 reuse it; 7 refits
    expect([seen[1], seen[2]]).toEqual([seen[0], seen[0]]);
    expect(seen[3]).not.toBe(seen[0]);
    expect([seen[4], seen[5]]).toEqual([seen[3], seen[3]]);
    expect(seen[6]).not.toBe(seen[3]);
  });

  it('warm-start designs are evaluated first', () => {
    const x0 = Float64Array.from([0.5, 0.5, 0.5, 0.5]);
    const a = createAlgorithm('smsego', small(), opts(1, { initial: { designs: [x0] } }));
    expect(Array.from(a.ask()[0]!)).toEqual(Array.from(x0));
  });
});

describe('trust region', () => {
  /**
   * SMS-EGO's adaptive trust region (solvers/smsego/trustRegion.ts): the TuRBO size rule against hand-worked sequences
   * (expand after 3 successes, shrink after τ_f failures, restart below the minimum), the per-variable shape from the
   * length scales by hand, the boxes' projection and placement, and the algorithm's contract with the region on (same
   * seed same proposals, a resumed run equals the uninterrupted one, the state is in the snapshot); the default rule
   * ('auto': on exactly for problems without constraints) on the rule itself and on the algorithm.
   */
  /** The state after a sequence of batches ('S' success, 'F' failure) from `s`. */
  function run(s: TrustState, seq: string, tolerance: number): TrustState {
    for (const c of seq) s = updateTrust(s, c === 'S', tolerance);
    return s;
  }

  const at = (length: number): TrustState => ({ length, successes: 0, failures: 0, restarts: 0 });

  describe('trust region: size rule (TuRBO)', () => {
    it("TuRBO's constants: L₀ 0.8, L_max 1.6, L_min 2⁻⁷, 3 successes to expand", () => {
      expect(TRUST.lengthInit).toBe(0.8);
      expect(TRUST.lengthMax).toBe(1.6);
      expect(TRUST.lengthMin).toBe(1 / 128);
      expect(TRUST.successStreak).toBe(3);
      expect(INITIAL_TRUST).toEqual(at(0.8));
    });

    it('failure tolerance ⌈max(4 / q, n / q)⌉ by hand', () => {
      expect(failureStreak(12, 4)).toBe(3); // max(1, 3)
      expect(failureStreak(30, 4)).toBe(8); // ⌈7.5⌉
      expect(failureStreak(2, 1)).toBe(4); // max(4, 2)
      expect(failureStreak(3, 4)).toBe(1); // max(1, 0.75)
    });

    it('doubles after 3 successes in a row, capped at 1.6; a failure in between breaks the run', () => {
      expect(run(at(0.4), 'SS', 3)).toEqual({ length: 0.4, successes: 2, failures: 0, restarts: 0 });
      expect(run(at(0.4), 'SSS', 3)).toEqual(at(0.8));
      expect(run(at(0.4), 'SSSSSS', 3)).toEqual(at(1.6));
      expect(run(at(1), 'SSS', 3).length).toBe(1.6);
      expect(run(at(0.4), 'SSFSS', 3)).toEqual({ length: 0.4, successes: 2, failures: 0, restarts: 0 });
    });

    it('halves after τ_f failures in a row; a success in between breaks the run', () => {
      expect(run(at(0.8), 'FF', 3)).toEqual({ length: 0.8, successes: 0, failures: 2, restarts: 0 });
      expect(run(at(0.8), 'FFF', 3)).toEqual(at(0.4));
      expect(run(at(0.8), 'FFSFF', 3)).toEqual({ length: 0.8, successes: 0, failures: 2, restarts: 0 });
      expect(run(at(0.8), 'FFFFFF', 3)).toEqual(at(0.2));
    });

    it('restarts at L₀ when halving would go below 2⁻⁷: 0.8 / 2⁶ = 0.0125 stays, 0.8 / 2⁷ = 0.00625 restarts', () => {
      expect(run(at(0.8), 'FFFFFF', 1)).toEqual(at(0.0125));
      expect(run(at(0.8), 'FFFFFFF', 1)).toEqual({ length: 0.8, successes: 0, failures: 0, restarts: 1 });
    });

    it('success: hypervolume up by more than 5 % of it', () => {
      expect(TRUST.improvement).toBe(0.05);
      expect(improved(1, 1.04)).toBe(false);
      expect(improved(1, 1.06)).toBe(true);
      expect(improved(0.2, 0.2095)).toBe(false); // +4.75 %
      expect(improved(0.2, 0.2105)).toBe(true); // +5.25 %
      expect(improved(0.5, 0.5)).toBe(false);
      expect(improved(0, 0)).toBe(false);
      expect(improved(0, 0.3)).toBe(true);
    });
  });

  describe('trust region: shape and boxes', () => {
    const layout = compileLayout([
      { name: 'a', kind: 'real', lower: 0, upper: 10 },
      { name: 'b', kind: 'real', lower: 0, upper: 1 },
      { name: 'k', kind: 'int', lower: 0, upper: 5 },
    ]);
    const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

    it('edges L · ℓ_i / (Π ℓ)^(1/n) on the real variables, ℓ capped at 1; NaN for the integer', () => {
      // ℓ = (0.25, 1): geometric mean 0.5, weights 0.5 and 2, L = 0.4 → half-widths 0.1 and 0.4
      const h = halfWidths(layout, [f64(0.25, 1, 0.3)], 0.4);
      expect(h[0]).toBeCloseTo(0.1, 12);
      expect(h[1]).toBeCloseTo(0.4, 12);
      expect(h[2]).toBeNaN();
      // ℓ = 16 counts as 1: the same box (uncapped it would be weights 1/8 and 8)
      const capped = halfWidths(layout, [f64(0.25, 16, 0.3)], 0.4);
      expect(capped[0]).toBeCloseTo(0.1, 12);
      expect(capped[1]).toBeCloseTo(0.4, 12);
      // two objectives: per-variable geometric mean of (0.25, 1) and (1, 0.25) is 0.5 for both → a cube of edge L
      const two = halfWidths(layout, [f64(0.25, 1, 0.3), f64(1, 0.25, 0.3)], 0.4);
      expect(two[0]).toBeCloseTo(0.2, 12);
      expect(two[1]).toBeCloseTo(0.2, 12);
    });

    it("projects onto the nearest centre's box (box-scaled L∞), clipped to the bounds; integers untouched", () => {
      const boxes = new TrustBoxes(layout, [f64(2, 0.5, 1), f64(8, 0.5, 1)], f64(0.1, 0.1, NaN));
      // unit coordinates (0.35, 0.9): scaled distance 4 to the first centre, 4.5 to the second
      const x = f64(3.5, 0.9, 5);
      boxes.project(x);
      expect(Array.from(x)).toEqual([expect.closeTo(3, 12), expect.closeTo(0.6, 12), 5]);
      // (0.65, 0.5): 4.5 to the first, 1.5 to the second → a = 8 − 1
      const y = f64(6.5, 0.5, 0);
      boxes.project(y);
      expect(Array.from(y)).toEqual([expect.closeTo(7, 12), 0.5, 0]);
      // inside a box: unchanged
      const z = f64(2.5, 0.45, 3);
      boxes.project(z);
      expect(Array.from(z)).toEqual([2.5, 0.45, 3]);
      // a box reaching past the bounds is cut at them: centre b = 0.05, half-width 0.1 → b ∈ [0, 0.15]
      const edge = new TrustBoxes(layout, [f64(5, 0.05, 0)], f64(0.1, 0.1, NaN));
      const w = f64(5, 0.9, 0);
      edge.project(w);
      expect(w[1]).toBeCloseTo(0.15, 12);
    });

    it('places random designs inside one of the boxes and within the bounds', () => {
      const boxes = new TrustBoxes(layout, [f64(2, 0.02, 1), f64(8, 0.5, 4)], f64(0.1, 0.1, NaN));
      const rng = createRng(3);
      const inFirst = (x: Float64Array): boolean => x[0]! >= 1 && x[0]! <= 3 && x[1]! >= 0 && x[1]! <= 0.12;
      const inSecond = (x: Float64Array): boolean => x[0]! >= 7 && x[0]! <= 9 && x[1]! >= 0.4 && x[1]! <= 0.6;
      let first = 0;
      for (let i = 0; i < 200; i++) {
        const x = boxes.place(f64(0, 0, 2), rng);
        expect(inFirst(x) || inSecond(x)).toBe(true);
        expect(x[2]).toBe(2);
        if (inFirst(x)) first++;
      }
      expect(first).toBeGreaterThan(50); // both centres are drawn
      expect(first).toBeLessThan(150);
    });
  });

  describe('trust region: centres', () => {
    const f64 = (...v: number[]): Float64Array => Float64Array.from(v);

    it('the front points with the smallest max_j f_j, best first, ties in front order', () => {
      // max per point: 1, 0.6, 0.9, 0.6, 0.75 → order 1, 3 (tie, front order), 4, 2, 0
      const front = [f64(0, 1, 0.2), f64(0.6, 0.5, 0.4), f64(0.9, 0.1, 0.3), f64(0.3, 0.6, 0.6), f64(0.75, 0.2, 0)];
      expect(bestByChebyshev(front, 3)).toEqual([1, 3, 4]);
      expect(bestByChebyshev(front, 9)).toEqual([1, 3, 4, 2, 0]);
      // an extreme point (best in one objective) is not preferred: (0, 1, 0.2) comes last
      expect(bestByChebyshev(front, 5).at(-1)).toBe(0);
      expect(bestByChebyshev([], 2)).toEqual([]);
    });
  });

  describe('trust region: the infill search kept inside', () => {
    it('returns a design in the box even when the criterion rewards leaving it, and reaches its corner', () => {
      const unit = compileLayout([
        { name: 'a', kind: 'real', lower: 0, upper: 1 },
        { name: 'b', kind: 'real', lower: 0, upper: 1 },
      ]);
      const centre = Float64Array.from([0.5, 0.5]);
      const boxes = new TrustBoxes(unit, [centre], Float64Array.from([0.1, 0.05]));
      // L1 distance from the centre: without the region the optimum is a corner of [0, 1]², value 1
      const score = (x: Float64Array): Scored => ({ x, value: Math.abs(x[0]! - 0.5) + Math.abs(x[1]! - 0.5), tie: 0 });
      const all = (xs: readonly Float64Array[]): Scored[] => xs.map(score);
      const x = maximizeCriterion(unit, all, [centre], new DuplicateFilter(), createRng(5), { region: boxes })!;
      expect(Math.abs(x[0]! - 0.5)).toBeLessThanOrEqual(0.1 + 1e-12);
      expect(Math.abs(x[1]! - 0.5)).toBeLessThanOrEqual(0.05 + 1e-12);
      expect(score(x).value).toBeGreaterThan(0.14); // the box's corner is 0.15
      const free = maximizeCriterion(unit, all, [centre], new DuplicateFilter(), createRng(5))!;
      expect(score(free).value).toBeGreaterThan(0.5);
    });
  });

  describe('criterion search: each distinct design scored once', () => {
    it('a design met again takes its first score; the champion is the best design scored and not taken', () => {
      // integers on 0 … 3: children repeat parents and each other often
      const layout = compileLayout([
        { name: 'a', kind: 'int', lower: 0, upper: 3 },
        { name: 'b', kind: 'int', lower: 0, upper: 3 },
      ]);
      const counts = new Map<string, number>();
      let asked = 0;
      const value = (x: Float64Array): number => -((x[0]! - 2) ** 2) - (x[1]! - 1) ** 2;
      const score = (xs: readonly Float64Array[]): Scored[] =>
        xs.map((x) => {
          asked++;
          const k = Array.from(x).join(',');
          counts.set(k, (counts.get(k) ?? 0) + 1);
          return { x, value: value(x), tie: 0 };
        });
      const taken = new DuplicateFilter();
      taken.add(Float64Array.of(2, 1)); // the optimum is already evaluated
      const x = maximizeCriterion(layout, score, [], taken, createRng(3))!;
      expect([...counts.values()].every((c) => c === 1)).toBe(true);
      expect(counts.size).toBeLessThanOrEqual(16); // 4 × 4 designs exist; the search proposes 24 + 25 × 24 = 624
      expect(asked).toBe(counts.size);
      // the best not taken: (1, 1), (3, 1), (2, 0) or (2, 2), all at −1 — the first met wins the tie
      expect(value(x)).toBe(-1);
      expect(taken.has(x)).toBe(false);
    });
  });

  describe('SMS-EGO with the trust region', () => {
    const small = (): Problem => createBenchmarkProblem({ problem: 'dtlz2', objectives: 3, variables: 4 });
    const opts = (seed: number, trustRegion = true): AlgorithmOptions => ({
      population: 10,
      seed,
      evaluations: 40,
      batch: 3,
      trustRegion,
    });
    /** The proposals of `a` up to `budget`, appended to `out` one by one as plain arrays. */
    const driveFlat = (a: Algorithm, p: Problem, budget: number, out: number[][]): Algorithm => {
      const batches: Float64Array[][] = [];
      drive(a, p, budget, batches);
      out.push(...flat(batches));
      return a;
    };
    const roundTrip = (s: AlgorithmSnapshot): AlgorithmSnapshot => JSON.parse(JSON.stringify(s)) as AlgorithmSnapshot;

    it('on: same seed, same proposals, and not those of the run without', () => {
      const p = small();
      const a: number[][] = [];
      const b: number[][] = [];
      const without: number[][] = [];
      driveFlat(createAlgorithm('smsego', p, opts(4)), p, 40, a);
      driveFlat(createAlgorithm('smsego', p, opts(4)), p, 40, b);
      driveFlat(createAlgorithm('smsego', p, opts(4, false)), p, 40, without);
      expect(b).toEqual(a);
      expect(a).not.toEqual(without);
    });

    it('a run resumed from a mid-run snapshot equals the uninterrupted one; the trust state is needed for it', () => {
      const p = small();
      const whole: number[][] = [];
      driveFlat(createAlgorithm('smsego', p, opts(9)), p, 40, whole);
      const first: number[][] = [];
      const part = driveFlat(createAlgorithm('smsego', p, opts(9)), p, 28, first);
      const snap = roundTrip(part.snapshot());
      const trust = snap['trust'] as TrustState & { seen: number };
      // start d + 1 = 5 (4 variables), batches of 3: the last ask before 28 evaluations came at 26, when the region was
      // updated
      expect(trust.seen).toBe(26);
      expect(trust).not.toMatchObject(INITIAL_TRUST); // the region has moved: the resume below restores a real state
      const rest: number[][] = [];
      driveFlat(createAlgorithm('smsego', p, opts(9), snap), p, 40, rest);
      expect(first.concat(rest)).toEqual(whole);
      // the same snapshot with the trust state reset continues differently
      const reset = roundTrip({ ...snap, trust: { ...INITIAL_TRUST, seen: -1 } });
      const other: number[][] = [];
      driveFlat(createAlgorithm('smsego', p, opts(9), reset), p, 40, other);
      expect(first.concat(other)).not.toEqual(whole);
    });
  });

  describe("the default rule, trustRegion 'auto'", () => {
    it('on without constraints, off with any; an explicit true or false wins', () => {
      expect(trustRegionOn('auto', 0)).toBe(true);
      expect(trustRegionOn(undefined, 0)).toBe(true);
      expect(trustRegionOn('auto', 1)).toBe(false);
      expect(trustRegionOn(undefined, 12)).toBe(false);
      expect(trustRegionOn(false, 0)).toBe(false);
      expect(trustRegionOn(true, 3)).toBe(true);
    });

    it('with the region: a start of d + 1 designs (never more than without it, at least 3), by hand', () => {
      // DTLZ2's 12 variables at 100 evaluations: without the region min(11·12 − 1, ⌊100 / 3⌋) = 33, with it 13
      expect(regionStartSize(12, 33)).toBe(13);
      // ZDT1's 30 variables at 100: 31 of 33; at 60 evaluations the start without the region, 20, is smaller
      expect(regionStartSize(30, 33)).toBe(31);
      expect(regionStartSize(30, 20)).toBe(20);
      expect(regionStartSize(1, 10)).toBe(3);
      expect(regionStartSize(1, 2)).toBe(2); // a budget of 2 evaluations: the start cannot exceed it
    });

    it('initial edge 0.2 from 5 evaluations per real variable, else 0.8', () => {
      expect(initialLength(100, 12)).toBe(0.2); // 8.3 per variable
      expect(initialLength(60, 12)).toBe(0.2); // exactly 5
      expect(initialLength(59, 12)).toBe(0.8);
      expect(initialLength(100, 30)).toBe(0.8); // 3.3 per variable
      expect(initialLength(200, 30)).toBe(0.2);
      expect(initialLength(undefined, 4)).toBe(0.8); // no budget (the library without evaluations)
      expect(initialLength(100, 0)).toBe(0.8); // no real variable: the region restricts nothing
    });

    it('the algorithm applies both: DTLZ2 with 4 variables and 40 evaluations starts with 5 designs and L 0.2', () => {
      const p = createBenchmarkProblem({ problem: 'dtlz2', objectives: 3, variables: 4 });
      const a = createAlgorithm('smsego', p, { population: 10, seed: 1, evaluations: 40, batch: 3 });
      expect(a.ask().length).toBe(5);
      expect((a.snapshot()['trust'] as TrustState).length).toBe(0.2);
      const c2 = createBenchmarkProblem({ problem: 'c2dtlz2', objectives: 3, variables: 4 });
      // without the region (constraints): ⌊40 / 3⌋ = 13
      expect(createAlgorithm('smsego', c2, { population: 10, seed: 1, evaluations: 40, batch: 3 }).ask().length).toBe(
        13,
      );
    });

    /** The proposals of 25 evaluations (start 8, then batches of 3) and the snapshot's trust entry. */
    const proposals = (p: Problem, trustRegion?: boolean | 'auto'): { xs: number[][]; trust: unknown } => {
      const options = { population: 10, seed: 6, evaluations: 25, batch: 3 };
      const a = createAlgorithm('smsego', p, trustRegion === undefined ? options : { ...options, trustRegion });
      const xs: number[][] = [];
      while (a.progress().evaluations < 25) {
        const batch = a.ask();
        xs.push(...batch.map((x) => Array.from(x)));
        a.tell(batch.map((x) => safeEvaluate(p, x)));
      }
      return { xs, trust: a.snapshot()['trust'] };
    };

    it('by default SMS-EGO runs DTLZ2 (no constraints) with the region and C2-DTLZ2 (one constraint) without', () => {
      const dtlz2 = createBenchmarkProblem({ problem: 'dtlz2', objectives: 3, variables: 4 });
      expect(dtlz2.constraints.length).toBe(0);
      const d = proposals(dtlz2);
      expect(d.trust).not.toBeNull();
      expect(d.xs).toEqual(proposals(dtlz2, true).xs);
      expect(d.xs).not.toEqual(proposals(dtlz2, false).xs);
      const c2 = createBenchmarkProblem({ problem: 'c2dtlz2', objectives: 3, variables: 4 });
      expect(c2.constraints.length).toBe(1);
      const c = proposals(c2, 'auto');
      expect(c.trust).toBeNull();
      expect(c.xs).toEqual(proposals(c2, false).xs);
    });
  });
});
