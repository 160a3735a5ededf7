/**
 * The explorer's optimization history (src/serve/optimizationHistory.ts) on a six-evaluation run worked out by hand:
 * best-so-far per objective (one minimized, one maximized; an infeasible and a failed evaluation skipped) and the
 * hypervolume of the feasible non-dominated set after each evaluation, as unions of boxes to the reference 1.1.
 */
import { describe, expect, it } from 'vitest';
import { checkpointsOf, optimizationHistory } from '../../src/serve/optimizationHistory.js';

// f1 minimized, f2 maximized; rows in log order
const f1 = Float64Array.from([4, 2, 3, NaN, 1, 2]);
const f2 = Float64Array.from([1, 2, 3, NaN, 2, 4]);
// row 1 infeasible, row 3 failed
const feasible = Uint8Array.from([1, 0, 1, 0, 1, 1]);
const input = { objectives: [f1, f2], senses: ['minimize', 'maximize'] as const, feasible };

describe('optimizationHistory', () => {
  it('best feasible value so far of each objective, in its own sense', () => {
    const h = optimizationHistory({ ...input, normalization: null });
    expect(Array.from(h.best[0]!)).toEqual([4, 4, 3, 3, 1, 1]);
    expect(Array.from(h.best[1]!)).toEqual([1, 1, 3, 3, 3, 4]);
  });

  it("hypervolume after each evaluation on the run's normalization, against boxes drawn by hand", () => {
    // minimized space (f1, −f2), ideal (0, −5) → 0 and nadir (5, 0) → 1: a point maps to (f1 / 5, (5 − f2) / 5)
    // row 0 (0.8, 0.8), row 2 (0.6, 0.4), row 4 (0.2, 0.6), row 5 (0.4, 0.2); reference (1.1, 1.1)
    const normalization = { ideal: [0, -5], nadir: [5, 0], reference: [1.1, 1.1] };
    const h = optimizationHistory({ ...input, normalization });
    expect(Array.from(h.checkpoints)).toEqual([1, 2, 3, 4, 5, 6]);
    const want = [
      0.3 * 0.3, // {row 0}
      0.3 * 0.3, // row 1 infeasible
      0.5 * 0.7, // row 2 dominates row 0
      0.5 * 0.7, // row 3 failed
      0.9 * 0.5 + 0.5 * 0.7 - 0.5 * 0.5, // {row 2, row 4}: two boxes less their overlap
      0.9 * 0.5 + 0.7 * 0.9 - 0.7 * 0.5, // row 5 dominates row 2: {row 4, row 5}
    ];
    h.hypervolume.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 12));
    expect(h.normalizationSource).toBe('run');
    expect(Array.from(h.standardError).every(Number.isNaN)).toBe(true);
  });

  it("without the run's normalization, the last set's ideal and nadir", () => {
    // last set {row 4 (1, −2), row 5 (2, −4)}: ideal (1, −4), nadir (2, −2) → row 4 (0, 1), row 5 (1, 0)
    const h = optimizationHistory({ ...input, normalization: null });
    expect(h.normalization.ideal).toEqual([1, -4]);
    expect(h.normalization.nadir).toEqual([2, -2]);
    expect(h.hypervolume[5]).toBeCloseTo(1.1 * 0.1 + 0.1 * 1.1 - 0.1 * 0.1, 12);
    expect(h.normalizationSource).toBe('log');
  });

  it('checkpoints: at most 100, evenly spaced, ending at the last evaluation', () => {
    const ks = checkpointsOf(1000);
    expect(ks.length).toBe(100);
    expect(ks[0]).toBe(10);
    expect(ks[99]).toBe(1000);
    expect(Array.from(checkpointsOf(3))).toEqual([1, 2, 3]);
    expect(checkpointsOf(0).length).toBe(0);
  });
});
