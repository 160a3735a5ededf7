import { describe, expect, it } from 'vitest';
import {
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
    expect(Math.abs(r.total_USD / sum - 1)).toBeLessThan(1e-10);
    // And across the exact/approximate boundary (1,000 → 1,001 units) the total grows by exactly one unit.
    const total = (units: number) => learningCurve({ firstUnitCost_USD: 1, learningRate: 0.85, units }).total_USD;
    expect(total(1001) - total(1000)).toBeCloseTo(1001 ** e, 10);
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
