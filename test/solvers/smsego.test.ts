/**
 * SMS-EGO: its building blocks against hand calculations (the indicators' hypervolume of a few points, exclusive
 * contributions, the confidence-bound gain, the categorical encoding, the criterion's penalty) and the algorithm's
 * contract (same seed same proposals, resume from a snapshot, warm-start designs first, no design proposed twice).
 */
import { describe, expect, it } from 'vitest';
import { createBenchmarkProblem } from '../../src/optimize/benchmarks/benchmarks.js';
import { safeEvaluate, type Problem } from '../../src/optimize/types.js';
import { createAlgorithm } from '../../solvers/index.js';
import type { Algorithm, AlgorithmOptions } from '../../solvers/types.js';
import { compileLayout } from '../../solvers/operators/layout.js';
import { hypervolume } from '../../src/optimize/indicators/hypervolume.js';
import {
  additiveEpsilon,
  constrainedValue,
  hypervolumeContribution,
  lcbGain,
  logNormalCdf,
  smsValue,
} from '../../solvers/smsego/criterion.js';
import { compileEncoding, encode } from '../../solvers/smsego/encoding.js';
import { REFIT_EVERY } from '../../solvers/smsego/models.js';
import { normalCdf } from '../../solvers/parego/infill.js';

function drive(a: Algorithm, p: Problem, budget: number, batches: Float64Array[][] = []): Algorithm {
  while (a.progress().evaluations < budget) {
    const xs = a.ask();
    batches.push(xs.map((x) => Float64Array.from(x)));
    a.tell(xs.map((x) => safeEvaluate(p, x)));
  }
  return a;
}

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
    const a: Float64Array[][] = [];
    const b: Float64Array[][] = [];
    const c: Float64Array[][] = [];
    drive(createAlgorithm('smsego', small(), opts(4)), small(), 24, a);
    drive(createAlgorithm('smsego', small(), opts(4)), small(), 24, b);
    drive(createAlgorithm('smsego', small(), opts(5)), small(), 24, c);
    const flat = (bs: Float64Array[][]): number[][] => bs.flat().map((x) => Array.from(x));
    expect(flat(b)).toEqual(flat(a));
    expect(flat(c)).not.toEqual(flat(a));
    const keys = flat(a).map((x) => x.join(','));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a snapshot taken mid-run (JSON round trip) continues identically', () => {
    const p = small();
    const whole: Float64Array[][] = [];
    drive(createAlgorithm('smsego', p, opts(9)), p, 24, whole);
    const first: Float64Array[][] = [];
    const part = drive(createAlgorithm('smsego', p, opts(9)), p, 15, first);
    const snap = JSON.parse(JSON.stringify(part.snapshot())) as ReturnType<Algorithm['snapshot']>;
    const resumed = createAlgorithm('smsego', p, opts(9), snap);
    const rest: Float64Array[][] = [];
    drive(resumed, p, 24, rest);
    expect(first.concat(rest).map((bs) => bs.map((x) => Array.from(x)))).toEqual(
      whole.map((bs) => bs.map((x) => Array.from(x))),
    );
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
