import { describe, expect, it } from 'vitest';
import { comparisonMetrics, type ComparisonParams } from '../../src/models/cost/comparisonMetrics.js';
import { islPayload } from '../../src/models/links/isl.js';
import { learningCurve, lotCost_USD, spacecraftLearningRate } from '../../src/models/cost/learningCurve.js';
import { precisionFactor } from '../../src/models/compute/precision.js';
import { nonNegative, positive } from '../../src/models/validate.js';

/**
 * Small models at the ends of their stated validity ranges and on closed-form cases: each closed end is accepted,
 * each open end refused with a message naming the field.
 */

/** H_N = ln N + γ + 1/(2N) − 1/(12N²) + 1/(120N⁴) − … (Euler–Maclaurin; Abramowitz & Stegun 6.3.18 for ψ). */
const EULER_GAMMA = 0.5772156649015329;
const harmonic = (n: number): number =>
  Math.log(n) + EULER_GAMMA + 1 / (2 * n) - 1 / (12 * n ** 2) + 1 / (120 * n ** 4);

describe('learning curve: validity range and closed forms', () => {
  it('accepts the ends b = 0.5 and b = 1, one unit and 10⁹ units; refuses just beyond', () => {
    expect(learningCurve({ firstUnitCost_USD: 1, learningRate: 0.5, units: 1 }).total_USD).toBe(1);
    expect(learningCurve({ firstUnitCost_USD: 1, learningRate: 1, units: 1e9 }).total_USD).toBeCloseTo(1e9, 3);
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.49, units: 2 })).toThrow(
      /learningRate must be in \[0.5, 1\], got 0.49/,
    );
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 1.01, units: 2 })).toThrow(/got 1.01/);
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 0 })).toThrow(
      /units must be an integer in \[1, 1e9\], got 0/,
    );
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 1e9 + 1 })).toThrow(/units must/);
    // a lot of one unit (from = to) is that unit's cost: unit 4 at 90 % is 0.9² = 0.81
    expect(lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 4, toUnit: 4 })).toBeCloseTo(0.81, 14);
    expect(() => lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 0, toUnit: 4 })).toThrow(
      /fromUnit must be an integer in \[1, 1e9\]/,
    );
    expect(() => spacecraftLearningRate(0)).toThrow(/units must be/);
    expect(() => lotCost_USD({ firstUnitCost_USD: -1, learningRate: 0.9, fromUnit: 1, toUnit: 2 })).toThrow(
      /firstUnitCost_USD must be a finite number ≥ 0/,
    );
  });

  it('b = 0.5 is the harmonic series: the unit curve total of 10 000 units is H₁₀₀₀₀ = 9.787606036', () => {
    // e = −1: the Euler–Maclaurin tail beyond 1,000 units integrates 1/x to ln(N/K)
    const r = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.5, units: 10_000 });
    expect(r.exponent).toBe(-1);
    expect(r.total_USD).toBeCloseTo(harmonic(10_000), 11);
    expect(r.total_USD).toBeCloseTo(9.787606036044382, 11);
    expect(r.lastUnitCost_USD).toBeCloseTo(1e-4, 15);
    expect(r.averageToFirstRatio).toBeCloseTo(harmonic(10_000) / 10_000, 14);
    // 1,001 units: one term past the exact sum, H₁₀₀₁ = H₁₀₀₀ + 1/1001
    const r1001 = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.5, units: 1001 });
    expect(r1001.total_USD).toBeCloseTo(harmonic(1001), 11);
  });

  it('unit formulation: the last unit of a long run is T₁·N^e exactly; a lot defaults to the unit curve', () => {
    // 10⁶ units at 90 %: T(N) = N^log₂0.9, not the difference of two Euler–Maclaurin totals
    const e = Math.log2(0.9);
    expect(learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 1e6 }).lastUnitCost_USD).toBeCloseTo(
      1e6 ** e,
      15,
    );
    // units 3–4 at 90 % on the unit curve: 3^e + 4^e = 0.8462 + 0.81
    expect(lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 3, toUnit: 4 })).toBeCloseTo(
      3 ** e + 0.81,
      14,
    );
  });

  it('cumulative-average at b = 0.5: average(N) = 1/N, so the total of any run is T₁ and unit 1 is all of it', () => {
    const form = 'cumulative-average' as const;
    const one = learningCurve({ firstUnitCost_USD: 7, learningRate: 0.5, units: 1, formulation: form });
    expect([one.total_USD, one.lastUnitCost_USD]).toEqual([7, 7]);
    const four = learningCurve({ firstUnitCost_USD: 7, learningRate: 0.5, units: 4, formulation: form });
    expect(four.total_USD).toBeCloseTo(7, 14);
    expect(four.lastUnitCost_USD).toBeCloseTo(0, 14);
    expect(lotCost_USD({ firstUnitCost_USD: 7, learningRate: 0.5, fromUnit: 1, toUnit: 4, formulation: form })).toBe(7);
  });
});

describe('precision factor', () => {
  it('names the unknown precision, the row’s or the workload’s', () => {
    expect(() => precisionFactor({ rowPrecision: 'BF17' })).toThrow(/unknown precision BF17/);
    expect(() => precisionFactor({ rowPrecision: 'BF16', precision: 'FP7' })).toThrow(/unknown precision FP7/);
    // an unknown row precision is named even when the workload's is known
    expect(() => precisionFactor({ rowPrecision: 'BF17', precision: 'FP8' })).toThrow(/unknown precision BF17$/);
  });

  it('sparsity doubles only when asked: sparse false and sparse absent are dense', () => {
    expect(precisionFactor({ rowPrecision: 'FP8', precision: 'INT4', sparse: false })).toEqual({
      factor: 2,
      precision: 'INT4',
    });
    expect(precisionFactor({ rowPrecision: 'FP8', precision: 'INT4', sparse: true }).factor).toBe(4);
  });
});

describe('comparison metrics and the shared checks', () => {
  const base: ComparisonParams = {
    lcoc_USD_per_PFLOP_day: 0,
    lcocDiscounted_USD_per_PFLOP_day: 0,
    deliveredPFLOPS: 24,
    chips: 1,
    itPowerAvg_W: 1e6,
  };

  it('an LCOC of 0 is valid; a negative or NaN one is refused by name', () => {
    expect(comparisonMetrics(base).costPerMWh_USD).toBe(0);
    expect(() => comparisonMetrics({ ...base, lcocDiscounted_USD_per_PFLOP_day: -1 })).toThrow(
      /lcocDiscounted_USD_per_PFLOP_day must be ≥ 0 \(or \+Infinity\), got -1/,
    );
    expect(() => comparisonMetrics({ ...base, lcoc_USD_per_PFLOP_day: NaN })).toThrow(/lcoc_USD_per_PFLOP_day must/);
    expect(() => comparisonMetrics({ ...base, chips: 0 })).toThrow(/chips must be a finite number > 0, got 0/);
    expect(() => comparisonMetrics({ ...base, deliveredPFLOPS: 0 })).toThrow(/deliveredPFLOPS must/);
    expect(() => comparisonMetrics({ ...base, itPowerAvg_W: -1 })).toThrow(/itPowerAvg_W must/);
  });

  it('positive and nonNegative: 0 is non-negative but not positive; ∞ and NaN are neither', () => {
    expect(() => positive('x', 1e-300)).not.toThrow();
    expect(() => positive('x', 0)).toThrow('x must be a finite number > 0, got 0');
    expect(() => positive('x', Infinity)).toThrow(/got Infinity/);
    expect(() => nonNegative('y', 0)).not.toThrow();
    expect(() => nonNegative('y', -1e-300)).toThrow(/y must be a finite number ≥ 0, got -1e-300/);
    expect(() => nonNegative('y', Infinity)).toThrow(/got Infinity/);
    expect(() => nonNegative('y', NaN)).toThrow(/got NaN/);
  });
});

describe('ISL payload', () => {
  const terminal = { capacity_Gbps: 10, mass_kg: 5, power_W: 50, cost_USD: 1e5 };

  it('terminal figures of 0 are valid; each negative figure is refused', () => {
    const zero = { capacity_Gbps: 0, mass_kg: 0, power_W: 0, cost_USD: 0 };
    expect(islPayload({ topology: 'mesh', terminal: zero }).terminals).toBe(6);
    for (const k of ['capacity_Gbps', 'mass_kg', 'power_W', 'cost_USD'] as const)
      expect(() => islPayload({ topology: 'ring', terminal: { ...terminal, [k]: -1 } })).toThrow(
        /capacity_Gbps, mass_kg, power_W and cost_USD must all be ≥ 0/,
      );
    expect(() => islPayload({ topology: 'star' as never, terminal })).toThrow(
      /ISL topology 'star' is not one of none, ring, grid, mesh/,
    );
  });

  it('a grid of 4 terminals: 20 kg, 200 W, 40 Gbps, 400 k$', () => {
    expect(islPayload({ topology: 'grid', terminal })).toEqual({
      topology: 'grid',
      terminals: 4,
      mass_kg: 20,
      power_W: 200,
      capacity_Gbps: 40,
      cost_USD: 4e5,
    });
  });
});
