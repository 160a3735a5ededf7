/**
 * Given-data first-order importance (src/statistics/importance.ts) against analytic first-order Sobol' indices of
 * additive test functions of independent uniform inputs, where S_i = Var(f_i(X_i)) / Var(Y) in closed form.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/base/rng.js';
import { firstOrderImportance, MAX_BINS, relativeImportance } from '../../src/statistics/importance.js';

function uniformColumns(n: number, d: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const cols = Array.from({ length: d }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (const c of cols) c[i] = rng.next();
  return cols;
}

describe('firstOrderImportance', () => {
  it('ranks the two variables that matter first and second, with their analytic shares', () => {
    // y = 4 x3 + 2 sin(2π x5) on six U(0, 1) inputs: Var(4 x3) = 16/12 = 4/3, Var(2 sin(2π x5)) = 4 · 1/2 = 2,
    // Var(y) = 10/3, so S3 = 0.4, S5 = 0.6 and every other input 0
    const n = 4000;
    const x = uniformColumns(n, 6, 7);
    const y = Float64Array.from({ length: n }, (_, i) => 4 * x[2]![i]! + 2 * Math.sin(2 * Math.PI * x[4]![i]!));
    const ranked = firstOrderImportance(x, y);
    expect(ranked.map((r) => r.input).slice(0, 2)).toEqual([4, 2]);
    const by = (k: number): number => ranked.find((r) => r.input === k)!.index;
    // sampling error of a variance share at n = 4000 is ~0.02; binning at ⌈√4000⌉ = 64 → 50 bins loses < 0.1 %
    expect(by(4)).toBeCloseTo(0.6, 1);
    expect(by(2)).toBeCloseTo(0.4, 1);
    expect(Math.abs(by(4) - 0.6)).toBeLessThan(0.04);
    expect(Math.abs(by(2) - 0.4)).toBeLessThan(0.04);
    for (const k of [0, 1, 3, 5]) expect(by(k)).toBeLessThan(0.01);
    expect(ranked[0]!.bins).toBe(MAX_BINS);
  });

  it('debiases an input without effect: η² near (B − 1)/(n − 1), ε² near 0', () => {
    const n = 900;
    const [x, noise] = uniformColumns(n, 2, 11);
    const r = firstOrderImportance([x!], noise!)[0]!;
    // B = ⌈√900⌉ = 30 bins: E[η²] = 29/899 ≈ 0.032 for pure noise
    expect(r.bins).toBe(30);
    expect(r.eta2).toBeGreaterThan(0.01);
    expect(r.eta2).toBeLessThan(0.07);
    expect(r.index).toBeLessThan(0.02);
  });

  it('gives a choice input one bin per option and its whole share when the output depends on it alone', () => {
    // options 0, 1, 2 in turn; y = 10 · option: all variance between options
    const n = 300;
    const c = Float64Array.from({ length: n }, (_, i) => i % 3);
    const y = Float64Array.from(c, (v) => 10 * v);
    const r = firstOrderImportance([c], y)[0]!;
    expect(r.bins).toBe(3);
    expect(r.eta2).toBeCloseTo(1, 12);
    expect(r.index).toBeCloseTo(1, 12);
  });

  it('scores a pure interaction ≈ 0 (first order only, as the header says)', () => {
    const n = 4000;
    const x = uniformColumns(n, 2, 3);
    const y = Float64Array.from({ length: n }, (_, i) => (x[0]![i]! - 0.5) * (x[1]![i]! - 0.5));
    for (const r of firstOrderImportance(x, y)) expect(r.index).toBeLessThan(0.02);
  });

  it('leaves out rows whose output is not finite, and gives 0 for a constant output', () => {
    const x = Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7]);
    const y = Float64Array.from([0, 1, 2, 3, NaN, 5, 6, Infinity]);
    expect(firstOrderImportance([x], y)[0]!.rows).toBe(6);
    const flat = firstOrderImportance([x], new Float64Array(8).fill(2))[0]!;
    expect(flat.index).toBe(0);
  });

  it('outputs near the largest double: the hand case scaled by 1e308, not NaN', () => {
    // the hand case below (ε² = 1/7, η² = 4/7) with y × 3e307: the indices are ratios of sums of squares, unchanged;
    // unscaled, the mean of 0, 6e307, 9e307 and the squares overflow to Infinity − Infinity = NaN
    const [r] = firstOrderImportance([Float64Array.from([0, 1, 2])], Float64Array.from([0, 6e307, 9e307]));
    expect(r!.eta2).toBeCloseTo(4 / 7, 12);
    expect(r!.index).toBeCloseTo(1 / 7, 12);
    // outputs of both signs at the limit, a log with 1e308 cells
    const x = Float64Array.from({ length: 64 }, (_, i) => i);
    const y = Float64Array.from({ length: 64 }, (_, i) => (i < 32 ? -1e308 : 1e308));
    const [s] = firstOrderImportance([x], y);
    expect(Number.isFinite(s!.index)).toBe(true);
    expect(s!.index).toBeGreaterThan(0.9); // the input splits the output in two halves: nearly all of its variance
  });

  it('three rows in two bins, by hand; two rows are too few', () => {
    // x = 0, 1, 2 → ⌈√3⌉ = 2 bins {0, 1} and {2}; y = 0, 2, 3: mean 5/3, SS_total = 42/9 = 14/3,
    // SS_between = 2·(1 − 5/3)² + (3 − 5/3)² = 8/3, so η² = 4/7 and ε² = 1 − (2 / (3 − 2)) / ((14/3) / (3 − 1)) = 1/7
    const [r] = firstOrderImportance([Float64Array.from([0, 1, 2])], Float64Array.from([0, 2, 3]));
    expect(r!.bins).toBe(2);
    expect(r!.eta2).toBeCloseTo(4 / 7, 12);
    expect(r!.index).toBeCloseTo(1 / 7, 12);
    expect(firstOrderImportance([Float64Array.from([0, 1])], Float64Array.from([0, 2]))).toEqual([
      { input: 0, index: 0, eta2: 0, bins: 0, rows: 2 },
    ]);
  });

  it('correlated inputs share credit past 1; the relative importance sums to 1 and keeps the order', () => {
    // x2 = x1 exactly and y = x1: each alone explains all of Var(y), so both indices ≈ 1 and their sum ≈ 2
    const n = 2000;
    const [x1] = uniformColumns(n, 1, 11);
    const y = Float64Array.from(x1!);
    const ranked = firstOrderImportance([x1!, Float64Array.from(x1!)], y);
    const sum = ranked.reduce((a, r) => a + r.index, 0);
    expect(sum).toBeGreaterThan(1.9);
    // by hand: 0.9 and 0.9 → 0.5 each; 3, 1, 0 → 0.75, 0.25, 0; nothing → zeros
    expect(relativeImportance([0.9, 0.9])).toEqual([0.5, 0.5]);
    expect(relativeImportance([3, 1, 0])).toEqual([0.75, 0.25, 0]);
    expect(relativeImportance([0, 0])).toEqual([0, 0]);
  });
});
