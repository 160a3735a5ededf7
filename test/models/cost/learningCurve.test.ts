import { describe, expect, it } from 'vitest';
import {
  expectedLotCost_USD,
  programmeLearningRate,
  learningCurve,
  learningExponent,
  lotCost_USD,
  spacecraftLearningRate,
} from '../../../src/models/cost/learningCurve.js';

const oneDollar_USD = 1;

describe('learningCurve, unit formulation', () => {
  it('unit 8 at 90 % costs 0.9³ = 0.729 of the first; unit 3 costs 0.8462 (standard table of unit values)', () => {
    expect(learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 8 }).lastUnitCost_USD).toBeCloseTo(
      0.729,
      12,
    );
    expect(learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 3 }).lastUnitCost_USD).toBeCloseTo(
      0.8462,
      4,
    );
    expect(learningExponent(0.9)).toBeCloseTo(-0.152003, 6); // log2 0.9
  });

  it('reproduces the published 80 % unit-curve table (T₁ = 100,000: cumulative 314,210 / 534,591 / 892,014 / 6,247,572)', () => {
    // Operations-management texts' 80 % learning-curve exhibit (unit, cumulative and cumulative-average hours).
    const at = (units: number) => learningCurve({ firstUnitCost_USD: 100000, learningRate: 0.8, units });
    expect(Math.abs(at(4).total_USD - 314210)).toBeLessThan(oneDollar_USD);
    expect(Math.abs(at(8).total_USD - 534591)).toBeLessThan(oneDollar_USD);
    expect(Math.abs(at(16).total_USD - 892014)).toBeLessThan(oneDollar_USD);
    expect(Math.abs(at(256).total_USD - 6247572)).toBeLessThan(oneDollar_USD);
    expect(Math.abs(at(256).lastUnitCost_USD - 16777)).toBeLessThan(oneDollar_USD);
    expect(Math.abs(at(8).average_USD - 66824)).toBeLessThan(oneDollar_USD);
    // Same table, T₁ = 10: 1,000 units cost 1,586.7092 in all.
    expect(learningCurve({ firstUnitCost_USD: 10, learningRate: 0.8, units: 1000 }).total_USD).toBeCloseTo(
      1586.7092,
      4,
    );
  });

  it('the Euler–Maclaurin tail matches a term-by-term sum for 100,000 units at 85 %', () => {
    const e = Math.log2(0.85);
    let sum = 0;
    for (let n = 1; n <= 100000; n++) sum += n ** e;
    const r = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.85, units: 100000 });
    expect(r.total_USD).toBeWithinRelative(sum, 1e-10);
    // And across the exact/approximate boundary (1,000 → 1,001 units) the total grows by exactly one unit.
    const total = (units: number) => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.85, units }).total_USD;
    expect(total(1001) - total(1000)).toBeCloseTo(1001 ** e, 10);
  });

  it('a lot priced again on a kept tail sum is the term-by-term sum, whatever was priced in between', () => {
    // 8,334 units at 90 %: the flagship's fleet. Priced, then other (e, N) pairs, then again: each time the plain sum.
    const sum = (rate: number, N: number) => {
      let s = 0;
      for (let n = 1; n <= N; n++) s += n ** Math.log2(rate);
      return s;
    };
    const total = (rate: number, units: number) =>
      learningCurve({ firstUnitCost_USD: 1, learningRate: rate, units }).total_USD;
    for (const [rate, N] of [
      [0.9, 8334],
      [0.85, 8334],
      [0.9, 16668],
      [0.9, 8334],
      [0.85, 8334],
    ] as const)
      expect(total(rate, N)).toBeWithinRelative(sum(rate, N), 1e-10);
    expect(lotCost_USD({ firstUnitCost_USD: 2, learningRate: 0.9, fromUnit: 8335, toUnit: 16668 })).toBeWithinRelative(
      2 * (sum(0.9, 16668) - sum(0.9, 8334)),
      1e-9,
    );
  });

  it('no learning (b = 1): every unit costs T₁', () => {
    const r = learningCurve({ firstUnitCost_USD: 7, learningRate: 1, units: 50 });
    expect(r.total_USD).toBeCloseTo(350, 9);
    expect(r.averageToFirstRatio).toBeCloseTo(1, 12);
  });
});

describe('learningCurve, cumulative-average formulation (Wright 1936)', () => {
  it('80 %: average of 2 units 0.8 → unit 2 costs 0.6; 4 units average 0.64, total 2.56', () => {
    expect(
      learningCurve({ firstUnitCost_USD: 1, learningRate: 0.8, units: 2, formulation: 'cumulative-average' })
        .lastUnitCost_USD,
    ).toBeCloseTo(0.6, 12);
    const r = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.8, units: 4, formulation: 'cumulative-average' });
    expect(r.average_USD).toBeCloseTo(0.64, 12);
    expect(r.total_USD).toBeCloseTo(2.56, 12);
  });
});

describe('lotCost_USD and spacecraftLearningRate', () => {
  it('a replacement lot continues the curve: units 3–4 at 90 % cost 0.8462 + 0.81 = 1.6562 T₁', () => {
    expect(lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 3, toUnit: 4 })).toBeCloseTo(1.6562, 4);
    expect(lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 1, toUnit: 8 })).toBeCloseTo(
      learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 8 }).total_USD,
      12,
    );
  });

  it('SMAD ch. 20 brackets: 95 % below 10 units, 90 % for 10–50, 85 % above 50', () => {
    expect([1, 9, 10, 50, 51, 5000].map(spacecraftLearningRate)).toEqual([0.95, 0.95, 0.9, 0.9, 0.85, 0.85]);
  });

  it('refuses a learning rate outside [0.5, 1] and non-integer unit counts', () => {
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 90, units: 2 })).toThrow(/learningRate/);
    expect(() => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.9, units: 2.5 })).toThrow(/units/);
    expect(() => lotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, fromUnit: 5, toUnit: 4 })).toThrow(/toUnit/);
    expect(() => learningCurve({ firstUnitCost_USD: -1, learningRate: 0.9, units: 2 })).toThrow(/firstUnitCost_USD/);
  });
});

describe('ranges', () => {
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
      expect(lotCost_USD({ firstUnitCost_USD: 7, learningRate: 0.5, fromUnit: 1, toUnit: 4, formulation: form })).toBe(
        7,
      );
    });
  });
});

describe('programme pricing (programmeLearningRate)', () => {
  it('AI1-class programme at 85 %: unit 1,024 costs 0.85¹⁰ = 0.19687 T₁; 4 units average 0.836354 T₁', () => {
    // unit n costs T₁·n^log2(0.85); 1,024 = 2¹⁰ → 0.85¹⁰ = 0.196874
    const r = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.85, units: 1024 });
    expect(r.lastUnitCost_USD).toBeCloseTo(0.196874, 6);
    // by hand: log2(0.85) = −0.234465, 3^−0.234465 = e^(−0.257587) = 0.772915; 1 + 0.85 + 0.772915 + 0.85² (0.7225)
    // = 3.345415 → average 0.836354
    const four = learningCurve({ firstUnitCost_USD: 1, learningRate: 0.85, units: 4 });
    expect(four.average_USD).toBeCloseTo(0.836354, 5);
  });
  it('the rate follows the programme size by SMAD ch. 20 unless given; heritage pricing never learns', () => {
    expect(programmeLearningRate('programme', 1)).toBe(0.95);
    expect(programmeLearningRate('programme', 12)).toBe(0.9);
    expect(programmeLearningRate('programme', 8334)).toBe(0.85);
    expect(programmeLearningRate('programme', 8334, 0.8)).toBe(0.8);
    expect(programmeLearningRate('heritage', 8334)).toBe(1);
    expect(programmeLearningRate('heritage', 8334, 0.8)).toBe(1);
  });
});

describe('expectedLotCost_USD (an expected, not whole, number of units)', () => {
  it('T1 = 1, LR 0.9, 2.5 units after 4: units 5 and 6 and half of unit 7', () => {
    // e = log2 0.9 = −0.152003: 5^e = 0.782987, 6^e = 0.761585, 7^e = 0.743948 → 0.782987 + 0.761585 + 0.371974
    // = 1.916546
    const lot = expectedLotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, built: 4, count: 2.5 });
    expect(lot).toBeCloseTo(1.916546, 5);
    expect(expectedLotCost_USD({ firstUnitCost_USD: 1, learningRate: 0.9, built: 4, count: 0 })).toBe(0);
  });

  it("whole counts equal the lot's cost; the cumulative-average form is T1·x^(e+1) (Wright's 80 %: 2.56 − 1.6)", () => {
    const lot = lotCost_USD({ firstUnitCost_USD: 3, learningRate: 0.9, fromUnit: 1001, toUnit: 1500 });
    expect(expectedLotCost_USD({ firstUnitCost_USD: 3, learningRate: 0.9, built: 1000, count: 500 })).toBeCloseTo(
      lot,
      9,
    );
    // 80 %: average of 4 units = 0.64 → total 2.56; of 2 units 0.8 → 1.6; the lot of units 3–4 = 0.96
    const wright = { firstUnitCost_USD: 1, learningRate: 0.8, built: 2, count: 2 };
    expect(expectedLotCost_USD({ ...wright, formulation: 'cumulative-average' })).toBeCloseTo(0.96, 12);
  });

  it('refuses a fractional or negative built count and a negative count', () => {
    const p = { firstUnitCost_USD: 1, learningRate: 0.9, built: 4, count: 1 };
    expect(() => expectedLotCost_USD({ ...p, built: 1.5 })).toThrow(/built/);
    expect(() => expectedLotCost_USD({ ...p, built: -1 })).toThrow(/built/);
    expect(() => expectedLotCost_USD({ ...p, count: -1 })).toThrow(/count/);
  });
});
