import { describe, expect, it } from 'vitest';
import {
  constellationEconomics,
  DEFAULT_LEARNING_RATE,
  expectedReplacements,
  learningCurveCost_USD,
  learningCurveSumApprox_USD,
  learningCurveSumExact_USD,
  learningUnitCost_USD,
  satelliteYearsInService,
  type ConstellationEconomicsParams,
} from '../../../src/constellation/economics/economics.js';

describe("Wright's learning curve", () => {
  it('T1 = 1, LR 0.9, N = 4: 1 + 0.9 + 0.9^log2(3) + 0.81 = 3.556206', () => {
    const hand = 1 + 0.9 + 0.9 ** Math.log2(3) + 0.81; // 0.9^1.585 = 0.846206
    expect(learningCurveSumExact_USD(1, 4, 0.9)).toBeCloseTo(hand, 12);
    expect(learningCurveSumExact_USD(1, 4, 0.9)).toBeCloseTo(3.556206, 6);
    expect(learningUnitCost_USD(1, 2, 0.9)).toBeCloseTo(0.9, 12);
    expect(learningUnitCost_USD(1, 4, 0.9)).toBeCloseTo(0.81, 12);
    expect(DEFAULT_LEARNING_RATE).toBe(0.9);
  });

  it('the continuous approximation agrees with the exact sum: 0.14 % at N = 10, 2.9e-5 at N = 1,000', () => {
    const rel = (n: number): number => learningCurveSumApprox_USD(1, n, 0.9) / learningCurveSumExact_USD(1, n, 0.9) - 1;
    expect(Math.abs(rel(10))).toBeLessThan(2e-3);
    expect(Math.abs(rel(1000))).toBeLessThan(5e-5);
    expect(Math.abs(rel(5000))).toBeLessThan(1e-5);
    // The switch from exact to approximate at 1,000 units is continuous to 3e-5.
    expect(learningCurveCost_USD(1, 1001, 0.9) - learningCurveCost_USD(1, 1000, 0.9)).toBeCloseTo(
      1001 ** Math.log2(0.9),
      1,
    );
  });

  it('a 100 % learning rate gives N·T1 (both forms)', () => {
    expect(learningCurveSumExact_USD(7, 250, 1)).toBe(1750);
    expect(learningCurveSumApprox_USD(7, 250, 1)).toBeCloseTo(1750, 9);
    expect(learningCurveCost_USD(7, 2500, 1)).toBeCloseTo(17500, 9);
  });

  it('a fractional unit count adds its fraction of the next unit; bad rates throw', () => {
    expect(learningCurveSumExact_USD(1, 2.5, 0.9)).toBeCloseTo(1.9 + 0.5 * 3 ** Math.log2(0.9), 12);
    expect(() => learningCurveSumExact_USD(1, 4, 0.5)).toThrow(RangeError);
    expect(() => learningCurveSumExact_USD(1, 4, 1.1)).toThrow(RangeError);
  });
});

describe('replacements (block replacement + constant failure rate)', () => {
  it('N = 100, H = 10 yr, L = 4 yr, λ = 2 %/yr: 0.02·1,000 + 100·(⌈2.5⌉ − 1) = 20 + 200 = 220', () => {
    expect(expectedReplacements(100, 1000, 10, 4, 0.02)).toEqual({ failures: 20, endOfLife: 200, total: 220 });
  });

  it('a renewal that falls on the horizon end is not flown: H = 8, L = 4 → one generation', () => {
    expect(expectedReplacements(100, 800, 8, 4, 0).endOfLife).toBe(100);
    expect(expectedReplacements(100, 300, 3, 5, 0).endOfLife).toBe(0);
  });

  it('satellite-years follow the deployment curve: 5 up at 1 yr, 10 at 2 yr, H = 5 → 5·1 + 10·3 = 35', () => {
    const curve = [
      { time_yr: 0, satellites: 0 },
      { time_yr: 1, satellites: 5 },
      { time_yr: 2, satellites: 10 },
    ];
    expect(satelliteYearsInService(curve, 5)).toBe(35);
    expect(satelliteYearsInService(curve, 1.5)).toBe(2.5);
  });
});

describe('constellationEconomics', () => {
  const base: ConstellationEconomicsParams = {
    satellites: 10,
    firstUnitHardware_USD: 10e6,
    learningRate: 1,
    launch_USD: 20e6,
    horizon_yr: 5,
    designLife_yr: 5,
    failureRate_per_yr: 0,
    operations_USD_per_satellite_yr: 0.5e6,
    gateways: 2,
    gatewayCapex_USD: 5e6,
    gatewayOperations_USD_per_yr: 0.5e6,
    deliveredPFLOPS_per_satellite: 2,
    modelParameters: 70e9,
  };

  it('LCOC and $/Mtoken on a hand case', () => {
    // Hardware 10 × $10M = $100M; launch $20M; operations 0.5 × 50 sat-yr = $25M; ground 2 × (5 + 0.5·5) = $15M;
    // no replacements → total $160M. PFLOP-days = 2 × 50 × 365.25 = 36,525 → $4,380.56/PFLOP-day.
    // Tokens/s per satellite = 2e15 / (2 × 70e9) = 14,285.7; tokens = 14,285.7 × 50 × 31,557,600 s
    // = 2.2541e13 → $160M / 2.2541e7 Mtoken = $7.098/Mtoken.
    const r = constellationEconomics(base);
    expect(r.hardware_USD).toBe(100e6);
    expect(r.operations_USD).toBe(25e6);
    expect(r.ground_USD).toBe(15e6);
    expect(r.replacements_USD).toBe(0);
    expect(r.total_USD).toBe(160e6);
    expect(r.lcoc_USD_per_PFLOP_day).toBeCloseTo(4380.5613, 3);
    expect(r.tokens_per_s).toBeCloseTo(142857.14, 2);
    expect(r.cost_USD_per_Mtoken).toBeCloseTo(7.09813, 5);
  });

  it('replacements continue the learning curve and pay the average launch price per satellite', () => {
    // N = 4, LR 0.9, H = 10, L = 5 → 4 end-of-life replacements: units 5…8 = 3.017520 × T1; launch 4 × $20M/4.
    const r = constellationEconomics({ ...base, satellites: 4, learningRate: 0.9, horizon_yr: 10 });
    expect(r.replacements).toBe(4);
    expect(r.hardware_USD).toBeCloseTo(3.556206e7, -1);
    expect(r.replacementHardware_USD).toBeCloseTo(3.01752e7, -1);
    expect(r.replacementLaunch_USD).toBe(20e6);
  });

  it('default operations: 1 %/yr of (first-unit hardware + launch per satellite)', () => {
    const { operations_USD_per_satellite_yr: _drop, ...rest } = base;
    const r = constellationEconomics(rest);
    expect(r.operations_USD_per_satellite_yr).toBeCloseTo(0.01 * (10e6 + 2e6), 6);
  });

  it('rejects invalid input', () => {
    expect(() => constellationEconomics({ ...base, satellites: 0 })).toThrow(RangeError);
    expect(() => constellationEconomics({ ...base, gateways: -1 })).toThrow(RangeError);
    expect(() => constellationEconomics({ ...base, deliveredPFLOPS_per_satellite: 0 })).toThrow(RangeError);
  });
});
